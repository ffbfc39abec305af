import { useEffect, useMemo, useState, type ReactNode } from 'react';

/**
 * `value` as each of `count` figures last drew it, brought up to date one figure a task (a figure not drawn
 * yet: undefined), so the page answers between them. A new `value` (another period) redraws them one by one
 * again, each showing the old until its turn; one with the same content (the stats reloaded after a change
 * they do not count) redraws nothing.
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

export function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

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
          drawing stays hidden (nothing inside takes the focus; the tooltips are the pointer's). */}
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
