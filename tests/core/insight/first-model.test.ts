import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { firstModel, modelFor, warmModel } from '../../../electron/core/insight/library-model';
import { TextModel } from '../../../electron/core/insight/model';
import { TermIndex } from '../../../electron/core/insight/term-index';
import { termNames } from '../../../electron/core/insight/terms';
import { TERMS_PER_PAPER, WEIGHT_STEPS } from '../../../electron/core/insight/weigh';
import { LibraryStore } from '../../../electron/core/store/store';
import { generatedLibrary } from '../generated-library';

const bytes = (part: ArrayBufferView): Buffer => Buffer.from(part.buffer, part.byteOffset, part.byteLength);

describe("For you's first model, of the titles alone", { timeout: 60_000 }, () => {
  it('weighs each paper by the few heaviest terms of its title, and nothing of its abstract', async () => {
    const store = await LibraryStore.open((await generatedLibrary(300, 5)).dir);
    const model = new TextModel(store, { titlesOnly: true, termsPerPaper: 5 });
    await model.update();
    for (const paper of store.all()) {
      const { terms, weights } = model.vectorAt(model.slot(paper.id)!);
      const used = [...terms.filter((_, k) => weights[k]! > 0)];
      expect(used.length).toBeLessThanOrEqual(5);
      expect(weights.slice(used.length).every((weight) => weight === 0)).toBe(true);
      // Every term is named by the title alone.
      expect(termNames(paper.title, new Set(used)).size).toBe(used.length);
    }
    store.catalog.dispose();
  });

  it('indexes a large library of few terms per paper as the counting sort would', () => {
    const papers = 30_000;
    const terms = new Int32Array(papers * TERMS_PER_PAPER);
    const weights = new Uint16Array(papers * TERMS_PER_PAPER);
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let slot = 0; slot < papers; slot++) {
      for (let k = 0; k < 5; k++) {
        terms[slot * TERMS_PER_PAPER + k] = Math.floor(random() * 5000) * 811;
        weights[slot * TERMS_PER_PAPER + k] = Math.round((1 - k / 10) * WEIGHT_STEPS);
      }
    }
    const sorted = new TermIndex();
    sorted.build(papers, terms, weights);
    const counted = new TermIndex();
    counted['buildLarge'](papers * TERMS_PER_PAPER, terms, weights);
    const [a, b] = [Object.values(sorted.arrays()), Object.values(counted.arrays())];
    expect(a.map((part) => part.length)).toEqual(b.map((part) => part.length));
    a.forEach((part, i) => expect(bytes(part).equals(bytes(b[i]!))).toBe(true));
  });

  it('is let go once the model is in', async () => {
    const store = await LibraryStore.open((await generatedLibrary(5000, 23)).dir);
    const warmed = warmModel(store);
    const first = await firstModel(store);
    expect(first).toBeDefined();
    const model = await modelFor(store);
    await warmed;
    expect(await firstModel(store)).toBeUndefined();
    // Let go: it no longer follows the library's changes.
    const version = first!.version;
    const inbox = [...store.all()].filter((paper) => paper.status === 'inbox');
    await call({ store }, 'papers.setStatus', { ids: [inbox[0]!.id], status: 'queued' });
    expect(first!.version).toBe(version);
    expect(model.version).toBeGreaterThan(0);
    store.catalog.dispose();
  });
});
