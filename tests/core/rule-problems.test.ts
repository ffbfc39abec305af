import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { ruleProblem } from '../../electron/core/insight/rules';
import { openTempStore } from './helpers';

describe('a pattern that cannot be a rule is refused in a sentence', () => {
  it.each([
    ['([unclosed', 'The regular expression is not valid: a “[” is never closed.'],
    ['fisher(y|ies', 'The regular expression is not valid: a “(” is never closed.'],
    ['a)', 'The regular expression is not valid: a “)” closes nothing.'],
    ['*a', 'The regular expression is not valid: a “*”, “+” or “?” has nothing before it to repeat.'],
    ['a{2,1}', 'The regular expression is not valid: the numbers in a {…} repeat are in the wrong order.'],
    ['[z-a]', 'The regular expression is not valid: a range in […] runs backwards (like z-a).'],
    ['a\\', 'The regular expression is not valid: it ends with a lone backslash.'],
    // A pattern that itself contains "/…: " is not mistaken for the reason.
    ['x/(:y: (', 'The regular expression is not valid: a “(” is never closed.'],
  ])('%s', (pattern, sentence) => {
    expect(ruleProblem(pattern, 'regex')).toBe(sentence);
  });

  it('never echoes the pattern with its flags, whatever the reason', () => {
    for (const pattern of ['(?x)', '\\p{Nope}', '(?<a>x)(?<a>y)', '\\k<x>', 'a]', '\\-']) {
      const problem = ruleProblem(pattern, 'regex')!;
      expect(problem).toMatch(/^The regular expression is not valid: [a-z].*[^.]\.$/);
      expect(problem).not.toContain('/iu');
      expect(problem).not.toContain('Invalid regular expression');
    }
  });

  it('accepts a valid one, and explains words without letters and a pattern that could hang', () => {
    expect(ruleProblem('diffusion|score.based', 'regex')).toBeUndefined();
    expect(ruleProblem('---', 'words')).toBe('The words have no letters or digits.');
    expect(ruleProblem('(a+)+$', 'regex')).toMatch(/can hang/);
  });

  it('rules.add refuses with that sentence alone, and adds nothing', async () => {
    const store = await openTempStore();
    const result = await call({ store }, 'rules.add', { pattern: '([unclosed', kind: 'regex', action: 'boost' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The regular expression is not valid: a “[” is never closed.' },
    });
    expect(store.rules).toEqual([]);
  });
});
