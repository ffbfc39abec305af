import { describe, expect, it } from 'vitest';
import { readingStats } from '../../electron/core/insight/reading-stats';
import type { Paper, Status } from '../../electron/core/schema';
import { openTempStore, run } from './helpers';

function paper(id: string, history: [Status, string][], tags: string[] = []): Paper {
  const [, createdAt] = history[0]!;
  return {
    id,
    title: `Paper ${id}`,
    authors: [],
    abstract: '',
    links: [],
    source: { format: 'digest', name: 'Mar 13', importedAt: createdAt },
    status: history.at(-1)![0],
    rank: 1,
    history: history.map(([status, at]) => ({ status, at })),
    tags,
    note: '',
    annotations: [],
    createdAt,
    updatedAt: history.at(-1)![1],
  };
}

// New York moved to daylight time on Sunday 8 March 2026; "now" is Thursday 12 March.
const NOW = new Date('2026-03-12T15:00:00Z');
const LIBRARY = [
  // Queued in week 0, read on Sunday 1 March at 22:30 in New York (already Monday 2 March in UTC).
  paper(
    'a',
    [
      ['inbox', '2026-02-17T12:00:00Z'],
      ['queued', '2026-02-18T12:00:00Z'],
      ['read', '2026-03-02T03:30:00Z'],
    ],
    ['privacy'],
  ),
  // Added at 00:30 on Monday 9 March in New York (daylight time); in a fixed UTC-5 zone still Sunday.
  paper(
    'b',
    [
      ['inbox', '2026-03-09T04:30:00Z'],
      ['queued', '2026-03-09T05:00:00Z'],
    ],
    ['privacy'],
  ),
  // In the queue since before the period; dismissed in week 1.
  paper('c', [
    ['inbox', '2026-01-05T12:00:00Z'],
    ['queued', '2026-01-06T12:00:00Z'],
    ['dismissed', '2026-02-25T12:00:00Z'],
  ]),
  // Read on Tuesday and Wednesday: a two-day streak still alive on Thursday.
  paper('d', [
    ['inbox', '2026-03-10T13:00:00Z'],
    ['read', '2026-03-10T14:00:00Z'],
  ]),
  paper('e', [
    ['inbox', '2026-03-11T13:00:00Z'],
    ['read', '2026-03-11T14:00:00Z'],
  ]),
];

describe('reading stats', () => {
  it('counts by the reader’s days and weeks, across the change to daylight time', () => {
    const stats = readingStats(LIBRARY, NOW, 'America/New_York', 4);
    expect(stats.weeks).toEqual([
      { start: '2026-02-16', added: 1, read: 0, queue: 2, pages: 0 },
      { start: '2026-02-23', added: 0, read: 1, queue: 0, pages: 0 },
      { start: '2026-03-02', added: 0, read: 0, queue: 0, pages: 0 },
      { start: '2026-03-09', added: 3, read: 2, queue: 1, pages: 0 },
    ]);
    expect(stats.readThisWeek).toBe(2);
    expect(stats.readInPeriod).toBe(3);
    expect(stats.addedInPeriod).toBe(4);
    // a: queued 18 Feb 12:00 to 2 Mar 03:30 UTC, 11.6 days.
    expect(stats.medianDaysToRead).toBe(11);
    expect(stats.streak).toEqual({ current: 2, longest: 2 });
    expect(stats.queueAge).toEqual([
      { label: 'under a week', count: 1 },
      { label: '1–2 weeks', count: 0 },
      { label: '2–4 weeks', count: 0 },
      { label: '1–3 months', count: 0 },
      { label: '3–6 months', count: 0 },
      { label: 'over 6 months', count: 0 },
    ]);
    expect(stats.byTag).toEqual([{ name: 'privacy', read: 1, total: 2 }]);
    expect(stats.bySource).toEqual([{ name: 'Mar 13', read: 3, total: 5 }]);
  });

  it('puts the same instants in other weeks in other time zones', () => {
    const fixed = readingStats(LIBRARY, NOW, 'Etc/GMT+5', 4);
    // UTC-5 all year: b was added on Sunday 8 March, in week 2.
    expect(fixed.weeks.map((w) => w.added)).toEqual([1, 0, 1, 2]);
    const utc = readingStats(LIBRARY, NOW, 'UTC', 4);
    // In UTC, a was read on Monday 2 March, in week 2.
    expect(utc.weeks.map((w) => w.read)).toEqual([0, 0, 1, 2]);
  });

  it('has no streak after a day without reading, and no median without a queued paper read', () => {
    const later = readingStats(LIBRARY.slice(3), new Date('2026-03-14T15:00:00Z'), 'UTC', 2);
    expect(later.streak).toEqual({ current: 0, longest: 2 });
    expect(later.medianDaysToRead).toBeNull();
  });

  it('does not count a read taken back within ten minutes (an undo), and counts one taken back later', () => {
    const slip = paper('slip', [
      ['inbox', '2026-03-11T13:00:00Z'],
      ['read', '2026-03-11T13:05:00Z'],
      ['inbox', '2026-03-11T13:05:20Z'],
    ]);
    // Read, then on to reading a minute later (not back where it was): counted.
    const onward = paper('onward', [
      ['inbox', '2026-03-11T13:00:00Z'],
      ['read', '2026-03-11T13:05:00Z'],
      ['reading', '2026-03-11T13:06:00Z'],
    ]);
    // Read, and set back to the inbox hours later: counted.
    const later = paper('later', [
      ['inbox', '2026-03-11T13:00:00Z'],
      ['read', '2026-03-11T13:05:00Z'],
      ['inbox', '2026-03-11T18:00:00Z'],
    ]);
    expect(readingStats([slip], NOW, 'UTC', 2)).toMatchObject({ readThisWeek: 0, streak: { longest: 0 } });
    expect(readingStats([slip], NOW, 'UTC', 2).bySource).toEqual([{ name: 'Mar 13', read: 0, total: 1 }]);
    expect(readingStats([onward], NOW, 'UTC', 2).readThisWeek).toBe(1);
    expect(readingStats([later], NOW, 'UTC', 2).readThisWeek).toBe(1);
    // A queued paper marked read by a slip and put back: it has waited since it was first queued.
    const waited = paper('waited', [
      ['inbox', '2026-01-05T12:00:00Z'],
      ['queued', '2026-01-06T12:00:00Z'],
      ['read', '2026-03-11T13:05:00Z'],
      ['queued', '2026-03-11T13:05:30Z'],
    ]);
    expect(readingStats([waited], NOW, 'UTC', 2).queueAge.find((a) => a.count > 0)?.label).toBe('1–3 months');
  });

  it('an undo through the commands leaves the read out of stats.get', async () => {
    const store = await openTempStore();
    const { id } = await run(store, 'papers.add', { title: 'Marked read by mistake' });
    await run(store, 'papers.setStatus', { ids: [id], status: 'read' });
    await run(store, 'papers.setStatus', { ids: [id], status: 'inbox' });
    const stats = await run(store, 'stats.get', { reading: true, timeZone: 'UTC', weeks: 2 });
    expect(stats.reading?.readThisWeek).toBe(0);
  });

  it('is served by stats.get with reading: true, and refuses an unknown time zone', async () => {
    const store = await openTempStore();
    await run(store, 'papers.add', { title: 'A paper read this week', status: 'read' });
    const stats = await run(store, 'stats.get', { reading: true, timeZone: 'Europe/Paris', weeks: 8 });
    expect(stats.reading?.weeks).toHaveLength(8);
    expect(stats.reading?.readThisWeek).toBe(1);
    expect((await run(store, 'stats.get', {})).reading).toBeUndefined();
    await expect(run(store, 'stats.get', { reading: true, timeZone: 'Mars/Olympus' })).rejects.toThrow(
      /timeZone: Not a time zone this system knows/,
    );
  });
});
