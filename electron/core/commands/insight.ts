import { z } from 'zod';
import { defineCommand } from '../command';
import { foreground } from '../foreground';
import { rankInbox, similarPapers } from '../insight/rank';
import { compileRules } from '../insight/rules';
import { notFound } from '../result';
import { IdSchema } from './inputs';

export const insightRank = defineCommand({
  kind: 'query',
  summary: 'The inbox ranked by likeness to what you kept and read, best first, each with its reason.',
  input: z
    .strictObject({
      limit: z.number().int().min(1).max(100_000).optional(),
      ids: z.array(IdSchema).max(100_000).optional(),
      /** Explain (title and reason) only the first this many: the rest carry id, score and rule. */
      explain: z.number().int().min(0).max(100_000).optional(),
    })
    .default({}),
  async run(ctx, input) {
    const explain = Math.min(input.explain ?? Infinity, input.limit ?? Infinity);
    // The model's background work is what this waits for: it does not hold back meanwhile. Not the papers'
    // hand-over to the model's thread: until the model is in, For you ranks by a first model of the titles.
    const ranking = await foreground.waitFor(
      rankInbox(ctx.store, compileRules(ctx.store.rules), input.ids, {
        explain: Number.isFinite(explain) ? explain : undefined,
      }),
      // Nor a thread's: For you ranks by its first model until the thread's model is in.
      { bulk: false, threads: false },
    );
    return { ...ranking, items: input.limit ? ranking.items.slice(0, input.limit) : ranking.items };
  },
});

export const insightSimilar = defineCommand({
  kind: 'query',
  summary: 'The papers most like one paper, with the terms they share.',
  input: z.strictObject({ id: IdSchema, limit: z.number().int().min(1).max(100).default(10) }),
  async run(ctx, input) {
    // On a first start this waits for the model's thread, which holds back while the page's other requests
    // come: the panel says it is looking meanwhile, and the page's keys and searches go first. Open for as long
    // as the thread works, this request does not hold it back itself (foreground.ts).
    const items = await foreground.waitFor(similarPapers(ctx.store, input.id, input.limit), { threads: false });
    if (!items) throw notFound('paper', input.id);
    return { items };
  },
});
