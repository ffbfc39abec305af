import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** A series' colour: the theme's accent (read, the queue) or its second chart colour (added, not read). */
export type SeriesColour = 'accent' | 'second';
export type TooltipContent = { label: string; items: { name: string; value: number; colour: SeriesColour }[] };

/** What a chart draws at a given width: its marks, which item a point is over, and that item's highlight. */
export type Drawing = {
  marks: ReactNode;
  /** The item (week, row) under a point of the chart, or undefined off the plot. */
  itemAt: (x: number, y: number) => number | undefined;
  /** The item's highlight, drawn over or under the marks (a band, or a line and a dot). */
  cursor: (item: number) => ReactNode;
  cursorOnTop?: boolean;
};

const LEGEND_HEIGHT = 16;

/**
 * An SVG chart as wide as its figure: it is drawn once its width is known (before the first paint) and again
 * when the figure is resized. Pointing at an item highlights it and shows its figures in a tooltip, a plain
 * div beside the pointer; the numbers are in the figure's table for the keyboard and screen readers.
 */
export function ChartSurface({
  height,
  draw,
  tooltip,
  legend,
}: {
  /** The chart's whole height, its legend included. */
  height: number;
  draw: (width: number, height: number) => Drawing;
  tooltip: (item: number) => TooltipContent;
  legend?: { name: string; colour: SeriesColour }[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const svgHeight = height - (legend ? LEGEND_HEIGHT : 0);
  const drawing = useMemo(() => (width > 0 ? draw(width, svgHeight) : undefined), [draw, width, svgHeight]);
  const [pointer, setPointer] = useState<{ item: number; x: number; y: number }>();
  const item = pointer?.item;

  const onPointer = (event: React.PointerEvent<SVGSVGElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const at = drawing?.itemAt(x, y);
    setPointer(at === undefined ? undefined : { item: at, x, y });
  };

  return (
    <div ref={box} className="chart-surface" style={{ height }}>
      {drawing && (
        <svg
          width={width}
          height={svgHeight}
          className="chart-svg"
          onPointerMove={onPointer}
          onPointerLeave={() => setPointer(undefined)}
        >
          {item !== undefined && !drawing.cursorOnTop && drawing.cursor(item)}
          {drawing.marks}
          {item !== undefined && drawing.cursorOnTop && drawing.cursor(item)}
        </svg>
      )}
      {legend && drawing && (
        <ul className="chart-legend">
          {legend.map((entry) => (
            <li key={entry.name} className={`chart-${entry.colour}`}>
              <Swatch size={14} />
              {entry.name}
            </li>
          ))}
        </ul>
      )}
      {pointer && <Tooltip {...pointer} content={tooltip(pointer.item)} width={width} height={svgHeight} />}
    </div>
  );
}

/**
 * A series' colour beside its name, in the legend and the tooltip: the names are in the text's colours, as the
 * amber of "Added" is too light for 12-pixel text on white (2.1:1).
 */
function Swatch({ size }: { size: number }) {
  return (
    <svg className="chart-swatch" width={size} height={size} viewBox="0 0 14 14">
      <rect width="14" height="12" y="1" />
    </svg>
  );
}

/** The tooltip 10 pixels from the pointer, on the side with more room, so it stays inside the chart. */
function Tooltip({
  x,
  y,
  content,
  width,
  height,
}: {
  x: number;
  y: number;
  content: TooltipContent;
  width: number;
  height: number;
}) {
  const left = x > width / 2;
  const up = y > height / 2;
  return (
    <div
      className="chart-tooltip"
      style={{
        left: left ? x - 10 : x + 10,
        top: up ? y - 10 : y + 10,
        transform: `translate(${left ? '-100%' : '0'}, ${up ? '-100%' : '0'})`,
      }}
    >
      <p className="chart-tooltip-label">{content.label}</p>
      <ul>
        {content.items.map((entry) => (
          <li key={entry.name} className={`chart-${entry.colour}`}>
            <Swatch size={10} />
            {entry.name} : {entry.value.toLocaleString()}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** An element's width, read before the first paint and again whenever it is resized (0 where nothing is laid out). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
