/*
 * A search's text, read once into its parts: free words, quoted phrases, and the clauses that narrow it to a
 * field: `author:knuth` (a word of an author's name), `author:"van der Berg"` (a name's words side by side),
 * `tag:ml` and `#ml` (a tag). Anything else with a colon (`foo:bar`, `arXiv:2401.12345`) is words. An empty
 * `author:`, `tag:` or `#` narrows nothing (it is what a person is in the middle of typing); a quote left open
 * is closed at the end, for a phrase or a field's value alike.
 *
 * A term is what starts the text or follows a space. Only a term's first character makes it a clause: `#ml` is a
 * tag but `C#`, `issue#12` or `"a"#b` are words. A dash before a term negates it, as in web search:
 * `-word`, `-"a phrase"`, `-author:x`, `-tag:x`, `-#x` keep out the papers that have it. A dash alone, a dash
 * inside a word (`self-attention`, `t-SNE`) or two dashes (`--`) are words, as before.
 */

/** A search's text, read. */
export type ParsedSearch = {
  /** The free text in order: runs of words outside quotes, and each quote's text. */
  parts: { text: string; quoted: boolean }[];
  /** Each `author:` clause's value, as typed. */
  authors: string[];
  /** Each `tag:` or `#` clause's tag, as typed. */
  tags: string[];
  /**
   * Each negated term's text without its dash (`word`, `"a phrase"`, `author:x`, `#x`): a search of its own,
   * of one clause, whose papers are kept out. Its words are in none of the fields above: a row never marks them.
   * Absent when the search negates nothing.
   */
  not?: string[];
};

/** Straight and typographic double quotes (a Mac may turn one into the other as it is typed). */
export const QUOTES = /["\u201c\u201d\u201e\u201f\u00ab\u00bb]/;
const FIELD = /^(author|tag):/i;
const isSpace = (char: string): boolean => /\s/.test(char);

/** Read a search's text (see above). */
export function parseSearch(text: string): ParsedSearch {
  const parsed: ParsedSearch = { parts: [], authors: [], tags: [] };
  const not: string[] = [];
  // Free words run on in one part until a quote or a clause.
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
  /** Where the run of text from `at` to the next space or quote ends. */
  const tokenEnd = (at: number): number => {
    let end = at;
    while (end < text.length && !isSpace(text[end]!) && !QUOTES.test(text[end]!)) end++;
    return end;
  };
  /**
   * The clause (a field's or a quote) of the term at `at`, into `into`; where reading goes on after it, or -1
   * when the term there is words.
   */
  const clauseAt = (at: number, into: ParsedSearch): number => {
    if (QUOTES.test(text[at]!)) {
      const [quote, next] = quoteAt(at);
      if (quote.trim()) into.parts.push({ text: quote, quoted: true });
      return next;
    }
    let end = tokenEnd(at);
    const token = text.slice(at, end);
    const field = FIELD.exec(token);
    if (!field && !token.startsWith('#')) return -1;
    let value = field ? token.slice(field[0].length) : token.slice(1);
    // `author:"van der Berg"`: the quote right after the colon is the value.
    if (value === '' && field && end < text.length && QUOTES.test(text[end]!)) [value, end] = quoteAt(end);
    value = value.trim();
    if (value) (field?.[1]!.toLowerCase() === 'author' ? into.authors : into.tags).push(value);
    return end;
  };
  let at = 0;
  // Whether text[at] starts a term: the text's start, or just past a space.
  let starts = true;
  while (at < text.length) {
    const char = text[at]!;
    if (isSpace(char)) {
      loose += char;
      at++;
      starts = true;
      continue;
    }
    const negated = starts && char === '-' && at + 1 < text.length && !isSpace(text[at + 1]!) && text[at + 1] !== '-';
    const from = negated ? at + 1 : at;
    // A quote opens a phrase anywhere; a field's clause or a tag only where a term starts.
    const clause: ParsedSearch = negated ? { parts: [], authors: [], tags: [] } : parsed;
    if (!negated && QUOTES.test(char)) flush();
    const next = starts || QUOTES.test(char) ? clauseAt(from, clause) : -1;
    if (next < 0) {
      // Words: a negated one is kept out as it is; the others run on with the free text.
      const end = tokenEnd(from);
      if (negated) not.push(text.slice(from, end));
      else loose += text.slice(at, end);
      at = end;
      starts = false;
      continue;
    }
    if (negated) {
      if (clause.parts.length + clause.authors.length + clause.tags.length > 0) not.push(text.slice(from, next));
    } else flush();
    at = next;
    starts = false;
  }
  flush();
  if (not.length > 0) parsed.not = not;
  return parsed;
}
