import type { Paper, Rule } from '../schema';
import { foldText } from '../text';

export type { Rule };

export type CompiledRule = Rule & { test: (paper: Paper) => boolean };

/** JavaScript's reasons for refusing a regular expression (V8's wording), said for a reader. */
const REGEX_REASONS: Record<string, string> = {
  'Unterminated group': 'a “(” is never closed',
  "Unmatched ')'": 'a “)” closes nothing',
  'Unterminated character class': 'a “[” is never closed',
  'Lone quantifier brackets': 'a “]”, “{” or “}” stands alone (put a backslash before it to match it as text)',
  'Nothing to repeat': 'a “*”, “+” or “?” has nothing before it to repeat',
  '\\ at end of pattern': 'it ends with a lone backslash',
  'numbers out of order in {} quantifier': 'the numbers in a {…} repeat are in the wrong order',
  'Incomplete quantifier': 'a {…} repeat is not finished',
  'Range out of order in character class': 'a range in […] runs backwards (like z-a)',
  'Invalid escape': 'a backslash comes before a character that needs none',
  'Invalid Unicode escape': 'a backslash comes before a character that needs none',
  'Invalid property name': 'a \\p{…} names no Unicode property',
  'Invalid group': 'a group starts with “(?” followed by something JavaScript does not know',
  'Duplicate capture group name': 'two groups have the same name',
  'Invalid capture group name': 'a group’s name is not a valid name',
  'Invalid named capture referenced': 'a \\k<…> refers to a group that does not exist',
};

/**
 * A SyntaxError from `new RegExp` as one sentence: V8 writes "Invalid regular expression: /source/flags:
 * reason", and the reader needs the reason, not their own pattern echoed back with flags they never set.
 */
function regexSentence(pattern: string, flags: string, message: string): string {
  const prefix = `Invalid regular expression: /${pattern}/${flags}: `;
  const reason = message.startsWith(prefix) ? message.slice(prefix.length) : message.split(': ').at(-1)!;
  const said = REGEX_REASONS[reason] ?? reason.charAt(0).toLowerCase() + reason.slice(1);
  return `The regular expression is not valid: ${said.replace(/\.$/, '')}.`;
}

/** Why a pattern cannot be a rule, as a sentence for the reader, or undefined when it can. */
export function ruleProblem(pattern: string, kind: Rule['kind']): string | undefined {
  if (kind === 'words') return foldText(pattern) ? undefined : 'The words have no letters or digits.';
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return regexSentence(pattern, 'iu', error instanceof Error ? error.message : String(error));
  }
  // Nested quantifiers like (a+)+ can take exponential time on a long abstract.
  if (/\([^)]*[+*][^)]*\)[+*{]/.test(pattern))
    return 'A repeated group that repeats (like (a+)+) can hang; simplify it.';
  return undefined;
}

/**
 * Each rule's verdict on each paper it tested, by the rule's kind and pattern: papers are replaced, never
 * changed, so a verdict holds for the paper's life, and ranking again tests nothing. Papers' folded texts are
 * not kept (they were, about the size of every inbox abstract, which a large library keeps on disk).
 */
const verdicts = new Map<string, WeakMap<Paper, boolean>>();
/** Patterns remembered at most (a person has a few rules; edits make new ones). */
const PATTERNS_KEPT = 200;

function remembered(rule: Rule, test: (paper: Paper) => boolean): (paper: Paper) => boolean {
  const key = `${rule.kind}\u0000${rule.pattern}`;
  let known = verdicts.get(key);
  if (!known) {
    if (verdicts.size >= PATTERNS_KEPT) verdicts.clear();
    known = new WeakMap();
    verdicts.set(key, known);
  }
  const kept = known;
  return (paper) => {
    let verdict = kept.get(paper);
    if (verdict === undefined) {
      verdict = test(paper);
      kept.set(paper, verdict);
    }
    return verdict;
  };
}

/** The last paper folded: the rules are tested one paper at a time, so its text serves them all. */
let lastFolded: { paper: Paper; text: string } | undefined;

function textOf(paper: Paper): string {
  if (lastFolded?.paper !== paper) {
    const text = ` ${foldText(`${paper.title} ${paper.abstract} ${paper.authors.join(' ')} ${paper.keywords?.join(' ') ?? ''}`)} `;
    lastFolded = { paper, text };
  }
  return lastFolded.text;
}

export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.flatMap((rule) => {
    if (ruleProblem(rule.pattern, rule.kind)) return [];
    if (rule.kind === 'regex') {
      const regex = new RegExp(rule.pattern, 'iu');
      return [{ ...rule, test: remembered(rule, (paper) => regex.test(`${paper.title}\n${paper.abstract}`)) }];
    }
    // Words match whole words, in any order, ignoring case and accents: "diffusion model" finds "Diffusion Models".
    const words = foldText(rule.pattern).split(' ');
    return [{ ...rule, test: remembered(rule, (paper) => words.every((w) => matchesWord(textOf(paper), w))) }];
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
