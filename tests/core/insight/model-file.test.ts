import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextModel } from '../../../electron/core/insight/model';
import {
  modelStateOf,
  readModelCache,
  textPrint,
  writeModelCache,
  type ModelState,
} from '../../../electron/core/insight/model-cache';
import { TermIndex } from '../../../electron/core/insight/term-index';
import { PRODUCT_UNIT, TERMS_PER_PAPER, WEIGHT_STEPS } from '../../../electron/core/insight/weigh';
import { readInThread } from '../../../electron/core/insight/worker-model';
import { LibraryStore } from '../../../electron/core/store/store';
import { generatedLibrary } from '../generated-library';
import { seeded, tempDir } from '../helpers';

/** Vectors of `papers` slots: a few terms each out of `vocabulary`, heaviest first, some slots shorter. */
function randomVectors(papers: number, vocabulary: number, seed: number) {
  const random = seeded(seed);
  const terms = new Int32Array(papers * TERMS_PER_PAPER);
  const weights = new Uint16Array(papers * TERMS_PER_PAPER);
  for (let slot = 0; slot < papers; slot++) {
    const used = 1 + Math.floor(random() * 12);
    const seen = new Set<number>();
    for (let k = 0; k < used; k++) {
      let term = Math.floor(random() * vocabulary);
      while (seen.has(term)) term = (term + 1) % vocabulary;
      seen.add(term);
      terms[slot * TERMS_PER_PAPER + k] = term;
      weights[slot * TERMS_PER_PAPER + k] = Math.round((1 - k / 16 - random() / 32) * WEIGHT_STEPS);
    }
  }
  return { terms, weights };
}

/** The model over a generated library, as its file keeps it. */
async function builtState(): Promise<ModelState> {
  const store = await LibraryStore.open((await generatedLibrary(400, 31)).dir);
  const model = new TextModel(store);
  await model.update();
  const built = model.state()!;
  const fingerprints = new Uint32Array(2 * built.papers.length);
  built.papers.forEach((paper, slot) => textPrint(paper!, fingerprints, 2 * slot));
  store.catalog.dispose();
  return { ...built, ids: built.papers.map((paper) => paper!.id), fingerprints, df: built.df.slice() };
}

const arraysOf = (state: ModelState) => ({
  fingerprints: state.fingerprints,
  df: state.df,
  dfOver: state.dfOver,
  terms: state.terms,
  weights: state.weights,
  indexTerms: state.index.terms,
  indexStart: state.index.start,
  indexSlots: state.index.slots,
  indexWeights: state.index.weights,
});

describe("the relevance model's index and file", { timeout: 60_000 }, () => {
  it('adds the same products as a dot product of the vectors would', () => {
    const papers = 3000;
    const { terms, weights } = randomVectors(papers, 2000, 11);
    const index = new TermIndex();
    index.build(papers, terms, weights);
    const weightOf = (slot: number, term: number): number => {
      for (let k = 0; k < TERMS_PER_PAPER; k++) {
        if (terms[slot * TERMS_PER_PAPER + k] === term) return weights[slot * TERMS_PER_PAPER + k]!;
      }
      return 0;
    };
    for (const from of [0, 17, 2999]) {
      const at = from * TERMS_PER_PAPER;
      const vector = {
        terms: terms.subarray(at, at + TERMS_PER_PAPER),
        weights: weights.subarray(at, at + TERMS_PER_PAPER),
      };
      const scores = new Float32Array(papers);
      const touched: number[] = [];
      index.accumulate(vector, papers, terms, weights, scores, touched);
      const expected = new Float32Array(papers);
      for (let slot = 0; slot < papers; slot++) {
        for (let k = 0; k < TERMS_PER_PAPER && vector.weights[k] !== 0; k++) {
          expected[slot]! += vector.weights[k]! * PRODUCT_UNIT * weightOf(slot, vector.terms[k]!);
        }
      }
      // Summed in the vector's order of terms both ways: the same floats, not merely close ones.
      expect([...scores]).toEqual([...expected]);
      expect(new Set(touched)).toEqual(new Set([...expected.keys()].filter((slot) => expected[slot] !== 0)));
    }
  });

  it('reads back what it wrote, each part in a buffer of its own', async () => {
    const state = await builtState();
    const path = join(await tempDir(), 'relevance-model.cache');
    await writeModelCache(path, state);
    const read = (await readModelCache(path))!;
    expect(read).toBeDefined();
    expect(read.ids).toEqual(state.ids);
    expect(read.docs).toBe(state.docs);
    expect(read.buildId).toBe(state.buildId);
    const written = arraysOf(state);
    for (const [name, part] of Object.entries(arraysOf(read))) {
      expect([name, [...part]]).toEqual([name, [...written[name as keyof typeof written]]]);
      // What the model only checks or copies (the fingerprints, the frequencies) is freed apart from what it keeps.
      expect([name, part.buffer.byteLength]).toEqual([name, part.byteLength]);
    }
  });

  it('reads the same in a worker thread, and refuses there a file with one byte changed', async () => {
    const state = await builtState();
    const path = join(await tempDir(), 'relevance-model.cache');
    await writeModelCache(path, state);
    const read = modelStateOf((await readInThread(path))!)!;
    expect(read.ids).toEqual(state.ids);
    expect(read.buildId).toBe(state.buildId);
    const written = arraysOf(state);
    for (const [name, part] of Object.entries(arraysOf(read))) {
      expect([name, [...part]]).toEqual([name, [...written[name as keyof typeof written]]]);
    }
    const bytes = await readFile(path);
    const changed = Buffer.from(bytes);
    changed[Math.floor(bytes.length / 2)]! ^= 0x08;
    await writeFile(path, changed);
    expect(await readInThread(path)).toBeUndefined();
    expect(await readModelCache(path)).toBeUndefined();
    expect(await readInThread(`${path}.missing`)).toBeUndefined();
  });

  it('keeps the frequencies past 16 bits, and refuses a file whose overflow names a term the table does not', async () => {
    const state = await builtState();
    const [common, other] = [123_456, 654_321];
    state.df[common] = 0xffff;
    const path = join(await tempDir(), 'relevance-model.cache');
    await writeModelCache(path, { ...state, dfOver: Int32Array.of(common, 70_000) });
    expect([...(await readModelCache(path))!.dfOver]).toEqual([common, 70_000]);
    // Checksummed as written, but its overflow says "past 16 bits" of a term whose entry holds a count.
    await writeModelCache(path, { ...state, dfOver: Int32Array.of(other, 70_000) });
    expect(state.df[other]).not.toBe(0xffff);
    expect(await readModelCache(path)).toBeUndefined();
  });

  it('refuses a file of another version or cut short', async () => {
    const state = await builtState();
    const path = join(await tempDir(), 'relevance-model.cache');
    await writeModelCache(path, state);
    const bytes = await readFile(path);
    const older = Buffer.from(bytes);
    older.writeUInt32LE(bytes.readUInt32LE(4) - 1, 4);
    await writeFile(path, older);
    expect(await readModelCache(path)).toBeUndefined();
    await writeFile(path, bytes.subarray(0, bytes.length - 4));
    expect(await readModelCache(path)).toBeUndefined();
    await writeFile(path, bytes);
    expect(await readModelCache(path)).toBeDefined();
  });
});
