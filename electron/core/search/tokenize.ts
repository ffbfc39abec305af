import type { Paper } from '../schema';
import { foldText, TEX_VARIANTS } from '../text';
import { HASH_SEED, hashStep, type TermTable } from './term-table';
import { joinTexScripts } from './tex-scripts';

/** The text a search looks in, field by field: the same fields as the list's text filter always had. */
export function searchedFields(paper: Paper, visit: (text: string) => void): void {
  indexedFields(paper, visit);
  for (const tag of paper.tags) visit(tag);
}

/** searchedFields but the tags: the text the built index holds (tags are indexed apart: tag-postings.ts). */
export function indexedFields(paper: Paper, visit: (text: string) => void): void {
  visit(paper.title);
  for (const author of paper.authors) visit(author);
  visit(paper.abstract);
  visit(paper.note);
  for (const annotation of paper.annotations) {
    visit(annotation.comment);
    visit(annotation.quote);
  }
  if (paper.arxivId) visit(paper.arxivId);
}

/**
 * True when two versions of a paper have the same searched text but for their tags (a status or rank change, say),
 * which the index keeps apart (`sameTags`).
 */
export function sameSearchedText(a: Paper, b: Paper): boolean {
  if (a.title !== b.title || a.abstract !== b.abstract || a.note !== b.note || a.arxivId !== b.arxivId) return false;
  if (!sameStrings(a.authors, b.authors)) return false;
  if (a.annotations === b.annotations) return true;
  if (a.annotations.length !== b.annotations.length) return false;
  return a.annotations.every(
    (annotation, i) => annotation.comment === b.annotations[i]!.comment && annotation.quote === b.annotations[i]!.quote,
  );
}

/** True when two versions of a paper have the same tags, in the same order. */
export const sameTags = (a: Paper, b: Paper): boolean => sameStrings(a.tags, b.tags);

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

/**
 * The words of a query or a text as search compares them: TeX math's scripts joined as drawn ($H_0$ is "h0":
 * tex-scripts.ts), folded (foldText) and split at non-letters.
 */
export function foldedWords(text: string): string[] {
  return foldText(joinTexScripts(text)).split(' ').filter(Boolean);
}

/** Each ASCII code folded as foldText folds it: letters lower-cased, digits kept, anything else 0 (a break). */
export const ASCII_FOLD = new Uint8Array(128);
for (let code = 48; code <= 57; code++) ASCII_FOLD[code] = code;
for (let code = 97; code <= 122; code++) ASCII_FOLD[code] = ASCII_FOLD[code - 32] = code;

/**
 * The term ids of a paper's words (repeats included), interning new terms. ASCII text is scanned in place
 * without making strings; any other text goes through foldText, which gives the same words for ASCII, so
 * both paths agree. One reusable buffer and no callbacks, since this loop is most of an index build.
 */
export class TermScanner {
  /** The ids found by the last `scan`, in ids[0, length). */
  ids = new Uint32Array(4096);
  length = 0;
  /** Where each section (a PDF's page) of the last scan starts in `ids`; empty for a paper's fields. */
  readonly sections: number[] = [];

  constructor(private readonly table: TermTable) {}

  scan(paper: Paper): void {
    this.length = 0;
    this.sections.length = 0;
    this.field(paper.title);
    for (const author of paper.authors) this.field(author);
    this.field(paper.abstract);
    this.field(paper.note);
    // Tags are indexed apart (tag-postings.ts), so that changing a paper's tags leaves its other words as they are.
    for (const annotation of paper.annotations) {
      this.field(annotation.comment);
      this.field(annotation.quote);
    }
    if (paper.arxivId) this.field(paper.arxivId);
  }

  /** A paper's tags' words (`scan` leaves them out: see tag-postings.ts). */
  scanTags(tags: readonly string[]): void {
    this.length = 0;
    this.sections.length = 0;
    for (const tag of tags) this.field(tag);
  }

  /** Start reading a text that comes in sections (a PDF, page by page) rather than a paper's fields. */
  begin(): void {
    this.length = 0;
    this.sections.length = 0;
  }

  /** The next section's words: a break before it, so no word runs across. */
  section(text: string): void {
    this.sections.push(this.length);
    this.field(text);
  }

  private field(field: string): void {
    // TeX math is read as drawn (foldedWords); a field without a dollar (nearly all) is scanned as it is.
    const text = field.includes('$') ? joinTexScripts(field) : field;
    const table = this.table;
    let start = -1;
    let hash = 0;
    // Where the current run of text between ASCII white space began.
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char >= 128) {
        // Only the run around it goes through foldText: nothing foldText does reaches across white space
        // (a final sigma, a combining accent, a lone Greek letter, a TeX name), so its words are those the
        // whole text would give. Words of the run already found are found again; callers count each term
        // once per paper.
        let end = i + 1;
        while (end < text.length && !isAsciiSpace(text.charCodeAt(end))) end++;
        // Its math is joined already (`field`): folded as it is.
        for (const word of foldText(text.slice(run, end)).split(' ')) if (word) this.push(table.intern(word));
        start = -1;
        run = end;
        i = end - 1;
        continue;
      }
      const code = ASCII_FOLD[char]!;
      if (code !== 0) {
        if (start < 0) {
          start = i;
          hash = HASH_SEED;
        }
        hash = hashStep(hash, code);
        continue;
      }
      if (start >= 0) {
        this.word(text, start, i, hash);
        start = -1;
      }
      if (isAsciiSpace(char)) run = i + 1;
    }
    if (start >= 0) this.word(text, start, text.length, hash);
  }

  private word(text: string, start: number, end: number, hash: number): void {
    const variant = texVariantAt(text, start, end);
    this.push(variant === undefined ? this.table.internAscii(text, start, end, hash) : this.table.intern(variant));
  }

  private push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Uint32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
}

/** Space, tab, line feed, vertical tab, form feed, carriage return. */
const isAsciiSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);

const VARIANT_LENGTHS = new Set([...TEX_VARIANTS.keys()].map((name) => name.length));

/**
 * The letter foldText reads text[start, end) as when that ASCII word is a TeX variant name (varepsilon
 * -> epsilon), without making a string for any other word: few words start with "var", and fewer still
 * have a variant's length.
 */
function texVariantAt(text: string, start: number, end: number): string | undefined {
  if (!VARIANT_LENGTHS.has(end - start)) return undefined;
  if ((text.charCodeAt(start) | 32) !== 118 || (text.charCodeAt(start + 1) | 32) !== 97) return undefined;
  if ((text.charCodeAt(start + 2) | 32) !== 114) return undefined;
  return TEX_VARIANTS.get(text.slice(start, end).toLowerCase());
}
