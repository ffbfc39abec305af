import { readFile } from 'node:fs/promises';
import { writeWhole } from '../whole-file';
import type { Paper } from '../schema';
import type { BaseIndex } from './build';
import { foldedWords, indexedFields } from './tokenize';

/**
 * A built index kept on disk between runs, in one file: a header, each covered paper's fingerprint (two
 * 32-bit hashes of its searched text), the term offsets, the postings (coded as in memory: postings.ts),
 * which ordinals were covered, and the sorted terms joined by newlines (a folded term never holds one). A paper is taken from the file
 * only if the paper now at its ordinal has the same fingerprint; the others are indexed apart as changes.
 */
export type CachedIndex = {
  docCount: number;
  termCount: number;
  fingerprints: Uint32Array;
  offsets: Uint32Array;
  postings: Uint8Array;
  covered: Uint8Array;
  text: Uint8Array;
  checksum: [number, number];
};

/** The cache file's name, beside library.json. */
export const INDEX_CACHE_FILE_NAME = 'search-index.cache';

const MAGIC = 0x51504958; // "XIPQ" as a little-endian word: also refuses a file from a big-endian machine
/**
 * Bump when the file layout or what an index holds changes (2: postings coded as varint gaps; 3: TeX math's
 * scripts joined to their letter, $H_0$ is the word "h0", no longer "h" and "0"; 4: TeX font commands read as
 * their letters, $\mathrm{H}_0$ is "h0", no longer "mathrm", "h" and "0"; 5: tags indexed apart, neither in the
 * postings nor in the fingerprints).
 */
const VERSION = 5;
const HEADER_WORDS = 9;
/** Words whose folding, if it ever changed, would make a stored index answer differently. */
const FOLD_PROBE =
  'Café Müller naïve Straße ĳssel Σίγμα État über C++ 2401.12345 x-y pθ ε-DP varepsilon $H_0$ H$_{0}$ $\\Lambda$CDM $\\mathrm{H}_0$';

/** A hash of how the probe folds: a file written by a build that folded differently is not used. */
function foldSignature(): number {
  return hashBytes(new TextEncoder().encode(foldedWords(FOLD_PROBE).join(' ')), 0x811c9dc5);
}

/**
 * Two 32-bit hashes of the text a built index holds of a paper (its tags are not: tag-postings.ts), with a break
 * between fields, into out[at], out[at + 1].
 */
export function fingerprint(paper: Paper, out: Uint32Array, at: number): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  indexedFields(paper, (text) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 16777619);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // 0x10000 is no UTF-16 unit: the break cannot be mistaken for a character.
    a = Math.imul(a ^ 0x10000, 16777619);
    b = Math.imul(b ^ 0x10000, 0x5bd1e995);
    b ^= b >>> 15;
  });
  out[at] = a;
  out[at + 1] = b;
}

/**
 * A running Fletcher-style checksum (two sums, as 32-bit words) over words and bytes: it catches a
 * truncated, overwritten or shuffled file, and costs two additions a word, with no chain of multiplies.
 */
export class RunningSum {
  a = 1;
  b = 0;

  words(words: Uint32Array, from = 0, to = words.length): void {
    // The same bits as signed words: the sums stay in 32-bit integer arithmetic.
    const signed = new Int32Array(words.buffer, words.byteOffset, words.length);
    let { a, b } = this;
    for (let i = from; i < to; i++) {
      a = (a + signed[i]!) | 0;
      b = (b + a) | 0;
    }
    this.a = a;
    this.b = b;
  }

  bytes(bytes: Uint8Array, from = 0, to = bytes.length): void {
    let { a, b } = this;
    for (let i = from; i < to; i++) {
      a = (a + bytes[i]!) | 0;
      b = (b + a) | 0;
    }
    this.a = a;
    this.b = b;
  }
}

function hashBytes(bytes: Uint8Array, hash: number): number {
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 16777619);
  return hash;
}

const padded = (bytes: number): number => (bytes + 3) & ~3;

/** The file's parts as views of `bytes`, or undefined if it is not a whole index file of this version. */
export function decodeCache(bytes: Uint8Array): CachedIndex | undefined {
  if (bytes.byteLength < HEADER_WORDS * 4) return undefined;
  // Views need 4-byte alignment; a read file almost always has its own buffer, else copy it.
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const [magic, version, fold, docCount, termCount, postingsLength, textBytes, sumA, sumB] = header;
  if (magic !== MAGIC || version !== VERSION || fold !== foldSignature() >>> 0) return undefined;
  const sizes = [HEADER_WORDS * 4, 8 * docCount!, 4 * (termCount! + 1), padded(postingsLength!), padded(docCount!)];
  const total = sizes.reduce((sum, size) => sum + size, 0) + padded(textBytes!);
  if (bytes.byteLength !== total) return undefined;
  let at = bytes.byteOffset + sizes[0]!;
  const words = (count: number): Uint32Array => {
    const view = new Uint32Array(bytes.buffer, at, count);
    at += 4 * count;
    return view;
  };
  const fingerprints = words(2 * docCount!);
  const offsets = words(termCount! + 1);
  const postings = new Uint8Array(bytes.buffer, at, postingsLength);
  at += padded(postingsLength!);
  const covered = new Uint8Array(bytes.buffer, at, docCount);
  at += padded(docCount!);
  const text = new Uint8Array(bytes.buffer, at, textBytes);
  return {
    docCount: docCount!,
    termCount: termCount!,
    fingerprints,
    offsets,
    postings,
    covered,
    text,
    checksum: [sumA!, sumB!],
  };
}

/** The checksum of a file's parts, in steps: each call sums up to `budget` more words or bytes. */
export class Checksum {
  private part = 0;
  private at = 0;
  private readonly sum = new RunningSum();
  private readonly parts: (Uint32Array | Uint8Array)[];

  constructor(cache: Omit<CachedIndex, 'checksum'>) {
    this.parts = [cache.fingerprints, cache.offsets, cache.postings, cache.covered, cache.text];
    this.sum.words(Uint32Array.of(cache.docCount, cache.termCount, cache.postings.length));
  }

  /** The two sums, as the file's header holds them. */
  get value(): [number, number] {
    return [this.sum.a >>> 0, this.sum.b >>> 0];
  }

  /** Sum up to `budget` more words or bytes; true once everything is summed. */
  step(budget: number): boolean {
    while (this.part < this.parts.length) {
      const part = this.parts[this.part]!;
      const to = Math.min(part.length, this.at + budget);
      if (part instanceof Uint32Array) this.sum.words(part, this.at, to);
      else this.sum.bytes(part, this.at, to);
      budget -= to - this.at;
      this.at = to;
      if (this.at < part.length) return false;
      this.part++;
      this.at = 0;
    }
    return true;
  }
}

/** A built index as the parts of a file, with `fingerprints` of the papers it covers (others left 0). */
export function cacheParts(
  base: BaseIndex,
  covered: Uint8Array,
  fingerprints: Uint32Array,
): Omit<CachedIndex, 'checksum'> {
  const terms: string[] = [];
  for (let id = 0; id < base.termCount; id++) terms.push(base.table.term(id));
  return {
    docCount: covered.length,
    termCount: base.termCount,
    fingerprints,
    offsets: base.offsets,
    postings: base.postings,
    covered,
    text: new TextEncoder().encode(terms.join('\n')),
  };
}

/** Write the file whole under a temporary name, then rename it over the old one, so a reader never sees half. */
export async function writeCache(
  path: string,
  parts: Omit<CachedIndex, 'checksum'>,
  checksum: [number, number],
): Promise<void> {
  const header = Uint32Array.of(
    MAGIC,
    VERSION,
    foldSignature(),
    parts.docCount,
    parts.termCount,
    parts.postings.length,
    parts.text.length,
    ...checksum,
  );
  const pad = (bytes: Uint8Array): Uint8Array[] =>
    bytes.length % 4 === 0 ? [bytes] : [bytes, new Uint8Array(padded(bytes.length) - bytes.length)];
  const view = (words: Uint32Array): Uint8Array => new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const chunks = [
    view(header),
    view(parts.fingerprints),
    view(parts.offsets),
    ...pad(parts.postings),
    ...pad(parts.covered),
    ...pad(parts.text),
  ];
  await writeWhole(path, chunks);
}

/** The file's bytes, or undefined if there is none or it cannot be read. */
export async function readCache(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}
