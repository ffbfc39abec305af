import { z } from 'zod';
import { defineCommand } from '../command';
import type { Paper } from '../schema';
import { isTimeZone, readingStats } from '../insight/reading-stats';

/** The longest reading history stats.get gives week by week: ten years. */
export const MAX_WEEKS = 520;

export const statsGet = defineCommand({
  kind: 'query',
  summary: 'Counts by status, with notes, highlights, tags and sources; with `reading`, reading habits by week.',
  input: z
    .strictObject({
      /** Add reading habits: per week read and added, queue size and age, time to read, streaks. */
      reading: z.boolean().optional(),
      /** The IANA time zone whose days and weeks count (default: this machine's). */
      timeZone: z
        .string()
        .max(64)
        .refine(isTimeZone, { message: 'Not a time zone this system knows (use an IANA name like Europe/Paris).' })
        .optional(),
      /** How many weeks back, this one included; `all`: from the week of the oldest paper (at most MAX_WEEKS). */
      weeks: z.union([z.number().int().min(1).max(MAX_WEEKS), z.literal('all')]).optional(),
    })
    .default({}),
  run(ctx, input) {
    // Kept as papers change (store/library-counts.ts): a page asks for these after every change.
    const { counts } = ctx.store;
    const byStatus = counts.byStatus;
    return {
      total: ctx.store.size,
      unread: byStatus.inbox + byStatus.queued,
      byStatus,
      notes: counts.withNotes,
      annotations: counts.highlights,
      tags: counts.tags(),
      sources: counts.sources(),
      ...(input.reading && {
        reading: readingStats(
          ctx.store.all(),
          ctx.now(),
          input.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
          input.weeks === 'all' ? weeksSinceOldest(ctx.store.all(), ctx.now()) : input.weeks,
        ),
      }),
    };
  },
});

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The weeks from the oldest paper's to this one (one more for the week boundaries between), at most MAX_WEEKS. */
function weeksSinceOldest(papers: Iterable<Paper>, now: Date): number {
  let oldest = now.getTime();
  for (const paper of papers) {
    const at = Date.parse(paper.createdAt);
    if (at < oldest) oldest = at;
  }
  return Math.min(MAX_WEEKS, Math.max(1, Math.ceil((now.getTime() - oldest) / WEEK_MS) + 1));
}
