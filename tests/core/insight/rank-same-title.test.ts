import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED, corpusFile, openTempStore, run } from '../helpers';

/** Where the QA's "Lorem Ipsum" papers come from (it named jabref-testjabref.bib, imported with it). */
const CSL = corpusFile('csl-json', 'citation-js-bibtex-csl.json');
const JABREF = corpusFile('bibtex', 'jabref-testjabref.bib');

describe.skipIf(![SEED, CSL, JABREF].every(existsSync))('For you, with papers of the same title and text', () => {
  it('shows them once, says how many more there are, and never quotes a title twice in a reason', async () => {
    const store = await openTempStore();
    for (const path of [SEED, JABREF, CSL]) await run(store, 'library.import', { path });
    const lorem = [...store.all()].filter((p) => p.title === 'Lorem Ipsum');
    expect(lorem.length).toBeGreaterThanOrEqual(8);
    // As in the QA's library: four of them read, and a paper of the seed.
    const seedPaper = [...store.all()].find((p) => p.title.startsWith('Bayesian Estimation of Differential Privacy'))!;
    await run(store, 'papers.setStatus', {
      ids: [...lorem.slice(0, 4).map((p) => p.id), seedPaper.id],
      status: 'read',
    });

    const { items } = await run(store, 'insight.rank', { limit: 8 });
    const shown = items.filter((item) => item.title === 'Lorem Ipsum');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.same).toBe(lorem.length - 5);
    expect(shown[0]!.reason).toContain(`${lorem.length - 5} more papers with the same title and text are left out.`);
    for (const item of items) {
      const quoted = [...item.reason!.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
      expect(new Set(quoted).size, item.reason).toBe(quoted.length);
    }
    // The whole ranking (For you's order) holds each once too: the others are left out of it.
    const whole = await run(store, 'insight.rank', { explain: 0 });
    expect(whole.items.filter((item) => lorem.some((p) => p.id === item.id))).toHaveLength(1);
    const inbox = [...store.all()].filter((p) => p.status === 'inbox').length;
    expect(whole.items).toHaveLength(inbox - (lorem.length - 5));
  }, 60_000);
});
