import { useEffect, useState, type ReactNode } from 'react';

/** The theme's colours, read from the CSS variables (so the charts follow light and dark mode). */
export function useThemeColors() {
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
