import { isUtf8 } from 'node:buffer';
import type { z } from 'zod';
import { LIBRARY_VERSION, LibraryFileSchema, PaperSchema, type LibraryFile, type Paper } from '../schema';
import { LinePlaces, splitPaperLines, type PaperLines } from './library-lines';
import { migrate } from './migrations';
import { isShelved } from './abstract-shelf';
import { isPaper } from './paper-check';
import { jsonProblem } from '../json-problem';

const RulesSchema = LibraryFileSchema.shape.rules;

/** library.json could not be used as it is. The file is left untouched. */
export class StoreLoadError extends Error {
  readonly file: string;
  /** What is wrong with it, without the file's name. */
  readonly reason: string;
  /** Written by a newer Paperqueue: not damaged, so never moved aside or replaced by a backup. */
  readonly fromNewerVersion: boolean;
  constructor(file: string, reason: string, fromNewerVersion = false) {
    super(`Cannot open the library ${file}: ${reason}. The file was left untouched.`);
    this.name = 'StoreLoadError';
    this.file = file;
    this.reason = reason;
    this.fromNewerVersion = fromNewerVersion;
  }
}

/**
 * Decode, parse, migrate and validate a library file; a StoreLoadError names the file and the problem.
 * Papers are checked by a fast structural check first and by the zod schema only when that is unsure,
 * so a bad file is described exactly as the schema describes it.
 */
export function parseLibrary(file: string, bytes: Uint8Array): LibraryFile {
  return decodeLibrary(file, bytes).library;
}

export type Decoded = {
  library: LibraryFile;
  placements?: LinePlaces;
  /** The version the file had when it was older than this Paperqueue's (it was migrated on reading). */
  migratedFrom?: number;
};

/** parseLibrary, and where each paper's line lies when the file has one paper per line (undefined for a paper the schema changed). */
export function decodeLibrary(file: string, bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) throw new StoreLoadError(file, 'it is not UTF-8 text');
  const lines = splitPaperLines(buffer);
  if (lines) return checkLibrary(file, lines, lines);
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(buffer);
  if (text.trim() === '') throw new StoreLoadError(file, 'it is empty');
  try {
    return checkLibrary(file, JSON.parse(text));
  } catch (error) {
    if (error instanceof StoreLoadError) throw error;
    throw new StoreLoadError(file, `it is ${jsonProblem(text, error)}`);
  }
}

/** Check, migrate and validate a parsed library; `lines` is the same library as read line by line. */
export function checkLibrary(file: string, raw: unknown, lines?: PaperLines): Decoded {
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreLoadError(file, 'it has no valid "version" field, so it is not a Paperqueue library');
  }
  if (version > LIBRARY_VERSION) {
    throw new StoreLoadError(
      file,
      `it was written by a newer Paperqueue (library version ${version}; this one reads up to ${LIBRARY_VERSION})`,
      true,
    );
  }
  if (version === LIBRARY_VERSION) {
    const papers = checkPapers((raw as { papers?: unknown }).papers);
    if (papers) {
      const placements = lines && placesOf(papers, lines);
      const rules = (raw as { rules?: unknown }).rules;
      if (rules === undefined) return { library: { version: LIBRARY_VERSION, papers }, placements };
      const checked = RulesSchema.safeParse(rules);
      if (checked.success) return { library: { version: LIBRARY_VERSION, papers, rules: checked.data }, placements };
    }
  }
  const parsed = LibraryFileSchema.safeParse(migrate(raw as { version: number }));
  if (!parsed.success) throw new StoreLoadError(file, describeIssues(parsed.error));
  return version < LIBRARY_VERSION ? { library: parsed.data, migratedFrom: version } : { library: parsed.data };
}

/** Where each paper's line lies, for the papers taken as their lines were parsed (not those the schema changed). */
function placesOf(papers: readonly Paper[], lines: PaperLines): LinePlaces {
  const places = new LinePlaces(papers.length);
  papers.forEach((paper, i) => {
    if (paper === lines.papers[i]) places.add(paper, lines.spans[2 * i]!, lines.spans[2 * i + 1]!);
  });
  return places;
}

/**
 * The papers as the schema would give them: each that passes the structural check as it is, any other
 * through PaperSchema (which drops unknown keys). Undefined if one is invalid, to let the whole-file
 * schema describe the problems.
 */
function checkPapers(papers: unknown): Paper[] | undefined {
  if (!Array.isArray(papers)) return undefined;
  const out: Paper[] = new Array<Paper>(papers.length);
  for (let i = 0; i < papers.length; i++) {
    const paper: unknown = papers[i];
    // A shelved paper passed the same check as its line was read (reading its abstract back costs a read).
    if ((typeof paper === 'object' && paper !== null && isShelved(paper)) || isPaper(paper)) {
      out[i] = paper as Paper;
      continue;
    }
    const parsed = PaperSchema.safeParse(paper);
    if (!parsed.success) return undefined;
    out[i] = parsed.data;
  }
  return out;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `it does not match the library format: ${shown.join('; ')}${more}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}
