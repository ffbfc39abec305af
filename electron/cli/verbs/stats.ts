import { MAX_WEEKS } from '../../core/commands/stats';
import { STATUSES } from '../../core/schema';
import { plural } from '../format';
import { CliError, jsonOption, stringOption, type Verb } from '../verb';

/** The weeks shown without --weeks: as many as the app's reading stats show ("The last 12 weeks"). */
const READING_WEEKS = 12;

export const statsVerb: Verb = {
  name: 'stats',
  usage: 'stats [--weeks N] [--tz ZONE] [--json]',
  summary:
    `Counts by status and sources, and reading habits in each of the last N weeks (default ${READING_WEEKS}, as the ` +
    'app shows them), in ZONE (default this machine).',
  options: { ...jsonOption, weeks: { type: 'string' }, tz: { type: 'string' } },
  async run(ctx, { values }) {
    const weeksText = stringOption(values, 'weeks');
    const weeks = weeksText === undefined ? READING_WEEKS : Number(weeksText);
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) {
      throw new CliError(`--weeks takes a whole number of weeks from 1 to ${MAX_WEEKS}, not "${weeksText}".`, 2);
    }
    const stats = await ctx.call('stats.get', { reading: true, weeks, timeZone: stringOption(values, 'tz') });
    if (values.json) {
      ctx.out(JSON.stringify(stats, null, 2));
      return;
    }
    const rows: [string, number][] = [
      ...STATUSES.map((s): [string, number] => [s, stats.byStatus[s]]),
      ['total', stats.total],
      ['unread', stats.unread],
      ['with notes', stats.notes],
      ['highlights', stats.annotations],
    ];
    const width = Math.max(...rows.map(([, n]) => String(n).length));
    for (const [label, n] of rows) ctx.out(`${label.padEnd(12)}${String(n).padStart(width)}`);
    if (stats.sources.length) {
      ctx.out('\nSources');
      for (const s of stats.sources) ctx.out(`  ${String(s.count).padStart(width)}  ${s.name} (${s.format})`);
    }
    const reading = stats.reading;
    if (!reading) return;
    ctx.out(`\nReading, the last ${plural(reading.weeks.length, 'week')} (${reading.timeZone})`);
    ctx.out(`  read ${reading.readInPeriod}, added ${reading.addedInPeriod}, read this week ${reading.readThisWeek}`);
    ctx.out(`  PDF pages read ${reading.pagesInPeriod}, this week ${reading.pagesThisWeek}`);
    ctx.out(
      `  median days from queued to read: ${reading.medianDaysToRead ?? '–'}; ` +
        `streak ${reading.streak.current} day${reading.streak.current === 1 ? '' : 's'} ` +
        `(longest ${reading.streak.longest})`,
    );
    ctx.out('\n  week of      read  added  queue  pages');
    // Every week the heading counts, no fewer: the figures above are for the same weeks.
    for (const week of reading.weeks) {
      ctx.out(
        `  ${week.start}  ${String(week.read).padStart(4)}  ${String(week.added).padStart(5)}  ${String(week.queue).padStart(5)}  ${String(week.pages).padStart(5)}`,
      );
    }
    if (reading.queueAge.some((a) => a.count)) {
      ctx.out('\n  waiting in the queue');
      for (const age of reading.queueAge) ctx.out(`  ${age.label.padEnd(14)}${String(age.count).padStart(6)}`);
    }
  },
};
