import { useEffect } from 'react';
import { useApp } from '../store';
import { READING_PERIODS, type ReadingPeriod, type ReadingStats } from '../store/insight-slice';
import { Charts } from './stats-charts';
import { plural } from './stats-figure';

/** Reading habits: inflow against outflow, the queue over time, how long papers wait, streaks. */
export function StatsView() {
  const reading = useApp((s) => s.reading);
  const total = useApp((s) => s.stats?.total);
  const loadReading = useApp((s) => s.loadReading);
  const period = useApp((s) => s.readingPeriod);
  const setPeriod = useApp((s) => s.setReadingPeriod);
  const stats = useApp((s) => s.stats);
  // Reload whenever the library changes (the sidebar's counts change with it: a status change made here moves
  // them at once, and the library's counts follow).
  useEffect(() => {
    void loadReading();
  }, [stats, loadReading]);

  if (!reading) return <div className="stats-view muted">Loading…</div>;
  return (
    <div className="stats-view">
      <header className="stats-head">
        <div className="stats-title">
          <h1>Reading stats</h1>
          <label className="stats-period">
            Period{' '}
            <select
              value={String(period)}
              onChange={(event) => {
                const value = event.target.value;
                setPeriod((value === 'all' ? 'all' : Number(value)) as ReadingPeriod);
              }}
            >
              {READING_PERIODS.map((choice) => (
                <option key={choice.weeks} value={String(choice.weeks)}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted">
          {period === 'all' ? 'All time: the' : 'The'} last {reading.weeks.length} weeks, by your calendar (
          {reading.timeZone}).
        </p>
      </header>
      <KeyFigures reading={reading} />
      {total === 0 ? (
        <div className="empty stats-empty">
          <p className="empty-title">No papers yet</p>
          <p className="muted">Import a digest or a bibliography; what you read shows here, week by week.</p>
        </div>
      ) : (
        <Charts reading={reading} />
      )}
    </div>
  );
}

function KeyFigures({ reading }: { reading: ReadingStats }) {
  const figures: [string, string, string?][] = [
    ['Read this week', reading.readThisWeek.toLocaleString()],
    [
      'PDF pages this week',
      reading.pagesThisWeek.toLocaleString(),
      `pages read in the app's reader; ${reading.pagesInPeriod.toLocaleString()} in ${reading.weeks.length} weeks`,
    ],
    [`Read in ${reading.weeks.length} weeks`, reading.readInPeriod.toLocaleString()],
    [`Added in ${reading.weeks.length} weeks`, reading.addedInPeriod.toLocaleString()],
    [
      'Queued to read',
      reading.medianDaysToRead === null ? '–' : plural(reading.medianDaysToRead, 'day'),
      'median time from queueing a paper to reading it',
    ],
    ['Reading streak', plural(reading.streak.current, 'day'), `longest: ${plural(reading.streak.longest, 'day')}`],
  ];
  return (
    <dl className="stats-figures">
      {figures.map(([label, value, hint]) => (
        <div key={label} className="stats-figure-card" title={hint}>
          <dt>{label}</dt>
          <dd>{value}</dd>
          {hint && <dd className="muted small">{hint}</dd>}
        </div>
      ))}
    </dl>
  );
}
