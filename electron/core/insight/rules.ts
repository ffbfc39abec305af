import type { Paper, Rule } from '../schema';
import { foldText } from '../text';

export type { Rule };

export type CompiledRule = Rule & { test: (paper: Paper) => boolean };

/** Why a pattern cannot be a rule, or undefined when it can. */
export function ruleProblem(pattern: string, kind: Rule['kind']): string | undefined {
  if (kind === 'words') return foldText(pattern) ? undefined : 'The words have no letters or digits.';
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return `Not a regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  // Nested quantifiers like (a+)+ can take exponential time on a long abstract.
  if (/\([^)]*[+*][^)]*\)[+*{]/.test(pattern))
    return 'A repeated group that repeats (like (a+)+) can hang; simplify it.';
  return undefined;
}

const folded = new WeakMap<Paper, string>();

function textOf(paper: Paper): string {
  let text = folded.get(paper);
  if (text === undefined) {
    text = ` ${foldText(`${paper.title} ${paper.abstract} ${paper.authors.join(' ')} ${paper.keywords?.join(' ') ?? ''}`)} `;
    folded.set(paper, text);
  }
  return text;
}

export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.flatMap((rule) => {
    if (ruleProblem(rule.pattern, rule.kind)) return [];
    if (rule.kind === 'regex') {
      const regex = new RegExp(rule.pattern, 'iu');
      return [{ ...rule, test: (paper: Paper) => regex.test(`${paper.title}\n${paper.abstract}`) }];
    }
    // Words match whole words, in any order, ignoring case and accents: "diffusion model" finds "Diffusion Models".
    const words = foldText(rule.pattern).split(' ');
    return [{ ...rule, test: (paper: Paper) => words.every((w) => matchesWord(textOf(paper), w)) }];
  });
}

function matchesWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(` ${word}`, from);
    if (at === -1) return false;
    const after = text.charCodeAt(at + word.length + 1);
    // The word itself, or its plural.
    if (after === 32 || (after === 115 && text.charCodeAt(at + word.length + 2) === 32)) return true;
    from = at + 1;
  }
}

/** The first rule that matches the paper (a dim rule wins over a boost when both do). */
export function matchRules(
  rules: readonly CompiledRule[],
  paper: Paper,
): { action: Rule['action']; reason: string } | undefined {
  let boost: CompiledRule | undefined;
  for (const rule of rules) {
    if (!rule.test(paper)) continue;
    if (rule.action === 'dim') return { action: 'dim', reason: `dimmed by your rule “${rule.pattern}”` };
    boost ??= rule;
  }
  return boost && { action: 'boost', reason: `boosted by your rule “${boost.pattern}”` };
}
