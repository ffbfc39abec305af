import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SEED, openTempStore, run } from './helpers';

/**
 * The seed's text with the TeX its page lost put back (issue 13): every change the import makes to it,
 * so that anything else it changed would show.
 */
const RECOVERED: [string, string][] = [
  ['Inference Scaling scriptsizeFLaws', 'Inference Scaling FLaws'],
  ['{p}_{theta}(Y|X)', '$p_{\\theta}(Y|X)$'],
  ['{\\em varepsilon-differential privacy}', 'varepsilon-differential privacy'],
  ['{\\em maximum absolute determinants}', 'maximum absolute determinants'],
  ['{\\sc DP-BAI}', 'DP-BAI'],
  ['tilde Omega(T^{1/3})', '$\\tilde{\\Omega}(T^{1/3})$'],
  ['tilde O( d^2varepsilon^{-2})', '$\\tilde{O}(d^2\\varepsilon^{-2})$'],
  ['Omega(d^2varepsilon^{-2})', '$\\Omega(d^2\\varepsilon^{-2})$'],
  ['Theta_{epsilon}(log(n))', '$\\Theta_{\\epsilon}(\\log(n))$'],
  ['Theta(log(n))', '$\\Theta(\\log(n))$'],
  ['epsilon = 10', '$\\epsilon = 10$'],
  ['epsilon geq 6', '$\\epsilon \\geq 6$'],
  ['varepsilon>0', '$\\varepsilon>0$'],
  ['1/varepsilon', '$1/\\varepsilon$'],
];

function recovered(text: string): string {
  let out = text;
  for (const [from, to] of RECOVERED) out = out.split(from).join(to);
  // Every other varepsilon, alone or before -DP, -optimal, -differential(ly): the letter itself.
  return out.replace(/(?<![\\\w])varepsilon\b/g, '$\\varepsilon$');
}

// The seed lives in ../shared beside the project; a clone without it has nothing to read.
describe.skipIf(!existsSync(SEED))('the seed digest (../shared/seeds)', () => {
  it('imports 52 papers with their exact titles, full abstracts and the 8 links; a re-import adds none', async () => {
    const lines = (await readFile(SEED, 'utf8')).split('\n').filter((line) => line.trim() !== '');
    const body = lines.slice(lines.indexOf('Mar 13') + 1);
    const titles = body.filter((_, i) => i % 2 === 0).map(recovered);
    const abstracts = body.filter((_, i) => i % 2 === 1).map(recovered);

    const store = await openTempStore();
    const first = await run(store, 'library.import', { path: SEED });
    expect(first).toMatchObject({ added: 52, duplicates: 0, errors: [], source: 'Daily papers · Mar 13' });

    const { papers } = await run(store, 'papers.list', { sort: 'queue' });
    expect(papers.map((p) => p.title)).toEqual(titles);
    expect(papers.map((p) => p.abstract)).toEqual(abstracts);
    expect(papers.flatMap((p) => p.links.map((l) => l.url))).toEqual([
      'https://github.com/locuslab/llava-token-compression',
      'https://github.com/iamgroot42/FormEstDistRisks',
      'https://github.com/minyoungkim21/niwmeta',
      'https://probabilistic-inference-scaling.github.io',
      'https://github.com/usail-hkust/benchmark_inference_time_computation_LLM',
      'https://github.com/martaskrt/fkc-diffusion',
      'https://github.com/THUDM/T1',
      'https://github.com/sail-sg/Cheating-LLM-Benchmarks',
    ]);
    expect(papers.every((p) => p.source.name === 'Daily papers · Mar 13' && p.status === 'inbox')).toBe(true);

    const second = await run(store, 'library.import', { path: SEED });
    expect(second).toMatchObject({ added: 0, duplicates: 52 });
    expect(store.size).toBe(52);
  });
});
