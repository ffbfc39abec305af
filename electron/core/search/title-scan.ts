import { performance } from 'node:perf_hooks';
import { foldText } from '../text';
import type { Documents } from './build';
import { joinTexScripts } from './tex-scripts';
import type { TextMatch } from './text-match';
import { ASCII_FOLD } from './tokenize';
import { ordinalAt, ordinalFrom } from './line-starts';
import { lineHas, startsWith, WordStarts, type StartsSlice } from './word-starts';

/** Papers folded per write: one string of a few tens of kilobytes. */
const BATCH = 256;
/** Words whose `knows` answer is kept at most (a search types a few; this is hundreds of searches). */
const KNOWN_WORDS = 1000;
/** A character past ASCII (any code unit above 127). */
const PAST_ASCII = /[^\p{ASCII}]/u;
/**
 * Each byte as foldText folds ASCII (anything but a letter or digit a space); a line's break and every byte
 * past ASCII stay. Folding foldText's own output again changes nothing.
 */
const BYTE_FOLD = Uint8Array.from({ length: 256 }, (_, byte) =>
  byte >= 128 || byte === 0x0a ? byte : ASCII_FOLD[byte] || 0x20,
);

/**
 * What a search answers while its index is still being built (the first start of a large library):
 * the papers whose title or authors have, for every word, a word starting with it. Correct, never
 * complete: a word only in an abstract or a note waits for the index. The titles and authors are folded
 * once into one byte buffer (" word word\n" per paper, UTF-8). A search looks at the papers with a word
 * starting with the first three to five letters of its rarest word (word-starts.ts), else (a word no key
 * holds) through the whole buffer with Buffer.indexOf; a paper changed since is folded again on its own.
 */
export class TitleScan {
  private text: Buffer | undefined;
  /** The buffer being made, its length so far, the next ordinal to fold and the count it stops at. */
  private bytes = Buffer.allocUnsafe(0);
  private length = 0;
  private cursor = 0;
  private end: number | undefined;
  /** Where each ordinal's text starts in `text`; starts[count] is its end. */
  private starts = new Uint32Array(0);
  /** Ordinals whose paper changed since `text` was made. */
  private readonly changes = new Set<number>();
  private marks = new Uint32Array(0);
  private list = new Int32Array(0);
  private stamp = 0;
  /** What `knows` answered for a word, until a paper changes: a search asks it of each word it types. */
  private readonly known = new Map<string, boolean>();
  /** Where the folded words start, by their first letters: made with the buffer. */
  private readonly wordStarts = new WordStarts();

  constructor(private readonly docs: Documents) {}

  /** The paper at `ordinal` was added, replaced or removed. */
  changed(ordinal: number): void {
    this.known.clear();
    // Folded already, or about to be: either way it is checked on its own.
    if (this.end !== undefined) this.changes.add(ordinal);
  }

  /** Forget the folded text (the index is ready, or every paper was replaced). */
  clear(): void {
    this.text = undefined;
    this.known.clear();
    this.bytes = Buffer.allocUnsafe(0);
    this.length = 0;
    this.cursor = 0;
    this.end = undefined;
    this.starts = new Uint32Array(0);
    this.changes.clear();
    this.marks = new Uint32Array(0);
    this.list = new Int32Array(0);
    this.wordStarts.clear();
  }

  /** True if some title or author has a word starting with `word` (folded). */
  knows(word: string): boolean {
    let known = this.known.get(word);
    if (known === undefined) {
      known = this.find(word);
      if (this.known.size >= KNOWN_WORDS) this.known.clear();
      this.known.set(word, known);
    }
    return known;
  }

  /** True if some title or author has a word starting with `word`: the first such paper ends the scan. */
  private find(word: string): boolean {
    const text = this.prepare();
    const needle = Buffer.from(` ${word}`);
    const { starts } = this;
    const letters = needle.subarray(1);
    const slice = this.wordStarts.slice(letters, text);
    for (let k = slice?.from ?? 0; k < (slice?.to ?? 0); k++) {
      const at = slice!.places[k]!;
      if ((slice!.exact || startsWith(text, at, letters)) && !this.changes.has(ordinalAt(starts, at))) return true;
    }
    for (let at = slice ? -1 : text.indexOf(needle); at >= 0;) {
      const ordinal = ordinalAt(starts, at);
      if (!this.changes.has(ordinal)) return true;
      at = text.indexOf(needle, starts[ordinal + 1]);
    }
    const own = (ordinal: number): boolean => folded(this.docs, ordinal).includes(` ${word}`);
    for (const changed of this.changes) if (changed < this.docs.count && own(changed)) return true;
    for (let late = starts.length - 1; late < this.docs.count; late++)
      if (!this.changes.has(late) && own(late)) return true;
    return false;
  }

  /** The papers whose title or authors have, for each of `words` (folded), a word starting with it. */
  match(words: readonly string[]): TextMatch {
    const text = this.prepare();
    const capacity = this.docs.count;
    if (this.marks.length < capacity) {
      this.marks = new Uint32Array(capacity + 1024);
      this.list = new Int32Array(capacity + 1024);
    }
    const stamp = ++this.stamp;
    const { marks, list, starts } = this;
    // Without word starts, the longest word first: it is likely the rarest, and the others are checked on its papers.
    const needles = [...words].sort((a, b) => b.length - a.length).map((word) => Buffer.from(` ${word}`));
    let count = 0;
    const keep = (ordinal: number): void => {
      marks[ordinal] = stamp;
      list[count++] = ordinal;
    };
    const known = starts.length - 1;
    const lead = this.leadOf(text, needles);
    if (lead) {
      // The words that may start as the word with the fewest: each one that does, its paper checked for the
      // other words. A paper can have two (two words with the same start): it is kept once.
      const { slice, index } = lead;
      const { places, exact } = slice;
      const letters = needles[index]!.subarray(1);
      const changes = this.changes.size > 0 ? this.changes : undefined;
      let ordinal = 0;
      for (let k = slice.from; k < slice.to; k++) {
        const at = places[k]!;
        if (!exact && !startsWith(text, at, letters)) continue;
        ordinal = ordinalFrom(starts, at, ordinal);
        if (marks[ordinal] === stamp || changes?.has(ordinal)) continue;
        const from = starts[ordinal]!;
        const to = starts[ordinal + 1]!;
        let all = true;
        for (let i = 0; i < needles.length && all; i++) if (i !== index) all = lineHas(text, needles[i]!, from, to);
        if (all) keep(ordinal);
      }
    }
    let ordinal = 0;
    for (let at = lead ? -1 : text.indexOf(needles[0]!); at >= 0;) {
      while (starts[ordinal + 1]! <= at) ordinal++;
      const end = starts[ordinal + 1]!;
      if (!this.changes.has(ordinal)) {
        const own = text.subarray(starts[ordinal], end);
        if (needles.every((needle, i) => i === 0 || own.indexOf(needle) >= 0)) keep(ordinal);
      }
      at = text.indexOf(needles[0]!, end);
    }
    for (const changed of this.changes) {
      const own = changed < this.docs.count ? folded(this.docs, changed) : '';
      if (own && needles.every((needle) => own.includes(needle.toString()))) keep(changed);
    }
    for (let late = known; late < this.docs.count; late++) {
      if (this.changes.has(late)) continue;
      const own = folded(this.docs, late);
      if (own && needles.every((needle) => own.includes(needle.toString()))) keep(late);
    }
    const ordinals = list.subarray(0, count);
    return {
      count,
      marks,
      stamp,
      ordinals,
      has: (at) => marks[at] === stamp,
      section: () => 0,
    };
  }

  /**
   * The word that starts the fewest words, and the words it may start; undefined if some word has no key.
   * Counted, not guessed from the slices' sizes: "li" has a smaller slice than "granor" (every "gra" word),
   * and each of its papers would be looked through for the other words.
   */
  private leadOf(text: Buffer, needles: readonly Buffer[]): { slice: StartsSlice; index: number } | undefined {
    let lead: { slice: StartsSlice; index: number; count: number } | undefined;
    for (let index = 0; index < needles.length; index++) {
      const letters = needles[index]!.subarray(1);
      const slice = this.wordStarts.slice(letters, text);
      if (!slice) return undefined;
      let count = slice.exact ? slice.to - slice.from : 0;
      if (needles.length > 1 && !slice.exact) {
        for (let k = slice.from; k < slice.to; k++) if (startsWith(text, slice.places[k]!, letters)) count++;
      }
      if (!lead || count < lead.count) lead = { slice, index, count };
    }
    return lead;
  }

  /** True once the titles are folded and their word starts sorted (`step` has nothing left to do). */
  get made(): boolean {
    return this.text !== undefined && this.wordStarts.sorted;
  }

  /** Fold every paper's title and authors into one buffer, once (what `step` has not done yet, now). */
  private prepare(): Buffer {
    this.step(Infinity);
    return this.text!;
  }

  /**
   * Fold papers' titles and authors into the buffer until `deadline` (a performance.now() time), so it
   * can be made in the background before a search asks, then sort its word starts; true once both are done.
   */
  step(deadline: number): boolean {
    if (this.text) return this.wordStarts.sort(deadline);
    const count = (this.end ??= this.docs.count);
    if (this.starts.length !== count + 1) this.starts = new Uint32Array(count + 1);
    while (this.cursor < count) {
      this.foldBatch(Math.min(count, this.cursor + BATCH));
      if (this.cursor < count && performance.now() >= deadline) return false;
    }
    this.starts[count] = this.length;
    this.text = this.bytes.subarray(0, this.length);
    return this.wordStarts.sort(deadline);
  }

  /**
   * Fold the papers from the cursor to `end`: their titles and authors are joined into one string,
   * written as UTF-8 at once (a write per field was most of the cost) and folded in place as foldText folds
   * ASCII. A paper with a character past ASCII, a line break, a TeX letter name or TeX math ($H_0$, read as
   * drawn: tex-scripts.ts) goes through foldText.
   */
  private foldBatch(end: number): void {
    const starts = this.starts;
    let batch = '';
    let at = this.length;
    for (let ordinal = this.cursor; ordinal < end; ordinal++) {
      starts[ordinal] = at;
      const paper = this.docs.at(ordinal);
      if (!paper) continue;
      let piece = ` ${paper.title}`;
      for (const author of paper.authors) piece += ` ${author}`;
      if (piece.includes('var') || piece.includes('$') || PAST_ASCII.test(piece) || piece.includes('\n')) {
        piece = folded(this.docs, ordinal);
        at += Buffer.byteLength(piece, 'utf8') + 1;
      } else at += piece.length + 1;
      batch += `${piece}\n`;
    }
    this.room(at - this.length);
    this.bytes.write(batch, this.length, 'utf8');
    // Word starts a paper, so far, times the papers: the arrays' size if they grow (as `room` does).
    const expected = this.cursor > 0 ? ((this.wordStarts.count / this.cursor) * this.end! * 9) / 8 : 0;
    this.wordStarts.foldAndNote(this.bytes, this.length, at, BYTE_FOLD, expected);
    this.length = at;
    this.cursor = end;
  }

  /**
   * Make room for `more` bytes. The first batch's bytes a paper, times the papers, is most of what is
   * needed: the buffer is made that size (and an eighth) at once, not doubled up to it, since each
   * doubling is a copy and memory outside the heap, which sets off a full garbage collection of a large
   * library's heap just as the page loads.
   */
  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const folded = Math.max(1, this.cursor);
    const expected = this.length === 0 ? 0 : Math.ceil(((this.length / folded) * (this.end ?? folded) * 9) / 8);
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more, expected));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/**
 * A paper's title and authors as the index reads them (foldedWords: TeX math as drawn, then foldText), each word
 * after a space (what the needles look for). Each field's math on its own, as the index reads it.
 */
function folded(docs: Documents, ordinal: number): string {
  const paper = docs.at(ordinal);
  if (!paper) return '';
  return ` ${foldText([paper.title, ...paper.authors].map(joinTexScripts).join(' '))}`;
}
