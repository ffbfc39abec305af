/*
 * A search's text, read once into its parts: free words, quoted phrases, and the clauses that narrow it to a
 * field: `author:knuth` (a word of an author's name), `author:"van der Berg"` (a name's words side by side),
 * `tag:ml` and `#ml` (a tag). Anything else with a colon (`foo:bar`, `arXiv:2401.12345`) is words. An empty
 * `author:`, `tag:` or `#` narrows nothing (it is what a person is in the middle of typing); a quote left open
 * is closed at the end, for a phrase or a field's value alike.
 */

/** A search's text, read. */
export type ParsedSearch = {
  /** The free text in order: runs of words outside quotes, and each quote's text. */
  parts: { text: string; quoted: boolean }[];
  /** Each `author:` clause's value, as typed. */
  authors: string[];
  /** Each `tag:` or `#` clause's tag, as typed. */
  tags: string[];
};

/** Straight and typographic double quotes (a Mac may turn one into the other as it is typed). */
export const QUOTES = /["\u201c\u201d\u201e\u201f\u00ab\u00bb]/;
const FIELD = /^(author|tag):/i;
const isSpace = (char: string): boolean => /\s/.test(char);

/** Read a search's text (see above). */
export function parseSearch(text: string): ParsedSearch {
  const parsed: ParsedSearch = { parts: [], authors: [], tags: [] };
  // Free words run on in one part until a quote or a field's clause.
  let loose = '';
  const flush = (): void => {
    if (loose.trim()) parsed.parts.push({ text: loose.trim(), quoted: false });
    loose = '';
  };
  /** The text of the quote opening at `open`, and where reading goes on after it. */
  const quoteAt = (open: number): [string, number] => {
    let close = open + 1;
    while (close < text.length && !QUOTES.test(text[close]!)) close++;
    return [text.slice(open + 1, close), close + 1];
  };
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (isSpace(char)) {
      loose += char;
      at++;
      continue;
    }
    if (QUOTES.test(char)) {
      flush();
      const [quote, next] = quoteAt(at);
      if (quote.trim()) parsed.parts.push({ text: quote, quoted: true });
      at = next;
      continue;
    }
    let end = at;
    while (end < text.length && !isSpace(text[end]!) && !QUOTES.test(text[end]!)) end++;
    const token = text.slice(at, end);
    const field = FIELD.exec(token);
    if (!field && !token.startsWith('#')) {
      loose += token;
      at = end;
      continue;
    }
    flush();
    let value = field ? token.slice(field[0].length) : token.slice(1);
    // `author:"van der Berg"`: the quote right after the colon is the value.
    if (value === '' && field && end < text.length && QUOTES.test(text[end]!)) [value, end] = quoteAt(end);
    value = value.trim();
    if (value) (field?.[1]!.toLowerCase() === 'author' ? parsed.authors : parsed.tags).push(value);
    at = end;
  }
  flush();
  return parsed;
}
