import { boxToPdf, mergeLines } from '../../pdf/geometry';
import { quoteAt } from '../../pdf/page-text';
import { toPdfPoint } from '../../pdf/pdfjs';
import { boxesFor, selectionOffsets } from '../../pdf/text-layer-dom';
import type { PdfPassage, PdfSelection } from './PageColumn';
import { elementOf } from './select-sentence';
import type { NewPdfHighlight } from '../../store/reader-slice';
import type { LoadedPdf } from './use-pdf-document';

/**
 * The passage selected in the column's pages, ready to become highlights: for each page it covers, its offsets
 * in the page's text, quote with prefix and suffix, and rectangles in PDF units; undefined when nothing in the
 * pages is selected (or only white space).
 */
export async function selectionInColumn(
  scroller: HTMLElement,
  pdf: LoadedPdf,
  scale: number,
): Promise<PdfSelection | undefined> {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const first = pageOf(scroller, range.startContainer);
  const last = pageOf(scroller, range.endContainer);
  const from = first ?? last;
  const to = last ?? first;
  if (from === undefined || to === undefined) return undefined;
  const parts: PdfPassage[] = [];
  for (let page = from; page <= to; page++) {
    const part = await passageOn(scroller, pdf, scale, page, range);
    if (part) parts.push(part);
  }
  if (parts.length === 0) return undefined;
  const bounds = range.getBoundingClientRect();
  return {
    parts,
    quote: parts.map((part) => part.quote).join(' '),
    x: bounds.left + bounds.width / 2,
    y: bounds.bottom,
  };
}

/** The page (0-based) of the column a node of the selection is on. */
function pageOf(scroller: HTMLElement, node: Node): number | undefined {
  const pageEl = elementOf(node)?.closest<HTMLElement>('.pdf-page');
  return pageEl && scroller.contains(pageEl) ? Number(pageEl.dataset.page) - 1 : undefined;
}

/** The part of `range` on one page, if its text layer shows some of it. */
async function passageOn(
  scroller: HTMLElement,
  pdf: LoadedPdf,
  scale: number,
  page: number,
  range: Range,
): Promise<PdfPassage | undefined> {
  const pageEl = scroller.querySelector<HTMLElement>(`.pdf-page[data-page="${page + 1}"]`);
  const layer = pageEl?.querySelector<HTMLElement>('.textLayer');
  const viewport = pdf.viewports[page]?.clone({ scale });
  if (!pageEl || !layer || !viewport) return undefined;
  const offsets = selectionOffsets(layer, range);
  if (!offsets) return undefined;
  const { text } = await pdf.texts.text(page);
  const { quote, prefix, suffix } = quoteAt(text, offsets.start, offsets.end);
  const rects = mergeLines(
    boxesFor(layer, pageEl.getBoundingClientRect(), offsets.start, offsets.end).map((box) =>
      boxToPdf(box, toPdfPoint(viewport)),
    ),
  );
  if (!quote.trim() || rects.length === 0) return undefined;
  return { page, ...offsets, quote, prefix, suffix, rects };
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

/**
 * A selection saved as highlights: a passage over a page break is one highlight per page, saved together with
 * one colour, the comment going with its first part. True once every part is stored.
 */
export async function saveSelection(
  selection: PdfSelection,
  attachment: string,
  color: NewPdfHighlight['color'],
  comment: string,
  add: (highlight: NewPdfHighlight) => Promise<boolean>,
): Promise<boolean> {
  let ok = true;
  for (const [i, part] of selection.parts.entries()) {
    const { page, start, end, quote, prefix, suffix, rects } = part;
    ok &&= await add({
      target: 'pdf',
      attachment,
      ...{ page, start, end, quote, prefix, suffix, rects },
      color,
      comment: i === 0 ? comment : '',
    });
  }
  return ok;
}
