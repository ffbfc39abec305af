/** The size of a page at scale 1, in CSS pixels (PDF points), after its rotation. */
export type PageSize = { width: number; height: number };

/** Where each page sits in the scrolled column at one scale. */
export type Layout = { tops: number[]; heights: number[]; widths: number[]; total: number; gap: number };

/** Space above the first page, between pages, and below the last one. */
export const PAGE_GAP = 14;

export function layoutPages(sizes: readonly PageSize[], scale: number, gap = PAGE_GAP): Layout {
  const tops: number[] = [];
  const heights: number[] = [];
  const widths: number[] = [];
  let y = gap;
  for (const size of sizes) {
    tops.push(y);
    const h = Math.round(size.height * scale);
    heights.push(h);
    widths.push(Math.round(size.width * scale));
    y += h + gap;
  }
  return { tops, heights, widths, total: y, gap };
}

/** The page at height `y` of the column (the gap below a page counts as that page); 0-based. */
export function pageAt(layout: Layout, y: number): number {
  const { tops } = layout;
  if (tops.length === 0) return 0;
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A place in the document that survives a zoom: a page and how far down it, 0..1. */
export type Position = { page: number; offset: number };

/**
 * Where the top of the view is. The view's top is read a gap lower, so a page shown with the gap above it
 * (as going to a page shows it) counts as that page, at offset 0.
 */
export function positionAt(layout: Layout, scrollTop: number): Position {
  const y = scrollTop + layout.gap;
  const page = pageAt(layout, y);
  const height = layout.heights[page] ?? 1;
  const offset = (y - (layout.tops[page] ?? 0)) / height;
  return { page, offset: Math.min(1, Math.max(0, offset)) };
}

/** The scroll position that puts `position` at the top of the view, with the gap above the page in sight. */
export function scrollTopFor(layout: Layout, { page, offset }: Position): number {
  const at = Math.min(Math.max(0, page), layout.tops.length - 1);
  if (at < 0) return 0;
  return Math.max(0, Math.round(layout.tops[at]! + offset * layout.heights[at]! - layout.gap));
}

export type PageWindow = {
  /** Pages on screen, inclusive. */
  visible: [number, number];
  /** The page most of the view shows: what "page 5 of 14" says. */
  current: number;
  /** Pages to draw: those on screen and a screen's height around them. */
  render: [number, number];
  /** Pages whose drawing is kept if it exists; farther ones give their canvases back. */
  keep: [number, number];
};

/**
 * Which pages to draw for a view of `viewHeight` pixels scrolled to `scrollTop`: the pages on screen and
 * `margin` screens around them; drawings are kept `keepMargin` screens around, and released beyond.
 */
export function pageWindow(
  layout: Layout,
  scrollTop: number,
  viewHeight: number,
  margin = 1,
  keepMargin = 3,
): PageWindow {
  const last = layout.tops.length - 1;
  if (last < 0) return { visible: [0, -1], current: 0, render: [0, -1], keep: [0, -1] };
  const bottom = scrollTop + viewHeight;
  const visible: [number, number] = [pageAt(layout, scrollTop), pageAt(layout, Math.max(scrollTop, bottom - 1))];
  let current = visible[0];
  let most = -1;
  for (let page = visible[0]; page <= visible[1]; page++) {
    const top = layout.tops[page]!;
    const shown = Math.min(bottom, top + layout.heights[page]!) - Math.max(scrollTop, top);
    if (shown > most + 0.5) {
      most = shown;
      current = page;
    }
  }
  const around = (screens: number): [number, number] => [
    pageAt(layout, Math.max(0, scrollTop - screens * viewHeight)),
    pageAt(layout, bottom + screens * viewHeight),
  ];
  return { visible, current, render: around(margin), keep: around(Math.max(margin, keepMargin)) };
}

/** How the pages fit the view: their width up to 150 % (auto), their width, a whole page, or a zoom factor. */
export type Zoom = 'auto' | 'page-width' | 'page-fit' | number;

/** The largest scale 'auto' picks: wider pages than this are hard to read across. */
export const AUTO_MAX_SCALE = 1.5;

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 5;
const STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];

/** The scale a zoom means for a page of `size` in a view of `view` pixels (less the gap around a page). */
export function scaleFor(zoom: Zoom, size: PageSize, view: { width: number; height: number }, gap = PAGE_GAP): number {
  if (typeof zoom === 'number') return clampScale(zoom);
  const byWidth = (view.width - 2 * gap) / size.width;
  if (zoom === 'auto') return clampScale(Math.min(byWidth, AUTO_MAX_SCALE));
  if (zoom === 'page-width') return clampScale(byWidth);
  return clampScale(Math.min(byWidth, (view.height - 2 * gap) / size.height));
}

/** The next zoom step in or out from `scale`. */
export function stepScale(scale: number, direction: 1 | -1): number {
  if (direction > 0) return STEPS.find((s) => s > scale + 0.01) ?? MAX_SCALE;
  return [...STEPS].reverse().find((s) => s < scale - 0.01) ?? MIN_SCALE;
}

function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * 1000) / 1000));
}
