import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { LIBRARY_VERSION, LibraryFileSchema, PaperSchema, emptyLibrary, type LibraryFile, type Paper } from '../schema';
import { lineColumnAt } from '../text';
import { writeFileDurably } from './durable-file';
import { migrate } from './migrations';
import { isPaper } from './paper-check';

const RulesSchema = LibraryFileSchema.shape.rules;

/** library.json could not be used as it is. The file is left untouched. */
export class StoreLoadError extends Error {
  readonly file: string;
  /** Written by a newer Paperqueue: not damaged, so never moved aside or replaced by a backup. */
  readonly fromNewerVersion: boolean;
  constructor(file: string, reason: string, fromNewerVersion = false) {
    super(`Cannot open the library ${file}: ${reason}. The file was left untouched.`);
    this.name = 'StoreLoadError';
    this.file = file;
    this.fromNewerVersion = fromNewerVersion;
  }
}

/** lowdb adapter for library.json: strict decoding, validation and migration on read; durable writes. */
export class LibraryFileAdapter implements Adapter<LibraryFile> {
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }

  async read(): Promise<LibraryFile | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new StoreLoadError(this.file, describeSystemError(error));
    }
    const library = parseLibrary(this.file, bytes);
    validated.set(this.file, { bytes, library });
    return library;
  }

  async write(data: LibraryFile): Promise<void> {
    const content = await serializeLibraryInSteps(data);
    validated.delete(this.file);
    await writeFileDurably(this.file, content);
  }
}

/**
 * library.json holds one paper per line:
 *   {"version":1,"papers":[
 *   {...paper...},
 *   {...paper...}
 *   ]}
 * still plain JSON, so any JSON reader (and older Paperqueues) read it. Each paper's line is kept per
 * paper object (papers are replaced, never mutated), so a save serialises only the papers that changed,
 * and a library opened from this layout starts with every line known.
 */
const paperLines = new WeakMap<Paper, string>();

/** The first line: the version, the reader's rules when there are any (one line of JSON), and the papers' opening. */
const header = (version: number, rules: LibraryFile['rules']): string =>
  rules?.length
    ? `{"version":${version},"rules":${JSON.stringify(rules)},"papers":[\n`
    : `{"version":${version},"papers":[\n`;
const FOOTER = ']}\n';

function paperLine(paper: Paper): string {
  let line = paperLines.get(paper);
  if (line === undefined) {
    line = JSON.stringify(paper);
    paperLines.set(paper, line);
  }
  return line;
}

export function serializeLibrary(data: LibraryFile): string {
  return serializeLines(data.version, data.rules, data.papers.map(paperLine));
}

/** How long serialising may hold the event loop before it lets other work run. */
const SLICE_MS = 8;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * serializeLibrary in slices of a few milliseconds: unchanged papers reuse their line, changed ones are
 * stringified, and other work runs between slices. Only the final join is one step; it copies the
 * file's characters once (and writeFileDurably encodes them once more, in a step of its own).
 */
export async function serializeLibraryInSteps(data: LibraryFile): Promise<string> {
  const papers = data.papers;
  const lines = new Array<string>(papers.length);
  let deadline = performance.now() + SLICE_MS;
  for (let i = 0; i < papers.length; i++) {
    const paper = papers[i]!;
    const line = paperLines.get(paper);
    if (line !== undefined) {
      lines[i] = line;
      continue;
    }
    lines[i] = paperLine(paper);
    if (performance.now() >= deadline) {
      await yieldToEventLoop();
      deadline = performance.now() + SLICE_MS;
    }
  }
  await yieldToEventLoop();
  return serializeLines(data.version, data.rules, lines);
}

/** One flat string (join copies once; adding header and footer to it would make a rope to copy again). */
function serializeLines(version: number, rules: LibraryFile['rules'], lines: string[]): string {
  if (lines.length === 0) return `${header(version, rules)}${FOOTER}`;
  lines[0] = `${header(version, rules)}${lines[0]}`;
  lines[lines.length - 1] = `${lines[lines.length - 1]}\n${FOOTER}`;
  return lines.join(',\n');
}

/** The bytes of a library file read and validated at open, so the backup made just after needs no second parse. */
const validated = new Map<string, { bytes: Uint8Array; library: LibraryFile }>();

/** Drop what `read` remembered about `file` (the store calls this once its open is over). */
export function forgetValidated(file: string): void {
  validated.delete(file);
}

/**
 * Decode, parse, migrate and validate a library file; a StoreLoadError names the file and the problem.
 * Papers are checked by a fast structural check first and by the zod schema only when that is unsure,
 * so a bad file is described exactly as the schema describes it.
 */
export function parseLibrary(file: string, bytes: Uint8Array): LibraryFile {
  const known = validated.get(file);
  if (known && Buffer.compare(known.bytes, bytes) === 0) return known.library;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new StoreLoadError(file, 'it is not UTF-8 text');
  }
  if (text.trim() === '') throw new StoreLoadError(file, 'it is empty');
  const lines = splitPaperLines(text);
  let raw: unknown;
  if (lines) {
    raw = { version: lines.version, papers: lines.papers, ...(lines.rules !== undefined && { rules: lines.rules }) };
  } else {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new StoreLoadError(file, describeJsonError(text, error));
    }
  }
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
      // The lines are slices of the file's text and keep it in memory: fine for ASCII, which V8 holds at a
      // byte a character, but one character above U+00FF makes the whole text two bytes a character.
      if (lines && isAscii(bytes)) {
        papers.forEach((paper, i) => paper === lines.papers[i] && paperLines.set(paper, lines.text[i]!));
      }
      const rules = (raw as { rules?: unknown }).rules;
      if (rules === undefined) return { version: LIBRARY_VERSION, papers };
      const checked = RulesSchema.safeParse(rules);
      if (checked.success) return { version: LIBRARY_VERSION, papers, rules: checked.data };
    }
  }
  const parsed = LibraryFileSchema.safeParse(migrate(raw as { version: number }));
  if (!parsed.success) throw new StoreLoadError(file, describeIssues(parsed.error));
  return parsed.data;
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
    if (isPaper(paper)) {
      out[i] = paper;
      continue;
    }
    const parsed = PaperSchema.safeParse(paper);
    if (!parsed.success) return undefined;
    out[i] = parsed.data;
  }
  return out;
}

const HEADER = /^\{"version":(\d{1,9}),(?:"rules":(\[.*\]),)?"papers":\[\n$/;

/**
 * The papers of a file in the one-paper-per-line layout, each parsed from its own line, with the lines;
 * undefined for any other layout or a line that is not JSON (the whole-file parse then says where).
 * Each line holding exactly one JSON value makes this the same as parsing the whole text.
 */
function splitPaperLines(
  text: string,
): { version: number; rules?: unknown; papers: unknown[]; text: string[] } | undefined {
  const head = HEADER.exec(text.slice(0, text.indexOf('\n') + 1));
  if (!head) return undefined;
  let rules: unknown;
  try {
    rules = head[2] === undefined ? undefined : JSON.parse(head[2]);
  } catch {
    return undefined;
  }
  const papers: unknown[] = [];
  const lineTexts: string[] = [];
  let at = head[0].length;
  if (text.length === at + FOOTER.length && text.endsWith(FOOTER))
    return { version: Number(head[1]), rules, papers, text: lineTexts };
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end < 0) return undefined;
    const more = text.charCodeAt(end - 1) === 44; // a comma: another paper follows
    const line = text.slice(at, more ? end - 1 : end);
    try {
      papers.push(JSON.parse(line));
    } catch {
      return undefined;
    }
    lineTexts.push(line);
    at = end + 1;
    if (!more) break;
  }
  if (text.length !== at + FOOTER.length || !text.endsWith(FOOTER)) return undefined;
  return { version: Number(head[1]), rules, papers, text: lineTexts };
}

export { emptyLibrary };

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) {
    const { line, column } = lineColumnAt(text, Number(position[1]));
    return `it is not valid JSON at line ${line}, column ${column} (${message.replace(/ in JSON at position.*/, '')})`;
  }
  if (/end of JSON input|Unterminated/i.test(message)) return 'it is not valid JSON: it ends too early (truncated?)';
  return `it is not valid JSON (${message})`;
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

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
