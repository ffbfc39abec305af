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
    if (this.text) this.changes.add(ordinal);
  }

  /** Forget the folded text (the index is ready, or every paper was replaced). */
  clear(): void {
    this.text = undefined;
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

  /** Fold every paper's title and authors into one buffer, once. */
  private prepare(): Buffer {
    if (this.text) return this.text;
    const count = this.docs.count;
    const starts = new Uint32Array(count + 1);
    let bytes = Buffer.allocUnsafe(1 << 20);
    let length = 0;
    const room = (more: number): void => {
      if (length + more <= bytes.length) return;
      const grown = Buffer.allocUnsafe(Math.max(bytes.length * 2, length + more));
      bytes.copy(grown, 0, 0, length);
      bytes = grown;
    };
    for (let ordinal = 0; ordinal < count; ordinal++) {
      starts[ordinal] = length;
      const paper = this.docs.at(ordinal);
      if (!paper) continue;
      const fields = [paper.title, ...paper.authors];
      room(fields.reduce((sum, field) => sum + field.length + 1, 2));
      let ascii = true;
      for (const field of fields) {
        for (let i = 0; i < field.length && ascii; i++) if (field.charCodeAt(i) >= 128) ascii = false;
        if (ascii && field.includes('var')) ascii = false;
      }
      if (!ascii) {
        const own = Buffer.from(folded(this.docs, ordinal));
        room(own.length + 1);
        own.copy(bytes, length);
        length += own.length;
      } else {
        // What foldText makes of ASCII, without making strings: lower-cased letters and digits, a space between runs.
        for (const field of fields) {
          bytes[length++] = SPACE;
          for (let i = 0; i < field.length; i++) {
            const code = ASCII_FOLD[field.charCodeAt(i)]!;
            if (code !== 0) bytes[length++] = code;
            else if (bytes[length - 1] !== SPACE) bytes[length++] = SPACE;
          }
        }
      }
      bytes[length++] = BREAK;
    }
    starts[count] = length;
    this.starts = starts;
    this.text = bytes.subarray(0, length);
    return this.text;
  }
}

/** A paper's title and authors as foldText makes them, each word after a space (what the needles look for). */
function folded(docs: Documents, ordinal: number): string {
  const paper = docs.at(ordinal);
  if (!paper) return '';
  return ` ${foldText([paper.title, ...paper.authors].join(' '))}`;
}
