import { asBytes, laneSum, readWhole, writeWhole, type Part } from './kept-file';
import type { KeptLikeness } from './likeness';
import { buildIdOf, buildIdWords } from './model-cache';

/** For you's likeness of each inbox paper, beside relevance-model.cache. */
export const LIKENESS_CACHE_FILE_NAME = 'relevance-likeness.cache';

/** What likeness.ts keeps per paper. */
const BEST = 6;
const MAGIC = 0x4c515058; // "XPQL" as a little-endian word
/** Bump when the layout or how a likeness is worked out (likeness.ts) changes. */
const VERSION = 1;
const HEADER_WORDS = 8;

/** A likeness and the build of the model it was worked out over (model-cache.ts's buildId). */
export type LikenessState = { buildId: string; likeness: KeptLikeness };

function partsOf(likeness: KeptLikeness): Part[] {
  // The 8-byte values first, so that each part lies aligned in a file read whole.
  return [likeness.values, likeness.weights, likeness.slots, likeness.valid];
}

/** Write the file whole under a temporary name, then rename it over the old one, so a reader never sees half. */
export async function writeLikenessCache(path: string, state: LikenessState): Promise<void> {
  const parts = partsOf(state.likeness);
  const slots = state.likeness.valid.length;
  const header = Uint32Array.of(MAGIC, VERSION, slots, ...buildIdWords(state.buildId), ...laneSum(parts), 0);
  await writeWhole(path, [asBytes(header), ...parts.map(asBytes)]);
}

/** The likeness kept in `path`, or undefined if there is none or it is damaged, cut short or of another version. */
export async function readLikenessCache(path: string): Promise<LikenessState | undefined> {
  const bytes = await readWhole(path);
  if (!bytes || bytes.byteLength < HEADER_WORDS * 4) return undefined;
  const { buffer } = bytes;
  const [magic, version, slots, idA, idB, sumA, sumB] = new Uint32Array(buffer, bytes.byteOffset, HEADER_WORDS);
  if (magic !== MAGIC || version !== VERSION) return undefined;
  const count = slots!;
  if (bytes.byteLength !== HEADER_WORDS * 4 + count * (8 * BEST + 4 + 4 * BEST + 1)) return undefined;
  let at = bytes.byteOffset + HEADER_WORDS * 4;
  const next = (bytesEach: number, n: number): number => {
    const from = at;
    at += bytesEach * n;
    return from;
  };
  const likeness: KeptLikeness = {
    values: new Float64Array(buffer, next(8, count * BEST), count * BEST),
    weights: new Float32Array(buffer, next(4, count), count),
    slots: new Int32Array(buffer, next(4, count * BEST), count * BEST),
    valid: new Uint8Array(buffer, next(1, count), count),
  };
  const [a, b] = laneSum(partsOf(likeness));
  if (a !== sumA || b !== sumB) return undefined;
  return { buildId: buildIdOf(idA!, idB!), likeness };
}
