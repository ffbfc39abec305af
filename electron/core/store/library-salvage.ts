import { LIBRARY_VERSION, PaperSchema, RuleSchema, type Paper, type Rule } from '../schema';
import { migrate } from './migrations';

/*
 * What can still be read of a damaged library.json. The app writes one paper per line (library-serialize.ts),
 * so a cut or a broken byte costs the papers of the lines it touched, not the library: each line is read on
 * its own, and the papers that parse and pass the schema are kept. A file in any other layout (a hand-made
 * one, pretty-printed) gives nothing here, and recovery falls back to the newest backup alone.
 */

/** A line that could not be read as a paper: its number in the file, and the id it names if one can be seen. */
export type UnreadableLine = { line: number; id?: string };

export type Salvage = {
  /** The version its first line names; undefined when that line is not the app's header. */
  version?: number;
  papers: Paper[];
  /** The keyword rules, when the file's first line (which holds them, or says there are none) could be read. */
  rules?: Rule[];
  unreadable: UnreadableLine[];
  /** Its last line (the footer) is there: the file was not cut short, only broken in places. */
  whole: boolean;
};

const HEADER = /^\{"version":(\d{1,9}),(?:"rules":(\[.*\]),)?"papers":\[$/;
/** The start of the app's header, when the rest of that line is damaged. */
const HEADER_START = /^\{"version":(\d{1,9})[,}]/;
const FOOTER = /^\]\}\s*$/;
/** An id as the app makes them: never anything a terminal would take for a control sequence. */
const ID_IN_LINE = /"id"\s*:\s*"([\w.:-]{1,64})"/;
const MAX_RULES = 500;
const NEWLINE = 10;

/** Every paper of `bytes` (a library file in the one-paper-per-line layout) that can still be read. */
export function salvageLibrary(bytes: Uint8Array): Salvage {
  const lines = splitLines(bytes);
  const first = decode(lines[0] ?? new Uint8Array(0))?.replace(/\r$/, '') ?? '';
  const head = HEADER.exec(first);
  const opened = head ?? HEADER_START.exec(first);
  if (!opened) return { papers: [], unreadable: [], whole: false };
  const version = Number(opened[1]);
  // A newer Paperqueue's papers would lose what this one does not know: none are taken.
  if (version > LIBRARY_VERSION) return { version, papers: [], unreadable: [], whole: false };
  const rules = head ? (head[2] === undefined ? [] : readRules(head[2])) : undefined;
  const raw: { line: number; value: unknown }[] = [];
  const unreadable: UnreadableLine[] = [];
  let whole = false;
  for (let i = 1; i < lines.length; i++) {
    const text = decode(lines[i]!);
    if (text === undefined) {
      // Not UTF-8: a broken byte, which parsing would keep as U+FFFD in the paper. Its id may still be read.
      unreadable.push(unreadableLine(i + 1, lenient.decode(lines[i])));
      continue;
    }
    const line = text.replace(/\r$/, '').replace(/,\s*$/, '');
    if (FOOTER.test(line)) {
      whole = true;
      continue;
    }
    if (line.trim() === '') continue;
    try {
      raw.push({ line: i + 1, value: JSON.parse(line) });
    } catch {
      unreadable.push(unreadableLine(i + 1, line));
    }
  }
  const papers: Paper[] = [];
  const seen = new Set<string>();
  const migrated = migratePapers(
    version,
    raw.map((r) => r.value),
  );
  raw.forEach(({ line, value }, i) => {
    const parsed = PaperSchema.safeParse(migrated?.[i] ?? value);
    if (!parsed.success) unreadable.push(unreadableLine(line, JSON.stringify(value) ?? ''));
    else if (!seen.has(parsed.data.id)) {
      seen.add(parsed.data.id);
      papers.push(parsed.data);
    }
  });
  unreadable.sort((a, b) => a.line - b.line);
  return { version, papers, ...(rules && { rules }), unreadable, whole };
}

/** The file's lines as bytes, each without its newline. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, start)) {
    lines.push(bytes.subarray(start, at));
    start = at + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function decode(line: Uint8Array): string | undefined {
  try {
    return utf8.decode(line);
  } catch {
    return undefined;
  }
}

function unreadableLine(line: number, text: string): UnreadableLine {
  const id = ID_IN_LINE.exec(text)?.[1];
  return id === undefined ? { line } : { line, id };
}

/** The papers as this version holds them (a file of an older version is migrated as a whole), or undefined. */
function migratePapers(version: number, papers: unknown[]): unknown[] | undefined {
  if (version === LIBRARY_VERSION) return papers;
  try {
    const file: { version: number; papers: unknown[] } = { version, papers };
    const out = migrate(file) as { papers?: unknown };
    return Array.isArray(out.papers) && out.papers.length === papers.length ? out.papers : undefined;
  } catch {
    return undefined;
  }
}

function readRules(text: string): Rule[] | undefined {
  try {
    const parsed = RuleSchema.array().max(MAX_RULES).safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
