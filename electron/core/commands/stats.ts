import { z } from 'zod';
import { defineCommand } from '../command';
import { isTimeZone, readingStats } from '../insight/reading-stats';
import { STATUSES, type Status } from '../schema';

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
      weeks: z.number().int().min(1).max(520).optional(),
    })
    .default({}),
  run(ctx, input) {
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    const sources = new Map<string, { name: string; format: string; count: number; importedAt: string }>();
    const tags = new Map<string, number>();
    let notes = 0;
    let annotations = 0;
    for (const paper of ctx.store.all()) {
      byStatus[paper.status]++;
      if (paper.note.trim()) notes++;
      annotations += paper.annotations.length;
      for (const tag of paper.tags) tags.set(tag, (tags.get(tag) ?? 0) + 1);
      const source = sources.get(paper.source.name);
      if (source) source.count++;
      else sources.set(paper.source.name, { ...paper.source, count: 1 });
    }
    return {
      total: ctx.store.size,
      unread: byStatus.inbox + byStatus.queued,
      byStatus,
      notes,
      annotations,
      tags: [...tags].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag)),
      sources: [...sources.values()]
        .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
        .map(({ name, format, count, importedAt }) => ({ name, format, count, importedAt })),
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
