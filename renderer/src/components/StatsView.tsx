import { useEffect, useState, type ReactNode } from 'react';
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
import type { ReadingStats } from '../store/insight-slice';

/** The theme's colours, read from the CSS variables (so the charts follow light and dark mode). */
function useThemeColors() {
  const read = () => {
    const style = getComputedStyle(document.documentElement);
    const get = (name: string) => style.getPropertyValue(name).trim();
    return {
      accent: get('--accent'),
      second: get('--chart-2'),
      muted: get('--muted'),
      border: get('--border'),
      panel: get('--panel'),
      text: get('--text'),
    };
  };
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(read());
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, []);
  return colors;
}

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const weekLabel = (start: string) => shortDate.format(new Date(`${start}T12:00:00`));

/** A chart with a caption that says what it shows in words, and the numbers as a table on request. */
function Figure({
  title,
  summary,
  table,
  children,
}: {
  title: string;
  summary: string;
  table: { head: string[]; rows: (string | number)[][] };
  children: ReactNode;
}) {
  return (
    <figure className="stats-figure">
      <figcaption>
        <h3>{title}</h3>
        <p className="muted">{summary}</p>
      </figcaption>
      <div className="stats-chart" aria-hidden="true">
        {children}
      </div>
      <details className="stats-table">
        <summary>Show as a table</summary>
        <table>
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>{row.map((cell, j) => (j === 0 ? <th key={j}>{cell}</th> : <td key={j}>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

/** Reading habits: inflow against outflow, the queue over time, how long papers wait, streaks. */
export function StatsView() {
  const reading = useApp((s) => s.reading);
  const total = useApp((s) => s.stats?.total);
  const loadReading = useApp((s) => s.loadReading);
  const stats = useApp((s) => s.stats);
  // Reload whenever the library changes (the sidebar's counts are refreshed on every change).
  useEffect(() => {
    void loadReading();
  }, [stats, loadReading]);

  if (!reading) return <div className="stats-view muted">Loading…</div>;
  return (
    <div className="stats-view">
      <header className="stats-head">
        <h2>Reading stats</h2>
        <p className="muted">
          The last {reading.weeks.length} weeks, by your calendar ({reading.timeZone}).
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
  // From the first week with anything in it (at least the last 8): a new reader sees their weeks, not a year of zeros.
  const first = reading.weeks.findIndex((w) => w.added || w.read || w.queue);
  const from = Math.max(0, Math.min(first === -1 ? Infinity : first, reading.weeks.length - 8));
  const weeks = reading.weeks.slice(from).map((w) => ({ ...w, label: weekLabel(w.start) }));
  const recent = weeks.slice(-12);
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
  const queuePeak = Math.max(...weeks.map((w) => w.queue));
  const waiting = reading.queueAge.reduce((sum, a) => sum + a.count, 0);
  const oldest = [...reading.queueAge].reverse().find((a) => a.count > 0);
  return (
    <div className="stats-grid">
      <Figure
        title="In and out"
        summary={`In the last 12 weeks you added ${plural(
          recent.reduce((s, w) => s + w.added, 0),
          'paper',
        )} and read ${plural(
          recent.reduce((s, w) => s + w.read, 0),
          'paper',
        )}.`}
        table={{ head: ['Week of', 'Added', 'Read'], rows: weeks.map((w) => [w.start, w.added, w.read]) }}
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={1}>
            <CartesianGrid vertical={false} stroke={colors.border} />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
            <YAxis {...axis} allowDecimals={false} />
            <Tooltip {...tooltip} />
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
          <AreaChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke={colors.border} />
            <XAxis dataKey="label" {...axis} interval="preserveStartEnd" minTickGap={24} />
            <YAxis {...axis} allowDecimals={false} />
            <Tooltip {...tooltip} />
            <Area
              type="monotone"
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
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={reading.queueAge} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke={colors.border} />
            <XAxis dataKey="label" {...axis} interval={0} />
            <YAxis {...axis} allowDecimals={false} />
            <Tooltip {...tooltip} />
            <Bar dataKey="count" name="Papers" fill={colors.accent} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Figure>
      <Breakdown title="By tag" rows={reading.byTag} colors={colors} tooltip={tooltip} empty="No tags yet." />
      <Breakdown title="By source" rows={reading.bySource} colors={colors} tooltip={tooltip} empty="No sources yet." />
    </div>
  );
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
  const best = rows[0];
  return (
    <Figure
      title={title}
      summary={best ? `Most read: ${best.name} (${best.read} of ${best.total}).` : empty}
      table={{ head: [title.replace('By ', ''), 'Read', 'All'], rows: rows.map((r) => [r.name, r.read, r.total]) }}
    >
      {data.length > 0 && (
        <ResponsiveContainer width="100%" height={Math.max(120, data.length * 30 + 40)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 8 }}>
            <XAxis
              type="number"
              stroke={colors.muted}
              tick={{ fill: colors.muted, fontSize: 12 }}
              allowDecimals={false}
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
            <Bar dataKey="read" name="Read" stackId="a" fill={colors.accent} isAnimationActive={false} />
            <Bar dataKey="unread" name="Not read" stackId="a" fill={colors.second} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Figure>
  );
}
