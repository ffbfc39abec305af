/** FNV-1a offset basis; `hashStep` folds in one (lower-cased) character code. */
export const HASH_SEED = 0x811c9dc5 | 0;
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 16777619);

export function hashString(term: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < term.length; i++) hash = hashStep(hash, term.charCodeAt(i));
  return hash;
}

/**
 * The distinct folded terms of the library, each with a small integer id. An open-addressing table over
 * character codes, so tokenising a paper creates no string for a term it already knows.
 */
export class TermTable {
  private terms: string[] = [];
  private hashes = new Int32Array(1024);
  /**
   * Every term's UTF-16 codes, end to end, and each term's (start, length) in it: a lookup compares
   * against these packed arrays rather than chasing each term's string through the heap.
   */
  private chars = new Uint16Array(1 << 16);
  private charsUsed = 0;
  private spans = new Int32Array(2048);
  /** Pairs of (hash, term id + 1) per slot, side by side so a probe reads one cache line; id 0 is empty. */
  private slots = new Int32Array(4096);

  get size(): number {
    return this.terms.length;
  }

  /** About how many bytes the table takes (strings counted at one byte a character plus a header). */
  bytes(): number {
    let bytes = this.hashes.byteLength + this.slots.byteLength + 8 * this.terms.length;
    bytes += this.chars.byteLength + this.spans.byteLength;
    for (const term of this.terms) bytes += 16 + term.length;
    return bytes;
  }

  term(id: number): string {
    return this.terms[id]!;
  }

  /** The id of `term`, or -1. */
  idOf(term: string): number {
    const hash = hashString(term);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) return -1;
      if (slots[2 * slot] === hash && this.terms[id] === term) return id;
    }
  }

  /** The id of an already folded term, adding it if new. */
  intern(term: string): number {
    const hash = hashString(term);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) break;
      if (slots[2 * slot] === hash && this.terms[id] === term) return id;
    }
    return this.add(term, hash, slot);
  }

  /**
   * The id of text[start, end), an ASCII letter-or-digit run compared lower-cased, adding it if new.
   * `hash` is that run's hash over lower-cased codes.
   */
  internAscii(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const spans = this.spans;
    const chars = this.chars;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]! - 1;
      if (id < 0) break;
      if (slots[2 * slot] !== hash || spans[2 * id + 1] !== length) continue;
      const at = spans[2 * id]! - start;
      let k = start;
      for (; k < end; k++) {
        const code = text.charCodeAt(k);
        if ((code >= 65 && code <= 90 ? code + 32 : code) !== chars[at + k]) break;
      }
      if (k === end) return id;
    }
    return this.add(text.slice(start, end).toLowerCase(), hash, slot);
  }

  /** Renumber the terms so that the term at `order[i]` gets id i (order is a permutation of the ids). */
  renumber(order: Int32Array): void {
    const terms = new Array<string>(this.terms.length);
    const hashes = new Int32Array(this.hashes.length);
    const spans = new Int32Array(this.spans.length);
    for (let i = 0; i < order.length; i++) {
      const id = order[i]!;
      terms[i] = this.terms[id]!;
      hashes[i] = this.hashes[id]!;
      spans[2 * i] = this.spans[2 * id]!;
      spans[2 * i + 1] = this.spans[2 * id + 1]!;
    }
    this.terms = terms;
    this.hashes = hashes;
    this.spans = spans;
    this.trim();
    this.rehash(this.slots.length >> 1);
  }

  /** Give back the room kept for more terms and their characters (a built table gains few more). */
  trim(): void {
    this.chars = this.chars.slice(0, this.charsUsed + 1024);
    this.hashes = this.hashes.slice(0, this.terms.length + 1024);
    this.spans = this.spans.slice(0, 2 * (this.terms.length + 1024));
  }

  private add(term: string, hash: number, slot: number): number {
    const id = this.terms.length;
    this.terms.push(term);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    if (2 * id + 1 >= this.spans.length) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    if (this.charsUsed + term.length > this.chars.length) {
      const grown = new Uint16Array(Math.max(this.chars.length * 2, this.charsUsed + term.length));
      grown.set(this.chars);
      this.chars = grown;
    }
    this.spans[2 * id] = this.charsUsed;
    this.spans[2 * id + 1] = term.length;
    for (let k = 0; k < term.length; k++) this.chars[this.charsUsed++] = term.charCodeAt(k);
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = id + 1;
    if (this.terms.length * 4 > this.slots.length) this.rehash(this.slots.length);
    return id;
  }

  /** A table of `size` slots (a power of two, at least twice the terms). */
  private rehash(size: number): void {
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let id = 0; id < this.terms.length; id++) {
      const hash = this.hashes[id]!;
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = id + 1;
    }
    this.slots = slots;
  }
}
