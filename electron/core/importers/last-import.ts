import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { undoImport, type ImportUndo } from '../import-undo';
import { CommandError } from '../result';
import { writeFileDurably } from '../store/durable-file';
import type { LibraryStore } from '../store/store';

/** Beside library.json: what the last import did, so that it can be taken back (by the app's Undo or the CLI). */
export const LAST_IMPORT_FILE_NAME = 'last-import.json';

const LastImportSchema = z.object({
  version: z.literal(1),
  /** Names this import, so an Undo shown for it never takes back a later one. */
  id: z.string(),
  source: z.string(),
  /** How many files of one batch (chosen together) it takes back; absent for one file. */
  files: z.number().int().min(2).optional(),
  at: z.string(),
  undo: z.object({
    added: z.array(z.string()),
    // The fields' values as this program wrote them; undoImport only puts back a value still as it left it.
    filled: z.array(
      z.object({
        paperId: z.string(),
        before: z.record(z.string(), z.unknown()),
        after: z.record(z.string(), z.unknown()),
      }),
    ),
    attached: z.array(z.object({ paperId: z.string(), hash: z.string() })).optional(),
  }),
});
type LastImport = z.infer<typeof LastImportSchema>;

/** What taking an import back did. */
export type Undone = {
  source: string;
  /** Papers the import added, removed again. */
  removed: number;
  /** Papers whose filled-in details were put back as they were. */
  restored: number;
  /** Papers the import added that were read, noted, tagged, highlighted or given a PDF since: kept. */
  kept: number;
  /** PDFs the import attached, taken off their paper again (a PDF highlighted or read in since stays). */
  detached?: number;
  /** The files of a batch it took back, when there were several (`source` names the first). */
  files?: number;
};

const fileOf = (store: LibraryStore) => join(store.dataDir, LAST_IMPORT_FILE_NAME);

/**
 * Keep what an import did as the one that Undo takes back, and return its id. An import that changed
 * nothing leaves nothing to take back: it clears the record, so an Undo never takes back an older import.
 * `joining`: the id of the import before it in the same batch (several files chosen at once); while that is
 * still the last import, this one is added to it, so that one Undo takes back the whole batch.
 */
export async function rememberImport(
  store: LibraryStore,
  source: string,
  at: string,
  undo: ImportUndo,
  joining?: string,
): Promise<string | undefined> {
  const before = joining === undefined ? undefined : await joinable(store, joining);
  if (undo.added.length === 0 && undo.filled.length === 0 && !undo.attached?.length) {
    if (before) return before.id;
    await forgetImport(store);
    return undefined;
  }
  const record: LastImport = before
    ? {
        ...before,
        id: randomUUID(),
        files: (before.files ?? 1) + 1,
        undo: {
          added: [...before.undo.added, ...undo.added],
          filled: [...before.undo.filled, ...undo.filled],
          attached: [...(before.undo.attached ?? []), ...(undo.attached ?? [])],
        },
      }
    : { version: 1, id: randomUUID(), source, at, undo };
  await writeFileDurably(fileOf(store), JSON.stringify(record));
  return record.id;
}

/**
 * The last import, when it is the one named `id` (a batch's import before this one); a file of the batch
 * that changed nothing keeps it as it is. `undefined` when another import came since, or none is kept.
 */
export async function joinable(store: LibraryStore, id: string): Promise<LastImport | undefined> {
  const last = await readLastImport(store).catch(() => undefined);
  return last?.id === id ? last : undefined;
}

/** No import is there to take back (a PDF came in since, or the last one was taken back). */
export async function forgetImport(store: LibraryStore): Promise<void> {
  await rm(fileOf(store), { force: true });
}

/**
 * Take the last import back (`id` "last", or the id its report gave): its papers removed and the details it
 * filled in put back, keeping whatever the person changed since (undoImport). Refused, naming why, when
 * there is none or when another import came since the one asked for.
 */
export async function undoLastImport(
  store: LibraryStore,
  id: string,
  now: string,
): Promise<Undone & { ids: string[] }> {
  const last = await readLastImport(store);
  if (!last) throw new CommandError('NOT_FOUND', 'There is no import to undo: the last one was already taken back.');
  if (id !== 'last' && id !== last.id) {
    throw new CommandError(
      'CONFLICT',
      `That import can no longer be undone: “${last.source}” was imported after it (undo that one first).`,
    );
  }
  const { removed, restored, kept, detached = [] } = undoImport(store, last.undo, now);
  await forgetImport(store);
  // A PDF file no paper refers to any more goes to the trash, as when a PDF is detached by hand.
  for (const { hash } of detached) {
    if (!store.attachmentRefs.has(hash)) await store.attachments.trash(hash).catch(() => undefined);
  }
  const offKept = detached.filter(({ paperId }) => !removed.includes(paperId));
  return {
    source: last.source,
    removed: removed.length,
    restored: restored.length,
    kept: kept.length,
    ...(offKept.length > 0 && { detached: offKept.length }),
    ...(last.files !== undefined && { files: last.files }),
    ids: [...new Set([...removed, ...restored, ...detached.map((d) => d.paperId)])],
  };
}

async function readLastImport(store: LibraryStore): Promise<LastImport | undefined> {
  let text: string;
  try {
    text = await readFile(fileOf(store), 'utf8');
  } catch {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = LastImportSchema.safeParse(parsed);
  if (!record.success) {
    throw new CommandError(
      'INVALID_INPUT',
      `${fileOf(store)} is damaged, so the last import cannot be undone; your library is unchanged.`,
    );
  }
  return record.data;
}
