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
    // The tags the papers it changed had, a group of papers for each set of tags, so a window can undo the change
    // (tags.set with mode 'replace', a group at a time): a bulk tag of 40,000 untagged papers answers one group.
    const before = new Map<string, { ids: string[]; tags: string[] }>();
    for (const paper of papers) {
      const next =
        mode === 'replace'
          ? normaliseTags(tags)
          : mode === 'add'
            ? normaliseTags([...paper.tags, ...tags])
            : paper.tags.filter((t) => !dropping.has(t.toLowerCase()));
      if (!sameTags(next, paper.tags)) {
        const key = paper.tags.join('\n');
        const group = before.get(key) ?? { ids: [], tags: paper.tags };
        before.set(key, group);
        group.ids.push(paper.id);
      }
      ctx.store.replace({ ...paper, tags: next, updatedAt: now });
    }
    ctx.changed(ids);
    return { updated: papers.length, before: [...before.values()] };
  },
});

const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

export const tagsList = defineCommand({
  kind: 'query',
  summary: 'Every tag with the number of papers that carry it.',
  input: z.strictObject({}).default({}),
  run(ctx) {
    // Kept as papers change (store/library-counts.ts), as stats.get's.
    return ctx.store.counts.tags();
  },
});
