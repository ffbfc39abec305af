import { useEffect, useMemo, useState, type ReactNode } from 'react';

export type ThemeColors = ReturnType<typeof readThemeColors>;

/**
 * In forced colours (Windows high contrast) the system's own: the charts' fills and strokes are the page's
 * colours, which forced colours leave alone, so the theme's would stay on the user's chosen background.
 * The read series is Highlight, the other (added, not read) CanvasText; the grid GrayText.
 */
const SYSTEM_COLORS = {
  accent: 'Highlight',
  second: 'CanvasText',
  muted: 'CanvasText',
  border: 'GrayText',
  panel: 'Canvas',
  text: 'CanvasText',
};

const FORCED_COLORS = '(forced-colors: active)';

function readThemeColors(): typeof SYSTEM_COLORS {
  if (window.matchMedia(FORCED_COLORS).matches) return SYSTEM_COLORS;
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
}

/** The theme's colours, read from the CSS variables (so the charts follow light and dark mode, and forced colours). */
export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(readThemeColors);
  useEffect(() => {
    const queries = ['(prefers-color-scheme: dark)', FORCED_COLORS].map((query) => window.matchMedia(query));
    const update = () => setColors(readThemeColors());
    for (const media of queries) media.addEventListener('change', update);
    return () => {
      for (const media of queries) media.removeEventListener('change', update);
    };
  }, []);
  return colors;
}

/**
 * `value` as each of `count` figures last drew it, brought up to date one figure a task (a figure not drawn
 * yet: undefined). A chart costs recharts tens of milliseconds to draw, more on a slow machine; drawn all in
 * one task they held the window for seconds, one a task the page answers between them. A new `value` (another
 * period) redraws them one by one again, each showing the old until its turn; one with the same content (the
 * stats reloaded after a change they do not count) redraws nothing.
 */
export function useOneAtATime<T>(value: T, count: number): (T | undefined)[] {
  const content = useMemo(() => JSON.stringify(value), [value]);
  const [drawn, setDrawn] = useState<{ value: T; content: string }[]>([]);
  useEffect(() => {
    const next = Array.from({ length: count }, (_, i) => i).find((i) => drawn[i]?.content !== content);
    if (next === undefined) return;
    const timer = setTimeout(() =>
      setDrawn((old) => Array.from({ length: count }, (_, i) => (i === next ? { value, content } : old[i]!))),
    );
    return () => clearTimeout(timer);
  }, [drawn, value, content, count]);
  return Array.from({ length: count }, (_, i) => drawn[i]?.value);
}

/**
 * Axis ticks for counts: whole numbers from 0 to a round top at or just above `max`, at most five ticks,
 * stepping by 1, 2, 5, 10, 20, 50… (so a largest count of 1 gives an axis of 0–1, not 0–4 in quarters).
 */
export function countTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  for (let scale = 1; ; scale *= 10) {
    for (const step of [scale, 2 * scale, 5 * scale]) {
      const steps = Math.ceil(top / step);
      if (steps <= 4) return Array.from({ length: steps + 1 }, (_, i) => i * step);
    }
  }
}

/** A count axis: `ticks` exactly, and nothing between whole numbers. */
export const countAxis = (ticks: number[]) => ({
  ticks,
  domain: [0, ticks.at(-1)!],
  interval: 0 as const,
  allowDecimals: false,
});

export function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

/** A chart's tooltip in the theme's colours. */
export const tooltipOf = (colors: ThemeColors) => ({
  contentStyle: {
    background: colors.panel,
    border: `1px solid ${colors.border}`,
    borderRadius: 8,
    color: colors.text,
  },
  labelStyle: { color: colors.text, fontWeight: 600 },
  cursor: { fill: colors.border, fillOpacity: 0.4 },
});
/** An axis drawn in the theme's muted colour, without tick marks. */
export const axisOf = (colors: ThemeColors) => ({
  stroke: colors.muted,
  tick: { fill: colors.muted, fontSize: 12 },
  tickLine: false,
});

/** A chart with a caption that says what it shows in words, and the numbers as a table on request. */
export function Figure({
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
        <h2>{title}</h2>
        <p className="muted">{summary}</p>
      </figcaption>
      {/* One image to a screen reader, named by its summary in words; the numbers are in the table. Its
          drawing stays hidden (its keyboard layer is off: nothing inside takes the focus). */}
      <div className="stats-chart" role="img" aria-label={`${title}: ${summary}`}>
        <div aria-hidden="true">{children}</div>
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
