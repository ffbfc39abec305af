import { randomBytes } from 'node:crypto';
import type { Paper } from '../schema';
import { asBytes, laneSum, laneSumSliced, readParts, writeWhole, type Part } from './kept-file';
import { SATURATED } from './weigh';

/** The relevance model's file, beside library.json (as search-index.cache is). */
export const MODEL_CACHE_FILE_NAME = 'relevance-model.cache';

/**
 * The relevance model as it stands right after a build: the papers by slot (their ids, and two hashes of
 * each one's title and abstract, the only text the model reads), the library's document frequencies, each
 * slot's vector and the inverted index. A slot is taken from the file only while its paper's title and
 * abstract still hash the same.
 */
export type ModelState = {
  /** Names this build (random, 64 bits as hex): what is worked out from the model is kept under it (likeness-cache.ts). */
  buildId: string;
  ids: string[];
  fingerprints: Uint32Array<ArrayBuffer>;
  docs: number;
  /** The document frequencies in 16 bits (TermWeights), and those too large for it as pairs of a term and its count. */
  df: Uint16Array<ArrayBuffer>;
  dfOver: Int32Array<ArrayBuffer>;
  terms: Int32Array<ArrayBuffer>;
  weights: Uint16Array<ArrayBuffer>;
  index: IndexArrays;
  /** Set on a model just built in a worker thread (worker-model.ts), never in a file. */
  builtInThread?: true;
};

/** The inverted index of a model's last rebuild (TermIndex). */
export type IndexArrays = {
  terms: Int32Array<ArrayBuffer>;
  start: Int32Array<ArrayBuffer>;
  slots: Int32Array<ArrayBuffer>;
  weights: Uint16Array<ArrayBuffer>;
};

const MAGIC = 0x4d515058; // "XPQM" as a little-endian word
/**
 * Bump when the layout, the checksum, the terms (terms.ts) or the weighing (weigh.ts) change. (3 kept each
 * posting as one word, its weight read through the vectors: For you's scoring was slower by a tenth or more;
 * 4 kept weights and document frequencies in 32 bits; 5 read a pasted id's placeholder title as words.)
 */
const VERSION = 6;
const HEADER_WORDS = 14;

/** A new build's id: 64 random bits as hex. */
export function newBuildId(): string {
  return randomBytes(8).toString('hex');
}

/** A build id as the two words a file keeps. */
export function buildIdWords(id: string): [number, number] {
  return [parseInt(id.slice(0, 8), 16) >>> 0, parseInt(id.slice(8, 16), 16) >>> 0];
}

export function buildIdOf(a: number, b: number): string {
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Two 32-bit hashes of a paper's title and abstract into out[at], out[at + 1]. */
export function textPrint(paper: Pick<Paper, 'title' | 'abstract'>, out: Uint32Array, at: number): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (const text of [paper.title, paper.abstract]) {
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
  }
  out[at] = a;
  out[at + 1] = b;
}

const padded = (bytes: number): number => Math.ceil(bytes / 4) * 4;

function partsOf(state: ModelState): Part[] {
  const { index } = state;
  return [
    state.fingerprints,
    state.df,
    state.dfOver,
    state.terms,
    state.weights,
    index.terms,
    index.start,
    index.slots,
    index.weights,
  ];
}

/** Write the file whole under a temporary name, then rename it over the old one, so a reader never sees half. */
export async function writeModelCache(path: string, state: ModelState): Promise<void> {
  const ids = new TextEncoder().encode(state.ids.join('\n'));
  const parts = partsOf(state);
  const header = Uint32Array.of(
    MAGIC,
    VERSION,
    state.ids.length,
    state.docs,
    state.df.length,
    state.terms.length,
    state.index.terms.length,
    state.index.slots.length,
    ids.length,
    ...laneSum([...parts, ids]),
    ...buildIdWords(state.buildId),
    state.dfOver.length,
  );
  const chunks = [asBytes(header), ...parts.map(asBytes), ids, new Uint8Array(padded(ids.length) - ids.length)];
  await writeWhole(path, chunks);
}

/**
 * A model's file as read and checked: its header and each part in a buffer of its own (see readModelFile). What
 * a worker thread hands over, the buffers moved, not copied (worker-model.ts's readInThread).
 */
export type ModelFile = { header: Uint32Array; parts: ArrayBuffer[] };

/**
 * The file in `path`, its checksum checked, or undefined if there is none or it is damaged, cut short or of
 * another version. Each part is read into a buffer of its own (readParts): what the model takes over (the
 * vectors and the index) is all that stays, not the fingerprints and document frequencies it only checks and
 * copies (18 MB at 100,000 papers). `sliced`: the sum gives the event loop a turn every few milliseconds (the
 * library's own thread; a worker thread sums at once).
 */
export async function readModelFile(path: string, sliced: boolean): Promise<ModelFile | undefined> {
  const read = await readParts(path, HEADER_WORDS, (header) => {
    const [magic, version, slots, , dfLength, vectorLength, indexTerms, indexPostings, idBytes] = header;
    if (magic !== MAGIC || version !== VERSION) return undefined;
    const overLength = header[13]!;
    // Bytes: fingerprints, df (16 bits) and its overflow, vector terms and weights (16 bits), index terms, starts,
    // slots and weights (16 bits).
    const bytes = [8 * slots!, 2 * dfLength!, 4 * overLength, 4 * vectorLength!, 2 * vectorLength!, 4 * indexTerms!];
    bytes.push(4 * (indexTerms! + 1), 4 * indexPostings!, 2 * indexPostings!);
    return [...bytes, padded(idBytes!)];
  });
  if (!read) return undefined;
  const { header, parts } = read;
  const [, , , , , , , , idBytes, sumA, sumB] = header;
  const summed = [...parts.slice(0, -1), parts.at(-1)!.subarray(0, idBytes)];
  // Sliced, summing 113 MB (100,000 papers) takes about 100 ms of a start that has its page to serve meanwhile.
  const [a, b] = sliced ? await laneSumSliced(summed) : laneSum(summed);
  if (a !== sumA || b !== sumB) return undefined;
  return { header, parts: parts.map((part) => part.buffer) };
}

/**
 * The model a checked file keeps (readModelFile), or undefined if its ids do not fill its slots or a frequency
 * past 16 bits names a term whose table entry does not say so (a file this version did not write).
 */
export function modelStateOf({ header, parts }: ModelFile): ModelState | undefined {
  const [, , slots, docs, , , , , idBytes, , , idA, idB] = header;
  const [prints, df, dfOver, terms, weights, indexTerms, start, indexSlots, indexWeights, idPart] = parts;
  const state: ModelState = {
    buildId: buildIdOf(idA!, idB!),
    ids: [],
    fingerprints: new Uint32Array(prints!),
    docs: docs!,
    df: new Uint16Array(df!),
    dfOver: new Int32Array(dfOver!),
    terms: new Int32Array(terms!),
    weights: new Uint16Array(weights!),
    index: {
      terms: new Int32Array(indexTerms!),
      start: new Int32Array(start!),
      slots: new Int32Array(indexSlots!),
      weights: new Uint16Array(indexWeights!),
    },
  };
  state.ids = slots === 0 ? [] : new TextDecoder().decode(new Uint8Array(idPart!, 0, idBytes)).split('\n');
  const { df: counts, dfOver: over } = state;
  if (over.length % 2 !== 0) return undefined;
  for (let at = 0; at < over.length; at += 2) if (counts[over[at]!] !== SATURATED) return undefined;
  return state.ids.length === slots ? state : undefined;
}

/** The model kept in `path`, read and checked on this thread (readModelFile, sliced), or undefined. */
export async function readModelCache(path: string): Promise<ModelState | undefined> {
  const file = await readModelFile(path, true);
  return file && modelStateOf(file);
}
