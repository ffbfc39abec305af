import { performance } from 'node:perf_hooks';
import type { Paper } from '../schema';
import { foldText } from '../text';
import type { Documents } from './build';
import type { TextMatch } from './text-match';
import { ASCII_FOLD } from './tokenize';

const SPACE = 0x20;
const BREAK = 0x0a;

/**
 * What a search answers while its index is still being built (the first start of a large library):
 * the papers whose title or authors have, for every word, a word starting with it. Correct, never
 * complete: a word only in an abstract or a note waits for the index. The titles and authors are folded
 * once into one byte buffer (" word word\n" per paper, UTF-8), which a search reads with Buffer.indexOf;
 * a paper changed since is folded again on its own.
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

  constructor(private readonly docs: Documents) {}

  /** The paper at `ordinal` was added, replaced or removed. */
  changed(ordinal: number): void {
    // Folded already, or about to be: either way it is checked on its own.
    if (this.end !== undefined) this.changes.add(ordinal);
  }

  /** Forget the folded text (the index is ready, or every paper was replaced). */
  clear(): void {
    this.text = undefined;
    this.bytes = Buffer.allocUnsafe(0);
    this.length = 0;
    this.cursor = 0;
    this.end = undefined;
    this.starts = new Uint32Array(0);
    this.changes.clear();
    this.marks = new Uint32Array(0);
    this.list = new Int32Array(0);
  }

  /** True if some title or author has a word starting with `word` (folded). */
  knows(word: string): boolean {
    return this.match([word]).count > 0;
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
    // The longest word first: it is likely the rarest, and the others are only checked on its papers.
    const needles = [...words].sort((a, b) => b.length - a.length).map((word) => Buffer.from(` ${word}`));
    let count = 0;
    const keep = (ordinal: number): void => {
      marks[ordinal] = stamp;
      list[count++] = ordinal;
    };
    const known = starts.length - 1;
    let ordinal = 0;
    for (let at = text.indexOf(needles[0]!); at >= 0;) {
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

  /** Fold every paper's title and authors into one buffer, once (what `step` has not done yet, now). */
  private prepare(): Buffer {
    this.step(Infinity);
    return this.text!;
  }

  /**
   * Fold papers' titles and authors into the buffer until `deadline` (a performance.now() time), so it
   * can be made in the background before a search asks; true once it is made.
   */
  step(deadline: number): boolean {
    if (this.text) return true;
    const count = (this.end ??= this.docs.count);
    if (this.starts.length !== count + 1) this.starts = new Uint32Array(count + 1);
    const starts = this.starts;
    for (; this.cursor < count; this.cursor++) {
      const ordinal = this.cursor;
      starts[ordinal] = this.length;
      const paper = this.docs.at(ordinal);
      if (paper) this.fold(ordinal, paper);
      if ((ordinal & 255) === 255 && performance.now() >= deadline) {
        this.cursor++;
        return false;
      }
    }
    starts[count] = this.length;
    this.text = this.bytes.subarray(0, this.length);
    return true;
  }

  /**
   * Write a paper's title and authors as UTF-8 (natively), then fold them in place as foldText folds
   * ASCII: any byte past ASCII, or a TeX letter name, sends the paper through foldText itself.
   */
  private fold(ordinal: number, paper: Paper): void {
    const from = this.length;
    let plain = !paper.title.includes('var');
    for (let field = -1; field < paper.authors.length; field++) {
      const text = field < 0 ? paper.title : paper.authors[field]!;
      if (field >= 0 && text.includes('var')) plain = false;
      this.room(3 * text.length + 2);
      this.bytes[this.length++] = SPACE;
      this.length += this.bytes.write(text, this.length, 'utf8');
    }
    const bytes = this.bytes;
    for (let at = from; at < this.length && plain; at++) {
      const byte = bytes[at]!;
      if (byte >= 128) plain = false;
      else bytes[at] = ASCII_FOLD[byte] || SPACE;
    }
    if (!plain) {
      this.length = from;
      const own = folded(this.docs, ordinal);
      this.room(3 * own.length + 1);
      this.length += this.bytes.write(own, this.length, 'utf8');
    }
    this.room(1);
    this.bytes[this.length++] = BREAK;
  }

  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/** A paper's title and authors as foldText makes them, each word after a space (what the needles look for). */
function folded(docs: Documents, ordinal: number): string {
  const paper = docs.at(ordinal);
  if (!paper) return '';
  return ` ${foldText([paper.title, ...paper.authors].join(' '))}`;
}
