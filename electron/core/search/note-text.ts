/**
 * A note's Markdown as the plain text a list row shows of it: headings, list and quote markers, emphasis,
 * code marks, links (their text stays, the address goes), images (their description), HTML tags, rules and
 * table lines taken away. Math ($…$) stays as written: the row draws it.
 *
 * Not a Markdown parser on purpose. The one the app draws notes with (micromark, with GFM and math) took
 * 2 to 10 ms for a kilobyte of note here, and a page of a search's rows, 100 of them, is marked in under a
 * millisecond; this reads only the few hundred characters a row shows (see notePassage) in one pass of
 * line and inline rules, in microseconds. What it cannot know (a "#" line inside a code block cut in half by
 * the window) only costs a character or two of a two-line passage.
 */
export function plainMarkdown(markdown: string): string {
  if (!MAY_BE_MARKDOWN.test(markdown)) return markdown;
  const lines: string[] = [];
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line) || RULE.test(line) || TABLE_DELIMITER.test(line)) continue;
    let text = line.replace(BLOCK_MARKERS, '').replace(HEADING, '').replace(CLOSING_HASHES, '');
    if (text.trimStart().startsWith('|')) text = text.replace(/\|/g, ' ');
    lines.push(text);
  }
  return plainInline(lines.join('\n'));
}

/** A character a Markdown construct needs (a list's digit-and-dot aside): most notes' windows have one. */
const MAY_BE_MARKDOWN = /[*_`#[\]<>|~\\!]|^\s*(?:[-+]|\d{1,9}[.)])\s/m;

const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/;
/** A thematic break, or a setext heading's underline. */
const RULE = /^\s{0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;
/** Quote markers, then a list item's marker and its task box. */
const BLOCK_MARKERS = /^(?:\s*>)*\s*(?:(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)?/;
const HEADING = /^\s{0,3}#{1,6}(?:\s+|$)/;
const CLOSING_HASHES = /\s+#+\s*$/;

/** Escaped characters, code spans and math, kept apart while the inline rules run (they are not Markdown). */
const LITERAL = /\\([!-/:-@[-`{-~])|(`+)([^`]|[^`][\s\S]*?[^`])\2(?!`)|\$\$[^$]+\$\$|\$[^$\s](?:[^$\n]*[^$\s])?\$/g;
const HELD = /\uE000(\d+)\uE001/g;

const INLINE: [RegExp, string][] = [
  // Images by their description, links by their text; reference links too, and <https://…> by the address.
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/!?\[([^\]]+)\]\([^)]*\)/g, '$1'],
  [/!?\[([^\]]+)\]\[[^\]]*\]/g, '$1'],
  [/<((?:https?|mailto):[^>\s]+)>/gi, '$1'],
  // Tags (<b>, </span>, <br/>); a "<" in prose, not followed by a letter or "/", stays.
  [/<\/?[a-z][^>]*>/gi, ''],
  // Strong, emphasis, strike-through: the marks around non-blank text, "_" only outside a word (snake_case).
  [/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2'],
  [/\*(?=[^\s*])([^*\n]*?[^\s*])\*/g, '$1'],
  [/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2'],
  [/~~(?=\S)([^\n]*?\S)~~/g, '$1'],
  // A footnote's reference ([^1]).
  [/\[\^[^\]]+\]/g, ''],
];

function plainInline(text: string): string {
  const held: string[] = [];
  const hold = (whole: string, escaped?: string, ticks?: string, code?: string) => {
    held.push(escaped ?? (ticks ? code!.trim() : whole));
    return `\uE000${held.length - 1}\uE001`;
  };
  let out = text.replace(LITERAL, hold);
  for (const [rule, by] of INLINE) out = out.replace(rule, by);
  return out.replace(HELD, (_, i: string) => held[Number(i)]!);
}
