import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boxToPdf, mergeLines, pdfToBox, percentOf, sameLine, type PdfRect } from '../../renderer/src/pdf/geometry';

/** pdf.js's viewport maths for a page of `w`×`h` points at `scale`, turned by `rotation` (0, 90, 180, 270). */
function viewport(w: number, h: number, scale: number, rotation: number) {
  // The transform pdf.js's PageViewport builds for a page whose view box starts at 0,0.
  const turns: Record<number, [number, number, number, number]> = {
    0: [1, 0, 0, -1],
    90: [0, 1, 1, 0],
    180: [-1, 0, 0, 1],
    270: [0, -1, -1, 0],
  };
  const [a, b, c, d] = turns[rotation]!;
  const width = (rotation % 180 === 0 ? w : h) * scale;
  const height = (rotation % 180 === 0 ? h : w) * scale;
  let e = 0;
  let f = 0;
  // Place the turned page's top left at 0,0.
  const corners = [
    [0, 0],
    [w, 0],
    [0, h],
    [w, h],
  ].map(([x, y]) => [(a * x! + c * y!) * scale, (b * x! + d * y!) * scale]);
  e = -Math.min(...corners.map((p) => p[0]!));
  f = -Math.min(...corners.map((p) => p[1]!));
  const toViewport = (x: number, y: number) => [(a * x + c * y) * scale + e, (b * x + d * y) * scale + f];
  const toPdf = (vx: number, vy: number) => {
    // Invert the 2×2 part (its determinant is ±1) after removing the offset and the scale.
    const x = (vx - e) / scale;
    const y = (vy - f) / scale;
    const det = a * d - b * c;
    return [(d * x - c * y) / det, (-b * x + a * y) / det];
  };
  return { width, height, toViewport, toPdf };
}

describe('PDF rectangles', () => {
  it('go from the page on screen to PDF units and back at any zoom and rotation', () => {
    const rect: PdfRect = [72, 700, 300, 712];
    for (const rotation of [0, 90, 180, 270]) {
      for (const scale of [0.5, 1, 1.5, 3]) {
        const v = viewport(612, 792, scale, rotation);
        const box = pdfToBox(rect, v.toViewport);
        const back = boxToPdf(box, v.toPdf);
        back.forEach((n, i) => expect(n).toBeCloseTo(rect[i]!, 6));
        // And the box sits at the same fraction of the page whatever the zoom.
        const at1 = percentOf(
          pdfToBox(rect, viewport(612, 792, 1, rotation).toViewport),
          v.width / scale,
          v.height / scale,
        );
        expect(percentOf(box, v.width, v.height)).toEqual(at1);
      }
    }
  });

  it('puts the top of the page at the top of the screen (y grows down on screen, up in the PDF)', () => {
    const v = viewport(612, 792, 2, 0);
    expect(boxToPdf({ left: 0, top: 0, right: 20, bottom: 10 }, v.toPdf).map((n) => n + 0)).toEqual([0, 787, 10, 792]);
  });
});

describe('mergeLines', () => {
  it('joins the pieces of one line, word gaps included', () => {
    const pieces: PdfRect[] = [
      [72, 700, 120, 710],
      [122, 700.5, 180, 710.2],
      [183, 700, 240, 710],
    ];
    expect(mergeLines(pieces)).toEqual([[72, 700, 240, 710.2]]);
  });

  it('keeps two lines apart, and a line of each column apart across the gap between columns', () => {
    const rects: PdfRect[] = [
      [54, 600, 290, 610], // left column, line 1
      [54, 588, 200, 598], // left column, line 2
      [318, 600, 558, 610], // right column, same height as line 1, 28 points to the right
    ];
    const merged = mergeLines(rects);
    expect(merged).toHaveLength(3);
    expect(sameLine(rects[0]!, rects[2]!)).toBe(false);
    expect(sameLine(rects[0]!, rects[1]!)).toBe(false);
  });

  it('takes a superscript into its line and drops empty rectangles', () => {
    const rects: PdfRect[] = [
      [72, 700, 120, 710],
      [120.5, 705, 124, 712],
      [130, 700, 130, 710],
    ];
    expect(mergeLines(rects)).toEqual([[72, 700, 124, 712]]);
  });

  it('folds a chain of pieces given out of order into one', () => {
    const rects: PdfRect[] = [
      [72, 700, 100, 710],
      [140, 700, 170, 710],
      [101, 700, 139, 710],
    ];
    expect(mergeLines(rects)).toEqual([[72, 700, 170, 710]]);
  });
});

type Viewport = {
  convertToPdfPoint: (x: number, y: number) => number[];
  convertToViewportPoint: (x: number, y: number) => number[];
};
const toPdfPoint = (v: Viewport) => (x: number, y: number) => v.convertToPdfPoint(x, y);
const toViewportPoint = (v: Viewport) => (x: number, y: number) => v.convertToViewportPoint(x, y);

describe('with pdf.js’s own viewports', () => {
  it('a rectangle stored from a rotated page lands on the same spot at every zoom and turn', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const data = new Uint8Array(
      await readFile(join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', 'hello_world_rotated.pdf')),
    );
    const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    expect(page.rotate % 180).not.toBe(0);
    // A box drawn at 150 % on the page as shown, stored in PDF units…
    const shown = page.getViewport({ scale: 1.5 });
    const box = { left: 30, top: 45, right: 180, bottom: 60 };
    const stored = boxToPdf(box, toPdfPoint(shown));
    // …is at the same fraction of the page at 100 % and at 300 %, and back at 150 %.
    const fraction = percentOf(box, shown.width, shown.height);
    expect(percentOf(pdfToBox(stored, toViewportPoint(base)), base.width, base.height)).toEqual(fraction);
    const large = page.getViewport({ scale: 3 });
    expect(percentOf(pdfToBox(stored, toViewportPoint(large)), large.width, large.height)).toEqual(fraction);
    await doc.destroy();
  });
});
