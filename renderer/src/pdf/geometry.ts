import type { PdfRect } from '../../../electron/core/schema';

export type { PdfRect };

/** A box in CSS pixels from the top left of the page's drawn area. */
export type Box = { left: number; top: number; right: number; bottom: number };

/** A point converter of a pdf.js PageViewport: convertToPdfPoint (viewport → PDF) or convertToViewportPoint. */
export type PointConverter = (x: number, y: number) => number[];

/**
 * A box drawn on the page in PDF units of the unrotated page (origin bottom left, y up), as highlights are
 * stored: both corners go through the viewport, so zoom and rotation fall away.
 */
export function boxToPdf(box: Box, toPdf: PointConverter): PdfRect {
  const [ax = 0, ay = 0] = toPdf(box.left, box.top);
  const [bx = 0, by = 0] = toPdf(box.right, box.bottom);
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
}

/** A stored rectangle where it is drawn now: the inverse of boxToPdf through the current viewport. */
export function pdfToBox(rect: PdfRect, toViewport: PointConverter): Box {
  const [ax = 0, ay = 0] = toViewport(rect[0], rect[1]);
  const [bx = 0, by = 0] = toViewport(rect[2], rect[3]);
  return { left: Math.min(ax, bx), top: Math.min(ay, by), right: Math.max(ax, bx), bottom: Math.max(ay, by) };
}

/** A box as percentages of the page it is on, so it stays put at every zoom without being laid out again. */
export function percentOf(box: Box, width: number, height: number) {
  return {
    left: `${((100 * box.left) / width).toFixed(3)}%`,
    top: `${((100 * box.top) / height).toFixed(3)}%`,
    width: `${((100 * (box.right - box.left)) / width).toFixed(3)}%`,
    height: `${((100 * (box.bottom - box.top)) / height).toFixed(3)}%`,
  };
}

const height = (r: PdfRect) => r[3] - r[1];

/**
 * Whether two rectangles are pieces of one line: they overlap vertically by at least half the smaller
 * one's height, and the horizontal gap between them is under a line's height. A gap between columns is
 * wider than that, so a selection across two columns keeps one rectangle per column per line.
 */
export function sameLine(a: PdfRect, b: PdfRect): boolean {
  const overlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const smaller = Math.min(height(a), height(b));
  if (smaller <= 0 || overlap < smaller / 2) return false;
  const gap = Math.max(a[0], b[0]) - Math.min(a[2], b[2]);
  return gap <= Math.max(height(a), height(b));
}

/** Rectangles of a selection, one per piece of a line, merged into one per line (per column); tiny ones dropped. */
export function mergeLines(rects: readonly PdfRect[]): PdfRect[] {
  const out: PdfRect[] = [];
  for (const rect of rects) {
    if (rect[2] - rect[0] < 0.1 || rect[3] - rect[1] < 0.1) continue;
    let merged: PdfRect = [...rect];
    // A union can reach rectangles it did not touch before: keep folding until none joins.
    for (let joined = true; joined;) {
      joined = false;
      for (let i = 0; i < out.length; i++) {
        if (!sameLine(out[i]!, merged)) continue;
        merged = union(out[i]!, merged);
        out.splice(i, 1);
        joined = true;
        break;
      }
    }
    out.push(merged);
  }
  return out.map((r) => r.map((n) => Math.round(n * 100) / 100) as PdfRect);
}

function union(a: PdfRect, b: PdfRect): PdfRect {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
