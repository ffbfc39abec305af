import { memo, type ComponentType } from 'react';
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
import type { ReadingStats } from '../store/insight-slice';
import {
  Figure,
  axisOf,
  countAxis,
  countTicks,
  plural,
  tooltipOf,
  useOneAtATime,
  useThemeColors,
  type ThemeColors,
} from './stats-figure';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const weekLabel = (start: string) => shortDate.format(new Date(`${start}T12:00:00`));
/** A period past half a year labels its axis by month and year ("Mar 2026"): a day says little there. */
const axisLabel = (count: number) =>
  count > 26 ? (start: string) => monthYear.format(new Date(`${start}T12:00:00`)) : weekLabel;

/**
 * The weeks to label (their indices): about eight at most, every other week for 12, counted back from this one
 * so the labels sit evenly; five at most of the longer "Mar 2026", which would run into each other.
 */
const labelledWeeks = (count: number) => {
  const step = Math.max(2, Math.ceil(count / (count > 26 ? 5 : 8)));
  return Array.from({ length: count }, (_, i) => i).filter((i) => (count - 1 - i) % step === 0);
};

/** How high each chart is drawn (a figure still to be drawn keeps its room, so nothing below it jumps). */
const WEEK_CHART_HEIGHT = 220;
const ageChartHeight = (reading: ReadingStats) => reading.queueAge.length * 28 + 36;
const breakdownHeight = (rows: ReadingStats['byTag']) =>
  rows.length === 0 ? 0 : Math.max(140, Math.min(rows.length, 8) * 30 + 64);

type ChartProps = { reading: ReadingStats; colors: ThemeColors };

/**
 * The five charts, drawn one a task (useOneAtATime): recharts takes a few hundred milliseconds to draw them
 * all, and in one go the window froze meanwhile (seconds on a slow machine). A chart not drawn yet keeps its
 * title and its room.
 */
export function Charts({ reading }: { reading: ReadingStats }) {
  const colors = useThemeColors();
  const drawn = useOneAtATime(reading, 5);
  const figure = (index: number, title: string, height: number, Chart: ComponentType<ChartProps>) => {
    const shown = drawn[index];
    return shown ? <Chart reading={shown} colors={colors} /> : <PendingFigure title={title} height={height} />;
  };
  return (
    <div className="stats-grid">
      {figure(0, 'In and out', WEEK_CHART_HEIGHT, InAndOut)}
      {figure(1, 'The queue over time', WEEK_CHART_HEIGHT, QueueOverTime)}
      {figure(2, 'How long papers wait', ageChartHeight(reading), Waiting)}
      {figure(3, 'By tag', breakdownHeight(reading.byTag), ByTag)}
      {figure(4, 'By source', breakdownHeight(reading.bySource), BySource)}
    </div>
  );
}

/** A figure whose chart is still to come: its title, and the chart's room. */
function PendingFigure({ title, height }: { title: string; height: number }) {
  return (
    <figure className="stats-figure" aria-busy="true">
      <figcaption>
        <h2>{title}</h2>
        <p className="muted">Drawing…</p>
      </figcaption>
      <div className="stats-chart" style={{ height }} />
    </figure>
  );
}

/** The week axis's labels and ticks, and the week tooltip, shared by the charts by week. */
function weekScale(reading: ReadingStats) {
  const starts = reading.weeks.map((w) => w.start);
  return {
    starts,
    labelled: labelledWeeks(starts.length),
    /** The week that an x of the queue's chart falls in (x = i to i + 1 is week i). */
    weekAt: (x: unknown) => starts[Math.min(Math.floor(Number(x)), starts.length - 1)] ?? '',
  };
}

const InAndOut = memo(function InAndOut({ reading, colors }: ChartProps) {
  // The weeks the stats command was asked for, all of them: the subtitle and the key figures count the same.
  const weeks = reading.weeks;
  const { starts, labelled } = weekScale(reading);
  const axis = axisOf(colors);
  return (
    <Figure
      title="In and out"
      summary={`In the last ${weeks.length} weeks you added ${plural(reading.addedInPeriod, 'paper')} and read ${plural(
        reading.readInPeriod,
        'paper',
      )}.`}
      table={{ head: ['Week of', 'Added', 'Read'], rows: weeks.map((w) => [w.start, w.added, w.read]) }}
    >
      <ResponsiveContainer width="100%" height={WEEK_CHART_HEIGHT}>
        <BarChart
          accessibilityLayer={false}
          data={weeks}
          margin={{ top: 8, right: 12, bottom: 0, left: -16 }}
          barGap={1}
          maxBarSize={16}
        >
          <CartesianGrid vertical={false} stroke={colors.border} />
          <XAxis
            {...axis}
            dataKey="start"
            ticks={labelled.map((i) => starts[i]!)}
            interval={0}
            tickFormatter={axisLabel(weeks.length)}
          />
          <YAxis {...axis} {...countAxis(countTicks(Math.max(0, ...weeks.map((w) => Math.max(w.added, w.read)))))} />
          <Tooltip {...tooltipOf(colors)} labelFormatter={(start: unknown) => `Week of ${weekLabel(String(start))}`} />
          <Legend wrapperStyle={{ color: colors.muted, fontSize: 12 }} />
          <Bar dataKey="added" name="Added" fill={colors.second} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          <Bar dataKey="read" name="Read" fill={colors.accent} radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
});

const QueueOverTime = memo(function QueueOverTime({ reading, colors }: ChartProps) {
  const weeks = reading.weeks;
  const { labelled, weekAt } = weekScale(reading);
  const axis = axisOf(colors);
  const queueNow = weeks.at(-1)?.queue ?? 0;
  // The queue's size holds through each week, from x = i to i + 1, labelled at the middle like the bars beside it.
  // A last point at the end of this week gives the current week its step too (it would be a bare edge otherwise).
  const queueSteps = [...weeks.map((w, i) => ({ x: i, queue: w.queue })), { x: weeks.length, queue: queueNow }];
  const queuePeak = Math.max(0, ...weeks.map((w) => w.queue));
  return (
    <Figure
      title="The queue over time"
      summary={`${plural(queueNow, 'paper')} in the queue now; at most ${plural(queuePeak, 'paper')} at a week’s end.`}
      table={{ head: ['Week of', 'In the queue'], rows: weeks.map((w) => [w.start, w.queue]) }}
    >
      <ResponsiveContainer width="100%" height={WEEK_CHART_HEIGHT}>
        <AreaChart accessibilityLayer={false} data={queueSteps} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke={colors.border} />
          <XAxis
            {...axis}
            type="number"
            dataKey="x"
            domain={[0, weeks.length]}
            ticks={labelled.map((i) => i + 0.5)}
            interval={0}
            tickFormatter={(x: number) => axisLabel(weeks.length)(weekAt(x))}
          />
          <YAxis {...axis} {...countAxis(countTicks(queuePeak))} />
          <Tooltip {...tooltipOf(colors)} labelFormatter={(x: unknown) => `Week of ${weekLabel(weekAt(x))}`} />
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
  );
});

const Waiting = memo(function Waiting({ reading, colors }: ChartProps) {
  const axis = axisOf(colors);
  const waiting = reading.queueAge.reduce((sum, a) => sum + a.count, 0);
  const oldest = [...reading.queueAge].reverse().find((a) => a.count > 0);
  return (
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
      <ResponsiveContainer width="100%" height={ageChartHeight(reading)}>
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
          {/* Every span labelled (interval 0): each has its row, and recharts measures no label to drop one. */}
          <YAxis
            type="category"
            dataKey="label"
            width={104}
            interval={0}
            {...axis}
            tick={{ fill: colors.text, fontSize: 12 }}
          />
          <Tooltip {...tooltipOf(colors)} />
          <Bar dataKey="count" name="Papers" fill={colors.accent} radius={[0, 2, 2, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Figure>
  );
});

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

const ByTag = memo(function ByTag({ reading, colors }: ChartProps) {
  return <Breakdown title="By tag" rows={reading.byTag} colors={colors} empty="No tags yet." />;
});

const BySource = memo(function BySource({ reading, colors }: ChartProps) {
  return <Breakdown title="By source" rows={reading.bySource} colors={colors} empty="No sources yet." />;
});

function Breakdown({
  title,
  rows,
  colors,
  empty,
}: {
  title: string;
  rows: ReadingStats['byTag'];
  colors: ThemeColors;
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
        <ResponsiveContainer width="100%" height={breakdownHeight(rows)}>
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
              interval={0}
              stroke={colors.muted}
              tick={{ fill: colors.text, fontSize: 12 }}
              tickLine={false}
            />
            <Tooltip {...tooltipOf(colors)} />
            <Legend wrapperStyle={{ color: colors.muted, fontSize: 12 }} itemSorter="dataKey" />
            <Bar dataKey="read" name="Read" stackId="a" fill={colors.accent} isAnimationActive={false} />
            <Bar dataKey="unread" name="Not read" stackId="a" fill={colors.second} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </Figure>
  );
}
