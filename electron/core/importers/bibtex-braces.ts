import { latexTitle } from '../exporters/bibtex-latex';

/**
 * A span of a title the source braced to keep its case (`{Bayesian}`, `{New York}`): where it starts in
 * the title as stored, and its text, so that an edit of the title since is noticed.
 */
export type BracedSpan = [start: number, text: string];

/** The extra key that holds a paper's braced spans, by title part; `@` keeps it from being written as a field. */
export const BRACED_KEY = 'bibtex:@braced';

export type BracedParts = { title?: BracedSpan[]; subtitle?: BracedSpan[]; titleaddon?: BracedSpan[] };

// Private-use characters that mark a group's braces through the LaTeX conversion.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/**
 * The spans of a displayed title field that its BibTeX source braced, but for those within a group the
 * BibTeX export braces by its own rules (an acronym, a capital of a sentence-cased title, `{GaAs}` in
 * GaAs–AlGaAs): those need no record, and leaving them out keeps the record the same after an export and
 * an import. `display` turns raw LaTeX into the stored text, as the importer does for the field.
 */
export function bracedSpans(raw: string, shown: string, display: (raw: string) => string): BracedSpan[] {
  const given = spansOf(raw, shown, display);
  if (!given.length) return [];
  const own = spansOf(latexTitle(shown), shown, display);
  return given.filter(
    ([start, text]) => !own.some(([from, group]) => from <= start && start + text.length <= from + group.length),
  );
}

/** Every case-protecting group of `raw`, as spans of `shown`; none when the marks do not survive the conversion. */
function spansOf(raw: string, shown: string, display: (raw: string) => string): BracedSpan[] {
  const marked = markGroups(raw);
  if (marked === raw) return [];
  const converted = display(marked);
  if (converted.includes(OPEN) === false || squashed(converted) !== shown) return [];
  const spans: BracedSpan[] = [];
  for (let open = converted.indexOf(OPEN); open !== -1; open = converted.indexOf(OPEN, open + 1)) {
    const close = converted.indexOf(CLOSE, open);
    if (close === -1) break;
    const inner = converted.slice(open + 1, close);
    const before = converted.slice(0, open).replace(MARKS, '') + (/^\s*/.exec(inner)?.[0] ?? '');
    const text = squashed(inner);
    const prefix = squashed(before);
    const start = prefix.length + (prefix !== '' && /\s$/.test(before) ? 1 : 0);
    if (/\p{L}/u.test(text) && shown.slice(start, start + text.length) === text) spans.push([start, text]);
  }
  return spans;
}

const squashed = (text: string): string => text.replace(MARKS, '').replace(/\s+/g, ' ').trim();

/**
 * `raw` with each group BibTeX keeps the case of marked: a group at the field's top level, as change.case$
 * sees it, that does not start with a command (`{\"U}` is a special character, whose case a style changes),
 * is not a command's argument (`\emph{…}`, `\"{U}`) and is not in $…$ math.
 */
function markGroups(raw: string): string {
  let out = '';
  let math = false;
  let argument = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\') {
      const word = /^\\(?:[A-Za-z]+|.)/s.exec(raw.slice(i, i + 40))?.[0] ?? ch;
      out += word;
      i += word.length - 1;
      argument = /^\\(?:[A-Za-z]+|['`^"~=.])$/.test(word);
      continue;
    }
    if (ch === '$') math = !math;
    if (ch === '{') {
      const end = groupEnd(raw, i);
      const group = raw.slice(i, end);
      out += argument || math || group.startsWith('{\\') ? group : `${OPEN}${group}${CLOSE}`;
      i = end - 1;
      argument = false;
      continue;
    }
    if (!/\s/.test(ch)) argument = false;
    out += ch;
  }
  return out;
}

/** The index after the brace that closes the group opening at `start` (or the end of `raw`). */
function groupEnd(raw: string, start: number): number {
  let depth = 0;
  for (let i = start; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
  }
  return raw.length;
}

/** The braced spans kept in a paper's extra, or none when the value is not what the importer wrote. */
export function bracedPartsOf(extra: Readonly<Record<string, string>> | undefined): BracedParts {
  const value = extra?.[BRACED_KEY];
  if (value === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const parts: BracedParts = {};
    for (const name of ['title', 'subtitle', 'titleaddon'] as const) {
      const spans = (parsed as Record<string, unknown>)[name];
      if (Array.isArray(spans)) parts[name] = spans.filter(isSpan);
    }
    return parts;
  } catch {
    return {};
  }
}

const isSpan = (value: unknown): value is BracedSpan =>
  Array.isArray(value) &&
  value.length === 2 &&
  Number.isInteger(value[0]) &&
  (value[0] as number) >= 0 &&
  typeof value[1] === 'string' &&
  value[1] !== '';
