import { useEffect } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useApp } from '../store';
import { READING_PERIODS, type ReadingPeriod, type ReadingStats } from '../store/insight-slice';
import { Figure, countAxis, countTicks, useThemeColors } from './stats-figure';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const weekLabel = (start: string) => shortDate.format(new Date(`${start}T12:00:00`));
/** A period past half a year labels its axis by month and year ("Mar 2026"): a day says little there. */
const axisLabel = (count: number) =>
  count > 26 ? (start: string) => monthYear.format(new Date(`${start}T12:00:00`)) : weekLabel;

/**
 * The weeks to label (their indices): about eight at most, every other week for 12, counted back from this one
 * so the labels sit evenly.
 */
const labelledWeeks = (count: number) => {
  const step = Math.max(2, Math.ceil(count / 8));
  return Array.from({ length: count }, (_, i) => i).filter((i) => (count - 1 - i) % step === 0);
};

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

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

function Charts({ reading }: { reading: ReadingStats }) {
  const colors = useThemeColors();
  // The weeks the stats command was asked for, all of them: the subtitle and the key figures count the same.
  const weeks = reading.weeks;
  const starts = weeks.map((w) => w.start);
  const tooltip = {
    contentStyle: {
      background: colors.panel,
      border: `1px solid ${colors.border}`,
      borderRadius: 8,
      color: colors.text,
    },
    labelStyle: { color: colors.text, fontWeight: 600 },
    cursor: { fill: colors.border, fillOpacity: 0.4 },
  };
  const axis = { stroke: colors.muted, tick: { fill: colors.muted, fontSize: 12 }, tickLine: false };
  const queueNow = weeks.at(-1)?.queue ?? 0;
  const labelled = labelledWeeks(weeks.length);
  const weekAxis = {
    ...axis,
    dataKey: 'start',
    ticks: labelled.map((i) => starts[i]!),
    interval: 0 as const,
    tickFormatter: axisLabel(weeks.length),
  };
  const weekTooltip = { ...tooltip, labelFormatter: (start: unknown) => `Week of ${weekLabel(String(start))}` };
  // The queue's size holds through each week, from x = i to i + 1, labelled at the middle like the bars beside it.
  // A last point at the end of this week gives the current week its step too (it would be a bare edge otherwise).
  const queueSteps = [...weeks.map((w, i) => ({ x: i, queue: w.queue })), { x: weeks.length, queue: queueNow }];
  const weekAt = (x: unknown) => starts[Math.min(Math.floor(Number(x)), starts.length - 1)] ?? '';
  const queuePeak = Math.max(0, ...weeks.map((w) => w.queue));
  const waiting = reading.queueAge.reduce((sum, a) => sum + a.count, 0);
  const oldest = [...reading.queueAge].reverse().find((a) => a.count > 0);
  return (
    <div className="stats-grid">
      <Figure
        title="In and out"
        summary={`In the last ${weeks.length} weeks you added ${plural(reading.addedInPeriod, 'paper')} and read ${plural(
          reading.readInPeriod,
          'paper',
        )}.`}
        table={{ head: ['Week of', 'Added', 'Read'], rows: weeks.map((w) => [w.start, w.added, w.read]) }}
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart
            accessibilityLayer={false}
            data={weeks}
            margin={{ top: 8, right: 12, bottom: 0, left: -16 }}
            barGap={1}
            maxBarSize={16}
          >
            <CartesianGrid vertical={false} stroke={colors.border} />
            <XAxis {...weekAxis} />
            <YAxis {...axis} {...countAxis(countTicks(Math.max(0, ...weeks.map((w) => Math.max(w.added, w.read)))))} />
            <Tooltip {...weekTooltip} />
            <Legend wrapperStyle={{ color: colors.muted, fontSize: 12 }} />
            <Bar dataKey="added" name="Added" fill={colors.second} radius={[2, 2, 0, 0]} isAnimationActive={false} />
            <Bar dataKey="read" name="Read" fill={colors.accent} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Figure>
      <Figure
        title="The queue over time"
        summary={`${plural(queueNow, 'paper')} in the queue now; at most ${plural(queuePeak, 'paper')} at a week’s end.`}
        table={{ head: ['Week of', 'In the queue'], rows: weeks.map((w) => [w.start, w.queue]) }}
      >
        <ResponsiveContainer width="100%" height={220}>
          <AreaChart accessibilityLayer={false} data={queueSteps} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke={colors.border} />
            <XAxis
              {...axis}
              type="number"
              dataKey="x"
              domain={[0, weeks.length]}
              ticks={labelled.map((i) => i + 0.5)}
              interval={0}
              tickFormatter={(x: number) => weekLabel(weekAt(x))}
            />
            <YAxis {...axis} {...countAxis(countTicks(queuePeak))} />
            <Tooltip {...tooltip} labelFormatter={(x: unknown) => `Week of ${weekLabel(weekAt(x))}`} />
            {/* Counts are whole numbers: steps, never a curve between them. */}
            <Area
              type="stepAfter"
              dataKey="queue"
              name="In the queue"
              stroke={colors.accent}
              fill={colors.accent}
              fillOpacity={0.18}
              isAnimationActive={false}
            />
          </AreaChart>
        </ResponsiveContainer>
      </Figure>
      <Figure
        title="How long papers wait"
        summary={
          waiting
            ? `${plural(waiting, 'paper')} waiting in the queue; the oldest ${oldest ? oldest.label : ''}.`
            : 'Nothing is waiting in the queue.'
        }
        table={{ head: ['Waiting', 'Papers'], rows: reading.queueAge.map((a) => [a.label, a.count]) }}
      >
        {/* Bars across, so the spans read as words on the left instead of squeezing under narrow bars. */}
        <ResponsiveContainer width="100%" height={reading.queueAge.length * 28 + 36}>
          <BarChart
            accessibilityLayer={false}
            data={reading.queueAge}
            layout="vertical"
            margin={{ top: 4, right: 12, bottom: 0, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke={colors.border} />
            <XAxis
              type="number"
              {...axis}
              {...countAxis(countTicks(Math.max(0, ...reading.queueAge.map((a) => a.count))))}
            />
            <YAxis type="category" dataKey="label" width={104} {...axis} tick={{ fill: colors.text, fontSize: 12 }} />
            <Tooltip {...tooltip} />
            <Bar dataKey="count" name="Papers" fill={colors.accent} radius={[0, 2, 2, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Figure>
      <Breakdown title="By tag" rows={reading.byTag} colors={colors} tooltip={tooltip} empty="No tags yet." />
      <Breakdown title="By source" rows={reading.bySource} colors={colors} tooltip={tooltip} empty="No sources yet." />
    </div>
  );
}

/**
 * A breakdown's line in words: the tag or source read most (rows come most read first), "Nothing read yet."
 * while none of their papers is read, or `empty` without rows.
 */
export function breakdownSummary(rows: ReadingStats['byTag'], empty: string): string {
  const best = rows[0];
  if (!best) return empty;
  if (best.read === 0) return 'Nothing read yet.';
  return `Most read: ${best.name} (${best.read.toLocaleString()} of ${best.total.toLocaleString()}).`;
}

function Breakdown({
  title,
  rows,
  colors,
  tooltip,
  empty,
}: {
  title: string;
  rows: ReadingStats['byTag'];
  colors: ReturnType<typeof useThemeColors>;
  tooltip: object;
  empty: string;
}) {
  const data = rows.slice(0, 8).map((r) => ({ ...r, unread: r.total - r.read }));
  return (
    <Figure
      title={title}
      summary={breakdownSummary(rows, empty)}
      table={{ head: [title.replace('By ', ''), 'Read', 'All'], rows: rows.map((r) => [r.name, r.read, r.total]) }}
    >
      {data.length > 0 && (
        <ResponsiveContainer width="100%" height={Math.max(140, data.length * 30 + 64)}>
          <BarChart
            accessibilityLayer={false}
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 12, bottom: 0, left: 8 }}
            maxBarSize={20}
          >
            <XAxis
              type="number"
              stroke={colors.muted}
              tick={{ fill: colors.muted, fontSize: 12 }}
              {...countAxis(countTicks(Math.max(0, ...data.map((r) => r.total))))}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={120}
              stroke={colors.muted}
              tick={{ fill: colors.text, fontSize: 12 }}
              tickLine={false}
            />
            <Tooltip {...tooltip} />
            <Legend wrapperStyle={{ color: colors.muted, fontSize: 12 }} itemSorter="dataKey" />
            <Bar dataKey="read" name="Read" stackId="a" fill={colors.accent} isAnimationActive={false} />
            <Bar dataKey="unread" name="Not read" stackId="a" fill={colors.second} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Figure>
  );
}
