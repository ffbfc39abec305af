import { useCallback } from 'react';
import { CountsAcross, CountsUp, RowsDown, WeeksAcross, type Plot } from './axes';
import { ChartSurface, type SeriesColour, type TooltipContent } from './ChartSurface';
import { barPath, barsInBand, countAxisWidth, countTicks, fitLabel, pathThrough, scaleOf, stepPoints } from './scale';

/** One series of counts: its name (legend, tooltip) and colour, and a count per week or per row. */
export type Series = { name: string; colour: SeriesColour; values: number[] };
/** The weeks labelled along a chart by week: their index, and the label's text. */
export type WeekLabels = { index: number; text: string }[];

/** A week chart's margins, as the charts had them: the count axis's labels in the left one. */
const WEEK_MARGIN = { top: 8, right: 12, axis: 30, least: 44 };
const ROW_MARGIN = { top: 4, right: 12, left: 8, axis: 30 };

/** Which of `count` equal slices from `from` to `to` a position is in, or undefined outside them. */
const sliceAt = (position: number, from: number, to: number, count: number) =>
  position < from || position >= to || count === 0
    ? undefined
    : Math.min(count - 1, Math.floor(((position - from) / (to - from)) * count));

const inside = (plot: Plot, x: number, y: number) =>
  x >= plot.left && x <= plot.right && y >= plot.top && y <= plot.bottom;

function weekPlot(width: number, height: number, ticks: number[]): Plot {
  return {
    left: countAxisWidth(ticks, WEEK_MARGIN.least),
    right: width - WEEK_MARGIN.right,
    top: WEEK_MARGIN.top,
    bottom: height - WEEK_MARGIN.axis,
  };
}

/** Bars by week, the series side by side in each week (added and read), counts up the left. */
export function WeekBars({
  height,
  series,
  labels,
  tooltipLabel,
}: {
  height: number;
  series: Series[];
  labels: WeekLabels;
  tooltipLabel: (week: number) => string;
}) {
  const weeks = series[0]?.values.length ?? 0;
  const draw = useCallback(
    (width: number, svgHeight: number) => {
      const ticks = countTicks(Math.max(0, ...series.flatMap((s) => s.values)));
      const plot = weekPlot(width, svgHeight, ticks);
      const y = scaleOf(ticks.at(-1)!, plot.bottom, plot.top);
      const band = (plot.right - plot.left) / Math.max(1, weeks);
      const bars = barsInBand(band, series.length, 1, 16);
      return {
        marks: (
          <>
            <CountsUp ticks={ticks} at={y} plot={plot} grid />
            <WeeksAcross
              labels={labels.map((l) => ({ x: plot.left + (l.index + 0.5) * band, text: l.text }))}
              plot={plot}
            />
            {series.map((s, i) => (
              <g key={s.name} className={`chart-bars chart-${s.colour}`}>
                {s.values.map((value, week) =>
                  value > 0 ? (
                    <path
                      key={week}
                      className="chart-bar"
                      d={barPath(
                        plot.left + week * band + bars.offset + i * bars.step,
                        y(value),
                        bars.size,
                        plot.bottom - y(value),
                        2,
                        'top',
                      )}
                    />
                  ) : null,
                )}
              </g>
            ))}
          </>
        ),
        itemAt: (x: number, yAt: number) =>
          inside(plot, x, yAt) ? sliceAt(x, plot.left, plot.right, weeks) : undefined,
        cursor: (week: number) => (
          <rect
            className="chart-cursor"
            x={plot.left + week * band}
            y={plot.top}
            width={band}
            height={plot.bottom - plot.top}
          />
        ),
      };
    },
    [series, labels, weeks],
  );
  const tooltip = (week: number): TooltipContent => ({
    label: tooltipLabel(week),
    items: series.map((s) => ({ name: s.name, value: s.values[week] ?? 0, colour: s.colour })),
  });
  return <ChartSurface height={height} draw={draw} tooltip={tooltip} legend={series} />;
}

/**
 * A count through the weeks as steps (the queue's size at each week's end holds through that week), filled
 * below; the last week has its step too, a week wide. Labels sit at the middle of their week, like the bars'.
 */
export function WeekSteps({
  height,
  series,
  labels,
  tooltipLabel,
}: {
  height: number;
  series: Series;
  labels: WeekLabels;
  tooltipLabel: (week: number) => string;
}) {
  const draw = useCallback(
    (width: number, svgHeight: number) => {
      const values = series.values;
      const ticks = countTicks(Math.max(0, ...values));
      const plot = weekPlot(width, svgHeight, ticks);
      const y = scaleOf(ticks.at(-1)!, plot.bottom, plot.top);
      const x = scaleOf(Math.max(1, values.length), plot.left, plot.right);
      const line = stepPoints(
        values.map((_, week) => x(week)),
        values.map(y),
        x(values.length),
      );
      const area = [...line, [x(values.length), plot.bottom] as const, [x(0), plot.bottom] as const];
      return {
        marks: (
          <>
            <CountsUp ticks={ticks} at={y} plot={plot} grid />
            <WeeksAcross labels={labels.map((l) => ({ x: x(l.index + 0.5), text: l.text }))} plot={plot} />
            <g className={`chart-${series.colour}`}>
              <path className="chart-area" d={`${pathThrough(area)}Z`} />
              <path className="chart-line" d={pathThrough(line)} />
            </g>
          </>
        ),
        itemAt: (at: number, yAt: number) =>
          inside(plot, at, yAt) ? sliceAt(at, plot.left, plot.right, values.length) : undefined,
        cursor: (week: number) => (
          <g className={`chart-${series.colour}`}>
            <line className="chart-cursor-line" x1={x(week + 0.5)} x2={x(week + 0.5)} y1={plot.top} y2={plot.bottom} />
            <circle className="chart-dot" cx={x(week + 0.5)} cy={y(values[week] ?? 0)} r={4} />
          </g>
        ),
        cursorOnTop: true,
      };
    },
    [series, labels],
  );
  const tooltip = (week: number): TooltipContent => ({
    label: tooltipLabel(week),
    items: [{ name: series.name, value: series.values[week] ?? 0, colour: series.colour }],
  });
  return <ChartSurface height={height} draw={draw} tooltip={tooltip} />;
}

/**
 * Bars across, one a named row, the series stacked (read, then not read), counts along the bottom: the rows'
 * names read as words on the left instead of squeezing under narrow bars.
 */
export function RowBars({
  height,
  names,
  series,
  labelWidth,
  widest = Infinity,
  rounded = false,
  grid = false,
  tickMarks = false,
  legend = false,
}: {
  height: number;
  names: string[];
  series: Series[];
  labelWidth: number;
  /** The thickest a bar may be. */
  widest?: number;
  rounded?: boolean;
  grid?: boolean;
  tickMarks?: boolean;
  legend?: boolean;
}) {
  const draw = useCallback(
    (width: number, svgHeight: number) => {
      const totals = names.map((_, row) => series.reduce((sum, s) => sum + (s.values[row] ?? 0), 0));
      const ticks = countTicks(Math.max(0, ...totals));
      const plot = {
        left: ROW_MARGIN.left + labelWidth,
        right: width - ROW_MARGIN.right,
        top: ROW_MARGIN.top,
        bottom: svgHeight - ROW_MARGIN.axis,
      };
      const x = scaleOf(ticks.at(-1)!, plot.left, plot.right);
      const band = (plot.bottom - plot.top) / Math.max(1, names.length);
      const bar = barsInBand(band, 1, 0, widest);
      const rowMiddle = (row: number) => plot.top + (row + 0.5) * band;
      const bars = series.map((s, i) =>
        s.values.map((value, row) => {
          const before = series.slice(0, i).reduce((sum, other) => sum + (other.values[row] ?? 0), 0);
          return barPath(
            x(before),
            plot.top + row * band + bar.offset,
            x(before + value) - x(before),
            bar.size,
            rounded ? 2 : 0,
            'right',
          );
        }),
      );
      return {
        marks: (
          <>
            <CountsAcross ticks={ticks} at={x} plot={plot} grid={grid} marks={tickMarks} />
            {series.map((s, i) => (
              <g key={s.name} className={`chart-bars chart-${s.colour}`}>
                {bars[i]!.map((d, row) => (d ? <path key={row} className="chart-bar" d={d} /> : null))}
              </g>
            ))}
            <RowsDown names={names.map((name) => fitLabel(name, labelWidth - 8))} at={rowMiddle} plot={plot} />
          </>
        ),
        itemAt: (at: number, yAt: number) =>
          inside(plot, at, yAt) ? sliceAt(yAt, plot.top, plot.bottom, names.length) : undefined,
        cursor: (row: number) => (
          <rect
            className="chart-cursor"
            x={plot.left}
            y={plot.top + row * band}
            width={plot.right - plot.left}
            height={band}
          />
        ),
      };
    },
    [names, series, labelWidth, widest, rounded, grid, tickMarks],
  );
  const tooltip = (row: number): TooltipContent => ({
    label: names[row] ?? '',
    items: series.map((s) => ({ name: s.name, value: s.values[row] ?? 0, colour: s.colour })),
  });
  return <ChartSurface height={height} draw={draw} tooltip={tooltip} legend={legend ? series : undefined} />;
}
