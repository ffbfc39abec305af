import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGeneric } from '../../../electron/core/insight/generic-words';
import { similarPapers } from '../../../electron/core/insight/similar';
import { openTempStore, run, tempDir } from '../helpers';

/**
 * QA s35: "More like this" explained a match by `log`, the name of TeX's \log (a digest's page drops the
 * backslash, and math left as TeX keeps it): a word that says nothing of either paper's subject.
 */
const BIB = String.raw`
@article{one,
  title = {Sorting networks of depth $O(\log n)$ with \theta(\log n) comparators},
  author = {Ada Lovelace},
  year = {2024},
  abstract = {We build sorting networks of depth $O(\log n)$ and show $\Theta(\log n)$ rounds suffice. Our sorting networks beat comparator counts of earlier sorting networks.}
}
@article{two,
  title = {Comparator sorting networks in $\log n$ rounds},
  author = {Alan Turing},
  year = {2025},
  abstract = {Sorting networks with $O(\log n)$ comparator depth; the bound $\Theta(\log n)$ is tight for sorting networks on comparator hardware.}
}
@article{three,
  title = {Protein folding with graph transformers},
  author = {Rosalind Franklin},
  year = {2023},
  abstract = {We predict protein structure from sequence with graph transformers trained on folding trajectories.}
}
`;

describe('More like this names what two papers are about, never a TeX command', () => {
  it('explains two papers on sorting networks by their subject, not by log or theta', async () => {
    const dir = await tempDir();
    const file = join(dir, 'tex.bib');
    await writeFile(file, BIB);
    const store = await openTempStore();
    await run(store, 'library.import', { path: file });
    const one = [...store.all()].find((p) => p.title.startsWith('Sorting networks'))!;
    const near = (await similarPapers(store, one.id, 5))!;
    expect(near.map((item) => item.title)).toEqual(['Comparator sorting networks in $\\log n$ rounds']);
    const named = [...near[0]!.reason.matchAll(/‘([^’]+)’/g)].map((m) => m[1]!.toLowerCase());
    expect(named.length).toBeGreaterThan(0);
    expect(named.some((term) => term.includes('sorting'))).toBe(true);
    for (const term of named) expect(['log', 'theta', 'log n'], near[0]!.reason).not.toContain(term);
  });

  it("counts TeX's command names as carrying no topic, alone or together, but not a phrase with a topic in it", () => {
    for (const name of ['log', 'theta', 'exp', 'log log', 'mathit', 'argmax']) expect(isGeneric(name), name).toBe(true);
    for (const name of ['log likelihood', 'sorting network', 'beta distribution'])
      expect(isGeneric(name), name).toBe(false);
  });
});
