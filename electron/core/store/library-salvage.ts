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
  papers: Paper[];
  /** The keyword rules, when the file's first line (which holds them) could be read. */
  rules?: Rule[];
  unreadable: UnreadableLine[];
};

const HEADER = /^\{"version":(\d{1,9}),(?:"rules":(\[.*\]),)?"papers":\[$/;
const FOOTER = /^\]\}\s*$/;
const ID_IN_LINE = /"id":"([^"\\]{1,200})"/;

/** Every paper of `text` (a library file in the one-paper-per-line layout) that can still be read. */
export function salvageLibrary(text: string): Salvage {
  const lines = text.split('\n');
  const head = HEADER.exec(lines[0] ?? '');
  // A first line that opens the file's object is its header, even damaged (it holds no paper).
  const opened =
    head ?? (/^\s*\{\s*"version"/.test(lines[0] ?? '') ? /"version"\s*:\s*(\d{1,9})/.exec(lines[0]!) : null);
  const version = opened?.[1] ? Number(opened[1]) : LIBRARY_VERSION;
  const rules = head?.[2] === undefined ? undefined : readRules(head[2]);
  const raw: { line: number; value: unknown }[] = [];
  const unreadable: UnreadableLine[] = [];
  for (let i = opened ? 1 : 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/,\s*$/, '');
    if (line.trim() === '' || FOOTER.test(line)) continue;
    try {
      raw.push({ line: i + 1, value: JSON.parse(line) });
    } catch {
      unreadable.push(unreadableLine(i + 1, line));
    }
  }
  const papers: Paper[] = [];
  const seen = new Set<string>();
  const migrated =
    version > LIBRARY_VERSION
      ? []
      : migratePapers(
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
  return { papers, ...(rules && { rules }), unreadable };
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
    const parsed = RuleSchema.array().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
