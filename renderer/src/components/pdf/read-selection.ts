import { boxToPdf, mergeLines } from '../../pdf/geometry';
import { quoteAt } from '../../pdf/page-text';
import { toPdfPoint } from '../../pdf/pdfjs';
import { boxesFor, selectionOffsets } from '../../pdf/text-layer-dom';
import type { PdfSelection } from './PageColumn';
import { elementOf } from './select-sentence';
import type { LoadedPdf } from './use-pdf-document';

/**
 * The passage selected in the column's pages, ready to become a highlight: its page, offsets in the page's
 * text, quote with prefix and suffix, and rectangles in PDF units; undefined when nothing in the pages is
 * selected (or only white space).
 */
export async function selectionInColumn(
  scroller: HTMLElement,
  pdf: LoadedPdf,
  scale: number,
): Promise<PdfSelection | undefined> {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const pageEl =
    elementOf(range.startContainer)?.closest<HTMLElement>('.pdf-page') ??
    elementOf(range.endContainer)?.closest<HTMLElement>('.pdf-page');
  const layer = pageEl?.querySelector<HTMLElement>('.textLayer');
  if (!pageEl || !layer || !scroller.contains(pageEl)) return undefined;
  const page = Number(pageEl.dataset.page) - 1;
  const offsets = selectionOffsets(layer, range);
  const viewport = pdf.viewports[page]?.clone({ scale });
  if (!offsets || !viewport) return undefined;
  const { text } = await pdf.texts.text(page);
  const { quote, prefix, suffix } = quoteAt(text, offsets.start, offsets.end);
  const rects = mergeLines(
    boxesFor(layer, pageEl.getBoundingClientRect(), offsets.start, offsets.end).map((box) =>
      boxToPdf(box, toPdfPoint(viewport)),
    ),
  );
  if (!quote.trim() || rects.length === 0) return undefined;
  const bounds = range.getBoundingClientRect();
  return {
    page,
    ...offsets,
    quote,
    prefix,
    suffix,
    rects,
    x: bounds.left + bounds.width / 2,
    y: bounds.bottom,
  };
}

/** The highlight drawn under a click, if any (highlights lie under the text layer, out of the pointer's way). */
export function highlightAt(target: Element, x: number, y: number): string | undefined {
  if (target.closest('a, button')) return undefined;
  const page = target.closest('.pdf-page');
  if (!page) return undefined;
  for (const mark of page.querySelectorAll<HTMLElement>('.pdf-hl')) {
    const r = mark.getBoundingClientRect();
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return mark.dataset.annotation;
  }
  return undefined;
}
