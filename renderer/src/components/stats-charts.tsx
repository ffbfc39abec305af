import { memo, type ComponentType } from 'react';
import type { ReadingStats } from '../store/insight-slice';
import { RowBars, WeekBars, WeekSteps } from './stats/charts';
import { labelledWeeks } from './stats/scale';
import { Figure, plural, useOneAtATime } from './stats-figure';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const weekLabel = (start: string) => shortDate.format(new Date(`${start}T12:00:00`));
/** A period past half a year labels its axis by month and year ("Mar 2026"): a day says little there. */
const axisLabel = (count: number) =>
  count > 26 ? (start: string) => monthYear.format(new Date(`${start}T12:00:00`)) : weekLabel;

/** How high each chart is drawn (a figure still to be drawn keeps its room, so nothing below it jumps). */
const WEEK_CHART_HEIGHT = 220;
const ageChartHeight = (reading: ReadingStats) => reading.queueAge.length * 28 + 36;
const breakdownHeight = (rows: ReadingStats['byTag']) =>
  rows.length === 0 ? 0 : Math.max(140, Math.min(rows.length, 8) * 30 + 64);

type ChartProps = { reading: ReadingStats };

/**
 * The five charts, drawn one a task (useOneAtATime), so the page answers between them; a chart not drawn yet
 * keeps its title and its room.
 */
export function Charts({ reading }: { reading: ReadingStats }) {
  const drawn = useOneAtATime(reading, 5);
  const figure = (index: number, title: string, height: number, Chart: ComponentType<ChartProps>) => {
    const shown = drawn[index];
    return shown ? <Chart reading={shown} /> : <PendingFigure title={title} height={height} />;
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

/** The week axis's labels, and the week tooltip's heading, shared by the charts by week. */
function weekScale(reading: ReadingStats) {
  const starts = reading.weeks.map((w) => w.start);
  const label = axisLabel(starts.length);
  return {
    labels: labelledWeeks(starts.length).map((index) => ({ index, text: label(starts[index]!) })),
    tooltipLabel: (week: number) => `Week of ${weekLabel(starts[week] ?? '')}`,
  };
}

const InAndOut = memo(function InAndOut({ reading }: ChartProps) {
  // The weeks the stats command was asked for, all of them: the subtitle and the key figures count the same.
  const weeks = reading.weeks;
  const { labels, tooltipLabel } = weekScale(reading);
  return (
    <Figure
      title="In and out"
      summary={`In the last ${weeks.length} weeks you added ${plural(reading.addedInPeriod, 'paper')} and read ${plural(
        reading.readInPeriod,
        'paper',
      )}.`}
      table={{ head: ['Week of', 'Added', 'Read'], rows: weeks.map((w) => [w.start, w.added, w.read]) }}
    >
      <WeekBars
        height={WEEK_CHART_HEIGHT}
        series={[
          { name: 'Added', colour: 'second', values: weeks.map((w) => w.added) },
          { name: 'Read', colour: 'accent', values: weeks.map((w) => w.read) },
        ]}
        labels={labels}
        tooltipLabel={tooltipLabel}
      />
    </Figure>
  );
});

const QueueOverTime = memo(function QueueOverTime({ reading }: ChartProps) {
  const weeks = reading.weeks;
  const { labels, tooltipLabel } = weekScale(reading);
  const queueNow = weeks.at(-1)?.queue ?? 0;
  const queuePeak = Math.max(0, ...weeks.map((w) => w.queue));
  return (
    <Figure
      title="The queue over time"
      summary={`${plural(queueNow, 'paper')} in the queue now; at most ${plural(queuePeak, 'paper')} at a week’s end.`}
      table={{ head: ['Week of', 'In the queue'], rows: weeks.map((w) => [w.start, w.queue]) }}
    >
      <WeekSteps
        height={WEEK_CHART_HEIGHT}
        series={{ name: 'In the queue', colour: 'accent', values: weeks.map((w) => w.queue) }}
        labels={labels}
        tooltipLabel={tooltipLabel}
      />
    </Figure>
  );
});

const Waiting = memo(function Waiting({ reading }: ChartProps) {
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
      <RowBars
        height={ageChartHeight(reading)}
        names={reading.queueAge.map((a) => a.label)}
        series={[{ name: 'Papers', colour: 'accent', values: reading.queueAge.map((a) => a.count) }]}
        labelWidth={104}
        rounded
        grid
      />
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

const ByTag = memo(function ByTag({ reading }: ChartProps) {
  return <Breakdown title="By tag" rows={reading.byTag} empty="No tags yet." />;
});

const BySource = memo(function BySource({ reading }: ChartProps) {
  return <Breakdown title="By source" rows={reading.bySource} empty="No sources yet." />;
});

function Breakdown({ title, rows, empty }: { title: string; rows: ReadingStats['byTag']; empty: string }) {
  const data = rows.slice(0, 8);
  return (
    <Figure
      title={title}
      summary={breakdownSummary(rows, empty)}
      table={{ head: [title.replace('By ', ''), 'Read', 'All'], rows: rows.map((r) => [r.name, r.read, r.total]) }}
    >
      {data.length > 0 && (
        <RowBars
          height={breakdownHeight(rows)}
          names={data.map((r) => r.name)}
          series={[
            { name: 'Read', colour: 'accent', values: data.map((r) => r.read) },
            { name: 'Not read', colour: 'second', values: data.map((r) => r.total - r.read) },
          ]}
          labelWidth={120}
          widest={20}
          tickMarks
          legend
        />
      )}
    </Figure>
  );
}
