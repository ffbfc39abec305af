import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../command';
import { parseImport, type ImportProblem } from '../importers';
import { decodeImportBytes } from '../importers/decode';
import { createPaper } from '../paper';
import { CommandError } from '../result';
import { LIBRARY_VERSION, type Source } from '../schema';

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const MAX_PASTE_CHARS = 50 * 1024 * 1024;

export const libraryImport = defineCommand({
  kind: 'mutation',
  summary: 'Import a digest or a Paperqueue backup from a file or pasted text; duplicates are skipped.',
  input: z
    .strictObject({
      /** Pasted text. */
      text: z.string().max(MAX_PASTE_CHARS, 'The pasted text is over 50 MB; import it as a file instead.').optional(),
      /** A file to read (the host has already let the user choose it). */
      path: z.string().min(1).max(4096).optional(),
      /** A label for pasted text. */
      name: z.string().max(500).optional(),
      format: z.enum(['auto', 'digest', 'json-backup']).default('auto'),
    })
    .refine((input) => (input.text === undefined) !== (input.path === undefined), {
      message: 'Give either "text" or "path".',
    }),
  async run(ctx, input) {
    const { text, label, file } = input.path
      ? await readImportFile(input.path)
      : { text: input.text ?? '', label: input.name ?? 'pasted text', file: undefined };
    const parsed = parseImport(text, input.format, label);
    const now = ctx.now().toISOString();
    const source: Source = { format: parsed.format, name: parsed.sourceName, importedAt: now };
    if (file) source.file = file;
    const problems: ImportProblem[] = [...parsed.problems];
    const ids: string[] = [];
    let duplicates = 0;
    for (const draft of parsed.drafts) {
      if (draft.title.trim() === '') {
        problems.push({ where: label, message: 'an entry without a title was skipped' });
        continue;
      }
      if (ctx.store.findDuplicate(draft)) {
        duplicates++;
        continue;
      }
      // A backup's id may already belong to another paper of this library.
      const fresh = draft.id && ctx.store.get(draft.id) ? { ...draft, id: undefined } : draft;
      const paper = createPaper(fresh, source, ctx.store.nextRank(), now);
      ctx.store.insert(paper);
      ids.push(paper.id);
    }
    ctx.changed(ids);
    return { format: parsed.format, source: parsed.sourceName, added: ids.length, duplicates, errors: problems, ids };
  },
});

async function readImportFile(path: string): Promise<{ text: string; label: string; file: string }> {
  const label = basename(path);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CommandError('INVALID_INPUT', `${path} is a folder, not a file.`);
    if (info.size > MAX_IMPORT_BYTES) {
      throw new CommandError('INVALID_INPUT', `${path} is ${Math.round(info.size / 1048576)} MB; the limit is 200 MB.`);
    }
    return { text: decodeImportBytes(await readFile(path)).text, label, file: label };
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new CommandError(code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_INPUT', `Cannot read ${path}: ${reason}.`);
  }
}

export const libraryExport = defineCommand({
  kind: 'query',
  summary: 'Export the whole library; "json" is a full backup that library.import restores.',
  input: z.strictObject({ format: z.enum(['json']).default('json') }).default({ format: 'json' }),
  run(ctx, { format }) {
    const now = ctx.now();
    const papers = [...ctx.store.all()];
    const content = JSON.stringify(
      { app: 'Paperqueue', version: LIBRARY_VERSION, exportedAt: now.toISOString(), papers },
      null,
      1,
    );
    return {
      format,
      count: papers.length,
      fileName: `paperqueue-${now.toISOString().slice(0, 10)}.json`,
      content: content + '\n',
    };
  },
});
