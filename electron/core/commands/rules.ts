import { z } from 'zod';
import { defineCommand } from '../command';
import { newId } from '../identifiers';
import { compileRules, ruleProblem } from '../insight/rules';
import { CommandError, notFound } from '../result';
import type { Paper, Rule } from '../schema';
import { IdSchema } from './inputs';

/** How many inbox papers each rule moves now, so the reader sees what a rule does. */
function withCounts(rules: readonly Rule[], papers: Iterable<Paper>) {
  const compiled = compileRules(rules);
  const counts = new Map<string, number>(rules.map((r) => [r.id, 0]));
  for (const paper of papers) {
    if (paper.status !== 'inbox') continue;
    for (const rule of compiled) if (rule.test(paper)) counts.set(rule.id, counts.get(rule.id)! + 1);
  }
  return rules.map((rule) => ({ ...rule, inboxMatches: counts.get(rule.id) ?? 0 }));
}

export const rulesList = defineCommand({
  kind: 'query',
  summary: 'Your keyword rules, each with how many inbox papers it matches.',
  input: z.strictObject({}).default({}),
  run(ctx) {
    return { rules: withCounts(ctx.store.rules, ctx.store.all()) };
  },
});

export const rulesAdd = defineCommand({
  kind: 'mutation',
  summary: 'Add a keyword rule: words (all must appear) or a regular expression, to boost or dim papers.',
  input: z.strictObject({
    pattern: z.string().trim().min(1).max(200),
    kind: z.enum(['words', 'regex']).default('words'),
    action: z.enum(['boost', 'dim']),
  }),
  run(ctx, input) {
    const problem = ruleProblem(input.pattern, input.kind);
    // The sentence alone: the app shows it beside the pattern field, the CLI prints it as it is.
    if (problem) throw new CommandError('INVALID_INPUT', problem);
    if (ctx.store.rules.some((r) => r.pattern === input.pattern && r.kind === input.kind)) {
      throw new CommandError('CONFLICT', `There is already a rule for "${input.pattern}".`);
    }
    if (ctx.store.rules.length >= 500) throw new CommandError('INVALID_INPUT', 'At most 500 rules.');
    const rule: Rule = { id: newId(), ...input, createdAt: ctx.now().toISOString() };
    ctx.store.setRules([...ctx.store.rules, rule]);
    ctx.changedLibrary();
    return withCounts([rule], ctx.store.all())[0]!;
  },
});

export const rulesRemove = defineCommand({
  kind: 'mutation',
  summary: 'Remove a keyword rule.',
  input: z.strictObject({ id: IdSchema }),
  run(ctx, input) {
    const rule = ctx.store.rules.find((r) => r.id === input.id);
    if (!rule) throw notFound('rule', input.id);
    ctx.store.setRules(ctx.store.rules.filter((r) => r.id !== input.id));
    ctx.changedLibrary();
    return { removed: rule.id };
  },
});
