import { z } from 'zod';
import { defineCommand } from '../command';
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
      weeks: z.number().int().min(1).max(MAX_WEEKS).optional(),
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
          input.weeks,
        ),
      }),
    };
  },
});
