import { z } from 'zod';
import { defineCommand } from '../command';
import { normaliseTags } from '../paper';
import { CommandError } from '../result';
import { squashSpace } from '../text';
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

const tagKey = (tag: string) => squashSpace(tag).toLowerCase();

export const tagsRename = defineCommand({
  kind: 'mutation',
  summary: 'Rename a tag on every paper that has it (tags compare in any case); a name another tag has merges the two.',
  input: z.strictObject({ from: Bounded.tag, to: Bounded.tag }),
  run(ctx, { from, to }) {
    const key = tagKey(from);
    const tagged = [...ctx.store.all()].filter((paper) => paper.tags.some((tag) => tagKey(tag) === key));
    if (tagged.length === 0) throw new CommandError('NOT_FOUND', `No paper is tagged “${squashSpace(from)}”.`);
    // Into another tag: its spelling as the library has it (its commonest), so the two are one tag in the
    // sidebar after. The same tag respelled ("gnn" to "GNN"): as typed.
    const into =
      tagKey(to) === key
        ? undefined
        : ctx.store.counts
            .tags()
            .filter((t) => tagKey(t.tag) === tagKey(to))
            .reduce<{ tag: string; count: number } | undefined>((a, b) => (a && a.count >= b.count ? a : b), undefined);
    const tag = into?.tag ?? squashSpace(to);
    const now = ctx.now().toISOString();
    // The tags the papers it changed had, grouped as tags.set answers them, for an undo (mode 'replace').
    const before = new Map<string, { ids: string[]; tags: string[] }>();
    const changed: string[] = [];
    for (const paper of tagged) {
      const next = normaliseTags(paper.tags.map((t) => (tagKey(t) === key ? tag : t)));
      if (sameTags(next, paper.tags)) continue;
      const group = before.get(paper.tags.join('\n')) ?? { ids: [], tags: paper.tags };
      before.set(paper.tags.join('\n'), group);
      group.ids.push(paper.id);
      changed.push(paper.id);
      ctx.store.replace({ ...paper, tags: next, updatedAt: now });
    }
    // One change event for them all: one write, and each paper's tags recorded for sync as tags.set's are.
    ctx.changed(changed);
    return { updated: changed.length, tag, merged: into !== undefined, before: [...before.values()] };
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
