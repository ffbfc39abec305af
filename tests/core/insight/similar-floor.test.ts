import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGeneric } from '../../../electron/core/insight/generic-words';
import { LIKENESS_FLOOR, similarPapers } from '../../../electron/core/insight/similar';
import { SEED, corpusFile, openTempStore, run } from '../helpers';

const TRACEMONKEY = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs', 'tracemonkey.pdf');
const HF_DAILY = corpusFile('hf-daily-papers', 'hf-daily-2026-08-18.json');
const JABREF = corpusFile('bibtex', 'jabref-testjabref.bib');

describe.skipIf(![SEED, TRACEMONKEY, HF_DAILY, JABREF].every(existsSync))('More like this: a floor of likeness', () => {
  it('finds nothing close to a PDF about JIT compilers, and still finds related papers, never on generic words', async () => {
    const store = await openTempStore();
    for (const path of [SEED, HF_DAILY, JABREF, TRACEMONKEY]) await run(store, 'library.import', { path });
    const papers = [...store.all()];
    const trace = papers.find((p) => p.title.startsWith('Trace-based Just-in-Time'))!;
    expect(trace).toBeDefined();

    // Nothing in the library is about JIT compilers: no paper is called close.
    expect(await similarPapers(store, trace.id, 5)).toEqual([]);

    // Two papers on differential privacy in the seed are still each other's neighbours.
    const kaplan = papers.find((p) => p.title.includes('Kaplan-Meier'))!;
    const near = (await similarPapers(store, kaplan.id, 5))!;
    expect(near.length).toBeGreaterThan(0);
    expect(near.slice(0, 3).some((item) => /Privacy|Private/.test(item.title))).toBe(true);

    // Across the library, no reason names a word that carries no topic, and none scores below the floor.
    for (const paper of papers.slice(0, 120)) {
      for (const item of (await similarPapers(store, paper.id, 5))!) {
        expect(item.score).toBeGreaterThanOrEqual(LIKENESS_FLOOR);
        const named = [...item.reason.matchAll(/‘([^’]+)’/g)].map((m) => m[1]!.toLowerCase());
        expect(named.length).toBeGreaterThan(0);
        for (const term of named) expect(['end', 'open', 'environment', 'type'], term).not.toContain(term);
      }
    }
  }, 120_000);

  it('counts short, common and generic words as carrying no topic, and phrases of them too', () => {
    for (const word of ['end', 'open', 'environment', 'interaction propertie', 'de', 'type']) {
      expect(isGeneric(word), word).toBe(true);
    }
    for (const word of ['compiler', 'open-weight', 'trace tree', 'differential privacy', 'covid', 'llm']) {
      expect(isGeneric(word), word).toBe(false);
    }
  });
});
