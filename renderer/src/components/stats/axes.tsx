/** The charts' axes: lines in the muted colour, labels in 12-pixel text, and grid lines in the border colour. */

/** The plot's rectangle inside a chart, in pixels. */
export type Plot = { left: number; right: number; top: number; bottom: number };

const round = (n: number) => Math.round(n * 10) / 10;

/** Counts up the left side (`at` a count's y), with the grid across the plot at each tick if `grid`. */
export function CountsUp({
  ticks,
  at,
  plot,
  grid,
}: {
  ticks: number[];
  at: (count: number) => number;
  plot: Plot;
  grid: boolean;
}) {
  return (
    <g className="chart-axis chart-axis-y">
      {grid &&
        ticks.map((tick) => (
          <line
            key={`grid${tick}`}
            className="chart-grid"
            x1={plot.left}
            x2={plot.right}
            y1={round(at(tick))}
            y2={round(at(tick))}
          />
        ))}
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
      {ticks.map((tick) => (
        <text key={tick} x={plot.left - 8} y={round(at(tick))} dy="0.355em" textAnchor="end">
          {tick}
        </text>
      ))}
    </g>
  );
}

/**
 * Counts along the bottom (`at` a count's x), with tick marks below the axis if `marks` and the grid up the
 * plot at each tick if `grid`.
 */
export function CountsAcross({
  ticks,
  at,
  plot,
  grid,
  marks,
}: {
  ticks: number[];
  at: (count: number) => number;
  plot: Plot;
  grid: boolean;
  marks: boolean;
}) {
  return (
    <g className="chart-axis chart-axis-x">
      {grid &&
        ticks.map((tick) => (
          <line
            key={`grid${tick}`}
            className="chart-grid"
            x1={round(at(tick))}
            x2={round(at(tick))}
            y1={plot.top}
            y2={plot.bottom}
          />
        ))}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
      {marks &&
        ticks.map((tick) => (
          <line key={`mark${tick}`} x1={round(at(tick))} x2={round(at(tick))} y1={plot.bottom} y2={plot.bottom + 6} />
        ))}
      {ticks.map((tick) => (
        <text key={tick} x={round(at(tick))} y={plot.bottom + 8} dy="0.71em" textAnchor="middle">
          {tick}
        </text>
      ))}
    </g>
  );
}

/** Week labels along the bottom, each centred at its x. */
export function WeeksAcross({ labels, plot }: { labels: { x: number; text: string }[]; plot: Plot }) {
  return (
    <g className="chart-axis chart-axis-x">
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
      {labels.map((label) => (
        <text key={label.x} x={round(label.x)} y={plot.bottom + 8} dy="0.71em" textAnchor="middle">
          {label.text}
        </text>
      ))}
    </g>
  );
}

/** Row names down the left side, each at its row's middle, right-aligned to the axis. */
export function RowsDown({ names, at, plot }: { names: string[]; at: (row: number) => number; plot: Plot }) {
  return (
    <g className="chart-axis chart-axis-y chart-rows">
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
      {names.map((name, row) => (
        <text key={row} x={plot.left - 8} y={round(at(row))} dy="0.355em" textAnchor="end">
          {name}
        </text>
      ))}
    </g>
  );
}
