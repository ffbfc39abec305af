import type { Paper } from '../schema';

/** Reading habits from the status history, in the reader's time zone (weeks start on Monday). */
export type ReadingStats = {
  timeZone: string;
  /** Oldest first, the current week last: papers read and added, and the queue's size at the week's end. */
  weeks: { start: string; read: number; added: number; queue: number; pages: number }[];
  /** How long the papers now in the queue have waited. */
  queueAge: { label: string; count: number }[];
  /** Median whole days from queued to read, over papers read in the period; null with none. */
  medianDaysToRead: number | null;
  /** Days in a row with at least one paper read: the run ending today (or yesterday), and the longest. */
  streak: { current: number; longest: number };
  readThisWeek: number;
  readInPeriod: number;
  /** PDF pages read (shown in the reader for the first time), this week and in the period. */
  pagesThisWeek: number;
  pagesInPeriod: number;
  addedInPeriod: number;
  byTag: { name: string; read: number; total: number }[];
  bySource: { name: string; read: number; total: number }[];
};

const DAY_MS = 86_400_000;
/**
 * A status taken back within this long (an undo, or a key pressed by mistake and put right) is no change in
 * the stats: a paper marked read by a slip and set back is not counted read.
 */
const SLIP_MS = 10 * 60_000;
const AGE_BUCKETS: [string, number][] = [
  ['under a week', 7],
  ['1–2 weeks', 14],
  ['2–4 weeks', 28],
  ['1–3 months', 91],
  ['3–6 months', 182],
  ['over 6 months', Infinity],
];

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The civil day of an instant in a time zone, as a day number (days since 1970-01-01 of that calendar
 * date). Days, not instants, so weeks and streaks are right across daylight-saving changes. Instants
 * are cached by quarter hour, the finest step any zone's offset takes.
 */
function dayNumbers(timeZone: string): (iso: string) => number {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const cache = new Map<number, number>();
  return (iso) => {
    const ms = Date.parse(iso);
    const quarter = Math.floor(ms / 900_000);
    let day = cache.get(quarter);
    if (day === undefined) {
      const parts = format.formatToParts(ms);
      const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
      day = Math.round(Date.UTC(get('year'), get('month') - 1, get('day')) / DAY_MS);
      cache.set(quarter, day);
    }
    return day;
  };
}

/** Monday on or before a day number (1970-01-01 was a Thursday). */
const mondayOf = (day: number) => day - ((day + 3) % 7);
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function readingStats(papers: Iterable<Paper>, now: Date, timeZone: string, weekCount = 52): ReadingStats {
  const dayOf = dayNumbers(timeZone);
  const today = dayOf(now.toISOString());
  const firstWeek = mondayOf(today) - (weekCount - 1) * 7;
  const weekIndex = (day: number) => Math.floor((day - firstWeek) / 7);
  const read = new Array<number>(weekCount).fill(0);
  const added = new Array<number>(weekCount).fill(0);
  const pages = new Array<number>(weekCount).fill(0);
  // Queue size: +1 where a stay in the queue starts, -1 where it ends, summed up to each week's end.
  const queueDelta = new Array<number>(weekCount + 1).fill(0);
  const readDays = new Set<number>();
  const waits: number[] = [];
  const ages = AGE_BUCKETS.map(([label]) => ({ label, count: 0 }));
  const tags = new Map<string, { read: number; total: number }>();
  const sources = new Map<string, { read: number; total: number }>();

  for (const paper of papers) {
    const addedWeek = weekIndex(dayOf(paper.createdAt));
    if (addedWeek >= 0 && addedWeek < weekCount) added[addedWeek]!++;
    let queuedAt: string | undefined;
    let everRead = false;
    const weeksRead = new Set<number>();
    for (let i = 0; i < paper.history.length; i++) {
      const entry = paper.history[i]!;
      const next = paper.history[i + 1];
      if (entry.status === 'queued') {
        // Back in the queue after a slip taken back: the paper has waited since it was first queued.
        if (!(i > 0 && takenBack(paper.history, i - 1) && queuedAt)) queuedAt = entry.at;
        const from = weekIndex(dayOf(entry.at));
        const to = next ? weekIndex(dayOf(next.at)) : weekCount;
        // The stay counts at the end of every week from the one it started in to before the one it ended in.
        const start = Math.max(from, 0);
        if (to > start && start < weekCount) {
          queueDelta[start]!++;
          if (to < weekCount) queueDelta[to]!--;
        }
      }
      if (entry.status === 'read' && paper.history[i - 1]?.status !== 'read' && !takenBack(paper.history, i)) {
        everRead = true;
        const day = dayOf(entry.at);
        readDays.add(day);
        const week = weekIndex(day);
        if (week >= 0 && week < weekCount && !weeksRead.has(week)) {
          weeksRead.add(week);
          read[week]!++;
          if (queuedAt) waits.push(Math.floor((Date.parse(entry.at) - Date.parse(queuedAt)) / DAY_MS));
        }
        queuedAt = undefined;
      }
    }
    if (paper.status === 'queued' && queuedAt) {
      const days = (now.getTime() - Date.parse(queuedAt)) / DAY_MS;
      ages[AGE_BUCKETS.findIndex(([, limit]) => days < limit)]!.count++;
    }
    // Pages are counted on the reader's own calendar day, as the reader recorded it.
    for (const entry of paper.progress?.days ?? []) {
      const week = weekIndex(Math.round(Date.parse(`${entry.day}T00:00:00Z`) / DAY_MS));
      if (week >= 0 && week < weekCount) pages[week]! += entry.pages;
    }
    const isRead = everRead || paper.status === 'read';
    for (const tag of paper.tags) tally(tags, tag, isRead);
    tally(sources, paper.source.name, isRead);
  }

  let queue = 0;
  const weeks = read.map((count, i) => {
    queue += queueDelta[i]!;
    return { start: isoDay(firstWeek + i * 7), read: count, added: added[i]!, queue, pages: pages[i]! };
  });
  waits.sort((a, b) => a - b);
  const median =
    waits.length === 0
      ? null
      : waits.length % 2
        ? waits[(waits.length - 1) / 2]!
        : (waits[waits.length / 2 - 1]! + waits[waits.length / 2]!) / 2;
  return {
    timeZone,
    weeks,
    queueAge: ages,
    medianDaysToRead: median,
    streak: streaks(readDays, today),
    readThisWeek: read[weekCount - 1]!,
    readInPeriod: read.reduce((a, b) => a + b, 0),
    pagesThisWeek: pages[weekCount - 1]!,
    pagesInPeriod: pages.reduce((a, b) => a + b, 0),
    addedInPeriod: added.reduce((a, b) => a + b, 0),
    byTag: top(tags),
    bySource: top(sources),
  };
}

/** Whether the status change at `i` was taken back within SLIP_MS: the next change returns to the status before it. */
function takenBack(history: Paper['history'], i: number): boolean {
  const before = history[i - 1];
  const next = history[i + 1];
  if (!before || !next || next.status !== before.status) return false;
  return Date.parse(next.at) - Date.parse(history[i]!.at) <= SLIP_MS;
}

function tally(map: Map<string, { read: number; total: number }>, name: string, isRead: boolean): void {
  const entry = map.get(name) ?? { read: 0, total: 0 };
  entry.total++;
  if (isRead) entry.read++;
  map.set(name, entry);
}

function top(map: Map<string, { read: number; total: number }>): { name: string; read: number; total: number }[] {
  return [...map]
    .map(([name, counts]) => ({ name, ...counts }))
    .sort((a, b) => b.read - a.read || b.total - a.total || a.name.localeCompare(b.name))
    .slice(0, 12);
}

function streaks(days: Set<number>, today: number): { current: number; longest: number } {
  let longest = 0;
  for (const day of days) {
    if (days.has(day - 1)) continue;
    let length = 1;
    while (days.has(day + length)) length++;
    longest = Math.max(longest, length);
  }
  // A streak is still alive today if yesterday had a read and today has none yet.
  let end = days.has(today) ? today : days.has(today - 1) ? today - 1 : undefined;
  let current = 0;
  while (end !== undefined && days.has(end)) {
    current++;
    end--;
  }
  return { current, longest };
}
