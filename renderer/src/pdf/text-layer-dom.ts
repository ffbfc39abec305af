import type { Box } from './geometry';
import type { TextRange } from './fold';

/** Mark each span of a pdf.js text layer with where its text starts in the page's text (see laidOut). */
export function tagSpans(textDivs: readonly HTMLElement[], starts: readonly number[]): void {
  textDivs.forEach((span, i) => {
    const start = starts[i];
    if (start !== undefined) span.dataset.start = String(start);
  });
}

function spansOf(layer: ParentNode): HTMLElement[] {
  return [...layer.querySelectorAll<HTMLElement>('span[data-start]')];
}

/** Characters of `span`'s text before the DOM position (node, offset) inside it. */
function charsBefore(span: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(span, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * The part of `range` inside the page's text layer, as offsets in the page's text: from the first character
 * it covers to past the last, in the text's order (right-to-left words are in reading order there, not in the
 * spans' order). Undefined when it covers no text of the page.
 */
export function selectionOffsets(layer: HTMLElement, range: Range): TextRange | undefined {
  let start: number | undefined;
  let end: number | undefined;
  for (const span of spansOf(layer)) {
    if (!range.intersectsNode(span)) continue;
    const length = span.textContent?.length ?? 0;
    if (length === 0) continue;
    const part = document.createRange();
    part.selectNodeContents(span);
    if (range.compareBoundaryPoints(Range.START_TO_START, part) > 0)
      part.setStart(range.startContainer, range.startOffset);
    if (range.compareBoundaryPoints(Range.END_TO_END, part) < 0) part.setEnd(range.endContainer, range.endOffset);
    if (part.collapsed) continue;
    const base = Number(span.dataset.start);
    const from = base + charsBefore(span, part.startContainer, part.startOffset);
    const to = base + charsBefore(span, part.endContainer, part.endOffset);
    if (to <= from) continue;
    start = start === undefined ? from : Math.min(start, from);
    end = end === undefined ? to : Math.max(end, to);
  }
  return start !== undefined && end !== undefined && end > start ? { start, end } : undefined;
}

/**
 * Boxes of the words at start..end of the page's text, in CSS pixels from the top left of `page`: one per
 * span they touch, each the extent of those characters and clipped to its span, so the gap between two
 * columns or the margin after a line is never covered.
 */
export function boxesFor(layer: HTMLElement, page: DOMRect, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (const span of spansOf(layer)) {
    const base = Number(span.dataset.start);
    const text = span.firstChild;
    const length = span.textContent?.length ?? 0;
    if (!text || length === 0 || base >= end || base + length <= start) continue;
    const range = document.createRange();
    if (text.nodeType === Node.TEXT_NODE) {
      range.setStart(text, Math.max(0, start - base));
      range.setEnd(text, Math.min(length, end - base));
    } else range.selectNodeContents(span);
    const drawn = range.getBoundingClientRect();
    const clip = span.getBoundingClientRect();
    const left = Math.max(drawn.left, clip.left);
    const right = Math.min(drawn.right, clip.right);
    const top = Math.max(drawn.top, clip.top);
    const bottom = Math.min(drawn.bottom, clip.bottom);
    if (right - left < 0.5 || bottom - top < 0.5) continue;
    boxes.push({ left: left - page.left, top: top - page.top, right: right - page.left, bottom: bottom - page.top });
  }
  return boxes;
}

/**
 * A DOM range over start..end of the page's text in its text layer (to select a passage), if it is drawn: from
 * the first span in the layer's order with some of it to the last (right-to-left words, which are in reading
 * order in the text, are in drawing order in the layer).
 */
export function rangeFor(layer: HTMLElement, start: number, end: number): Range | undefined {
  let from: [Node, number] | undefined;
  let to: [Node, number] | undefined;
  for (const span of spansOf(layer)) {
    const base = Number(span.dataset.start);
    const text = span.firstChild;
    const length = span.textContent?.length ?? 0;
    if (!text || text.nodeType !== Node.TEXT_NODE || length === 0) continue;
    if (base >= end || base + length <= start) continue;
    from ??= [text, Math.max(0, start - base)];
    to = [text, Math.min(length, end - base)];
  }
  if (!from || !to) return undefined;
  const range = document.createRange();
  range.setStart(...from);
  range.setEnd(...to);
  return range.collapsed ? undefined : range;
}
