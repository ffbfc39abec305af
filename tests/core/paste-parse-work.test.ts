import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../electron/core/importers';
import { recoverTex, texRecoveryWork } from '../../electron/core/importers/tex-recovery';
import { SEED } from './helpers';

/** Work is counted (words the math reading looked at), never timed. */
const wordsLookedAt = (work: () => unknown): number => {
  const before = texRecoveryWork.words;
  work();
  return texRecoveryWork.words - before;
};
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('a big pasted digest is read in time linear in its size', () => {
  it('looks for math only near the words that can hold it, the same for each copy of a digest pasted over and over', async () => {
    const seed = await readFile(SEED, 'utf8');
    const once = wordsLookedAt(() => parseImport(seed, 'auto', 'pasted text'));
    const pasted = Array.from({ length: 20 }, () => seed).join('\n\n');
    let parsed: ReturnType<typeof parseImport> | undefined;
    const twenty = wordsLookedAt(() => (parsed = parseImport(pasted, 'auto', 'pasted text')));
    expect(parsed).toMatchObject({ format: 'digest' });
    expect(parsed!.drafts).toHaveLength(52 * 20);
    expect(twenty).toBe(once * 20);
    // The seed's abstracts are prose with a little math: a small share of their words is looked at.
    expect(once).toBeGreaterThan(0);
    expect(once * 20).toBeLessThan(wordsIn(seed));
  });

  it('reads prose with no math in it without looking at its words one by one', () => {
    const prose = 'Vision language models answer questions about images, and we measure how well. '.repeat(2000);
    expect(wordsLookedAt(() => expect(recoverTex(prose)).toBe(prose.trim()))).toBe(0);
  });

  it('still recovers the math among the prose, looking at the few words around it', () => {
    const prose = 'Readers keep what mattered in a queue of papers to read. '.repeat(50);
    const text = `${prose}We bound {p}_{theta}(Y|X) with varepsilon-DP. ${prose}`;
    let out = '';
    const looked = wordsLookedAt(() => (out = recoverTex(text)));
    expect(out).toContain('We bound $p_{\\theta}(Y|X)$ with $\\varepsilon$-DP.');
    expect(looked).toBeLessThanOrEqual(10);
  });

  it('leaves a run of 1,000 characters or more without a space as text, however math-like', () => {
    const run = 'x_{ab}'.repeat(400);
    expect(recoverTex(`before ${run} after`)).toBe(`before ${run} after`);
    expect(recoverTex('before x_{ab} after')).toBe('before $x_{ab}$ after');
  });
});
