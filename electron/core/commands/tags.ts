import { z } from 'zod';
import { defineCommand } from '../command';
import { normaliseTags } from '../paper';
import { Bounded, IdsSchema } from './inputs';
import { requirePaper } from './papers';

export const tagsSet = defineCommand({
  kind: 'mutation',
  summary: 'Replace, add or remove tags on papers.',
  input: z.strictObject({
    ids: IdsSchema,
    tags: z.array(Bounded.tag).max(100),
    mode: z.enum(['replace', 'add', 'remove']).default('replace'),
  }),
  run(ctx, { ids, tags, mode }) {
    const papers = ids.map((id) => requirePaper(ctx, id));
    const now = ctx.now().toISOString();
    const dropping = new Set(tags.map((t) => t.trim().toLowerCase()));
    // Each paper's tags as they were, so a window can undo the change (tags.set with mode 'replace').
    const before: Record<string, string[]> = {};
    for (const paper of papers) {
      before[paper.id] = paper.tags;
      const next =
        mode === 'replace'
          ? normaliseTags(tags)
          : mode === 'add'
            ? normaliseTags([...paper.tags, ...tags])
            : paper.tags.filter((t) => !dropping.has(t.toLowerCase()));
      ctx.store.replace({ ...paper, tags: next, updatedAt: now });
    }
    ctx.changed(ids);
    return { updated: papers.length, before };
  },
});

export const tagsList = defineCommand({
  kind: 'query',
  summary: 'Every tag with the number of papers that carry it.',
  input: z.strictObject({}).default({}),
  run(ctx) {
    // Kept as papers change (store/library-counts.ts), as stats.get's.
    return ctx.store.counts.tags();
  },
});
