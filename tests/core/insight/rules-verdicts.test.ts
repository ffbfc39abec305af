import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { compileRules, matchRules, type Rule } from '../../../electron/core/insight/rules';
import type { Paper } from '../../../electron/core/schema';
import { makePaper, makeVocabulary } from '../../../scripts/bench/data';

const rule = (pattern: string, kind: Rule['kind'], action: Rule['action'] = 'boost'): Rule => ({
  id: `${kind}-${pattern}`,
  pattern,
  kind,
  action,
  createdAt: '2026-12-03T22:00:00.000Z',
});

/** A paper whose abstract counts its reads, as a paper whose abstract is kept on disk reads it back. */
function counted(paper: Paper): { paper: Paper; reads: () => number } {
  let reads = 0;
  const { abstract, ...rest } = paper;
  const copy = { ...rest } as Paper;
  Object.defineProperty(copy, 'abstract', {
    get: () => {
      reads++;
      return abstract;
    },
    enumerable: true,
  });
  return { paper: copy, reads: () => reads };
}

describe('keyword rules', () => {
  it('match what only the abstract has, and test each paper once however often it is ranked', () => {
    const vocab = makeVocabulary(4);
    const base = makePaper(vocab, 1);
    const { paper, reads } = counted({ ...base, abstract: `${base.abstract} Zygomorphic flowers.` });
    const { paper: other, reads: otherReads } = counted(makePaper(vocab, 2));
    const rules = compileRules([rule('zygomorphic flower', 'words'), rule('zygo.orphic', 'regex', 'dim')]);
    for (let ranking = 0; ranking < 3; ranking++) {
      // Compiled again, as each ranking does: the verdicts are kept by pattern.
      const compiled = ranking === 0 ? rules : compileRules(rules);
      expect(matchRules(compiled, paper)?.action).toBe('dim');
      expect(matchRules(compiled, other)).toBeUndefined();
    }
    // One read for the words rule's folded text, one for the regular expression: the first ranking only.
    expect([reads(), otherReads()]).toEqual([2, 2]);
    // An edited paper is a new object: tested afresh.
    const edited = counted({ ...base, abstract: 'Nothing of the kind.' });
    expect(matchRules(rules, edited.paper)).toBeUndefined();
    expect(edited.reads()).toBe(2);
  });

  it('keep no folded copy of the papers’ text once they are tested', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const vocab = makeVocabulary(6);
    const papers = Array.from({ length: 4000 }, (_, i) => makePaper(vocab, i));
    const chars = papers.reduce((sum, paper) => sum + paper.abstract.length, 0);
    // A word of the generated vocabulary, so some papers match.
    const word = papers[0]!.abstract.split(' ')[4]!.replace(/\W/g, '');
    const rules = compileRules([rule(word, 'words'), rule('neural', 'words', 'dim')]);
    gc();
    const before = process.memoryUsage().heapUsed;
    let matched = 0;
    for (const paper of papers) if (matchRules(rules, paper)) matched++;
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(matched).toBeGreaterThan(0);
    expect(chars).toBeGreaterThan(4_000_000);
    // The verdicts: a few tens of bytes a paper and rule. A folded copy of each text was about its length.
    expect(held).toBeLessThan(0.2 * chars);
  });
});
