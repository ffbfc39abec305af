import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { LIBRARY_VERSION, type LibraryFile, type Paper } from '../schema';
import { grouped, utcMinute } from '../text';
import { idFor, listBackups, type BackupInfo } from './backups';
import { writeFileDurably } from './durable-file';
import { StoreLoadError, describeSystemError, parseLibrary, serializeLibrary } from './library-file';
import { salvageLibrary, type Salvage, type UnreadableLine } from './library-salvage';

/** What opening a damaged library.json did, and `summary`, the sentence every host shows for it. */
export type Recovery = {
  damagedFile: string;
  /** Why the file could not be opened (the parser's words). */
  reason: string;
  /** The backup that filled in what the damaged file lost, if one was valid. */
  backup?: BackupInfo;
  /** Papers read from the damaged file itself. */
  salvaged: number;
  /** Papers the damaged file had lost, taken from the backup as they were then. */
  fromBackup: number;
  /** The damaged file's lines that could not be read as papers (kept in damagedFile). */
  unreadable: UnreadableLine[];
  summary: string;
};

/**
 * library.json cannot be opened: move it aside (kept, never deleted) and write in its place every paper that
 * can still be read from it, with the newest valid backup's papers that it lost (a cut file loses its last
 * lines; a broken line, its paper: lostPapers). Papers read from the damaged file win over their older backup
 * copies. A damaged library of a newer Paperqueue is left where it is (StoreLoadError).
 * Without a readable paper or a valid backup, the library starts empty and the damaged file stays aside.
 */
export async function recoverLibrary(dataDir: string, reason: string, now = new Date()): Promise<Recovery> {
  const source = join(dataDir, 'library.json');
  const damagedFile = join(dataDir, `library.damaged-${idFor(now)}.json`);
  const bytes = await readFile(source).catch((error: unknown) => {
    // Not readable at all (a folder, no permission): nothing to salvage, and nothing is moved aside.
    throw new StoreLoadError(source, describeSystemError(error));
  });
  const salvage = salvageLibrary(bytes);
  if (salvage.version !== undefined && salvage.version > LIBRARY_VERSION) {
    // A newer Paperqueue's library is never moved aside or replaced, even damaged: that Paperqueue reads it.
    throw new StoreLoadError(
      source,
      `it was written by a newer Paperqueue (library version ${salvage.version}; this one reads up to ${LIBRARY_VERSION}) and is damaged: ${reason}`,
      true,
    );
  }
  await rename(source, damagedFile);
  const found = await newestValidBackup(dataDir);
  const lost = found ? lostPapers(salvage, found.library.papers) : [];
  const papers: Paper[] = [...salvage.papers, ...lost];
  const rules = salvage.rules ?? found?.library.rules;
  if (papers.length > 0 || rules?.length) {
    const library: LibraryFile = { version: LIBRARY_VERSION, papers, ...(rules?.length && { rules }) };
    await writeFileDurably(source, serializeLibrary(library));
  }
  const recovery = {
    damagedFile,
    reason,
    ...(found && { backup: found.backup }),
    salvaged: salvage.papers.length,
    fromBackup: lost.length,
    unreadable: salvage.unreadable,
  };
  return { ...recovery, summary: describeRecovery(recovery, found?.library.papers) };
}

/**
 * The backup's papers the damaged file lost: those of its unreadable lines, and, when the file was cut short,
 * those after the last paper it still has (in the backup's order, which is the file's). Not the others it lacks:
 * a paper deleted or merged away since the backup is not brought back.
 */
function lostPapers(salvage: Salvage, backup: readonly Paper[]): Paper[] {
  const have = new Set(salvage.papers.map((paper) => paper.id));
  const named = new Set(salvage.unreadable.flatMap((line) => (line.id === undefined ? [] : [line.id])));
  const cutAfter = salvage.whole ? Infinity : backup.findLastIndex((paper) => have.has(paper.id));
  return backup.filter((paper, i) => !have.has(paper.id) && (named.has(paper.id) || i > cutAfter));
}

async function newestValidBackup(dataDir: string): Promise<{ backup: BackupInfo; library: LibraryFile } | undefined> {
  for (const backup of await listBackups(dataDir)) {
    try {
      return { backup, library: parseLibrary(backup.file, await readFile(backup.file)) };
    } catch {
      continue;
    }
  }
  return undefined;
}

const papers = (n: number): string => `${grouped(n)} ${n === 1 ? 'paper' : 'papers'}`;
/** The unreadable lines named in a message, at most. */
const LINES_NAMED = 5;

/** One paragraph: what was wrong, what the library holds now, and what, if anything, is missing. */
function describeRecovery(
  { damagedFile, reason, backup, salvaged, fromBackup, unreadable }: Omit<Recovery, 'summary'>,
  backupPapers: readonly Paper[] | undefined,
): string {
  const said = [`The library file could not be read: ${reason}. It was moved to ${damagedFile}.`];
  const sources: string[] = [];
  if (salvaged > 0) sources.push(`${papers(salvaged)} read from it`);
  if (fromBackup > 0 && backup)
    sources.push(`${papers(fromBackup)} it had lost from the backup of ${utcMinute(backup.at)}`);
  said.push(
    sources.length > 0
      ? `The library now holds ${sources.join(' and ')}.`
      : 'No paper could be read from it and no backup was valid, so the library starts empty.',
  );
  // The backup's papers are the backup's: what was done to them after it (a note, a highlight, a status, the
  // place in a PDF) was only in the damaged file, and is lost with the lines it could not give back.
  if (fromBackup > 0 && backup)
    said.push(
      `${fromBackup === 1 ? 'That paper is' : `Those ${grouped(fromBackup)} are`} as ${fromBackup === 1 ? 'it was' : 'they were'} then: ` +
        'notes, highlights, statuses and reading places changed on them since could not be recovered.',
    );
  if (unreadable.length > 0) {
    const inBackup = new Set(backupPapers?.map((paper) => paper.id));
    const missing = unreadable.filter((line) => line.id === undefined || !inBackup.has(line.id));
    const named = (list: UnreadableLine[]) =>
      list
        .slice(0, LINES_NAMED)
        .map(({ line, id }) => (id ? `${line} (paper ${id})` : String(line)))
        .join(', ') + (list.length > LINES_NAMED ? ` and ${grouped(list.length - LINES_NAMED)} more` : '');
    said.push(
      missing.length === 0
        ? `Its unreadable ${unreadable.length === 1 ? 'line' : 'lines'} ${named(unreadable)} came back from the backup.`
        : `${missing.length === 1 ? 'Line' : 'Lines'} ${named(missing)} could not be read and ${missing.length === 1 ? 'is' : 'are'} in no backup: ${missing.length === 1 ? 'it is' : 'they are'} kept in the moved file.`,
    );
  }
  return said.join(' ');
}
