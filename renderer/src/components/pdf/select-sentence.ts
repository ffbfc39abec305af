import type { TextRange } from '../../pdf/fold';
import type { Layout, Position } from '../../pdf/page-window';
import { sentences, stepSentence } from '../../pdf/sentences';
import { boxesFor, rangeFor, selectionOffsets } from '../../pdf/text-layer-dom';
import type { Hit } from './PageColumn';
import type { LoadedPdf } from './use-pdf-document';

/**
 * The column a sentence is selected in: its scroller, where its pages lie, how to go to a page, and the
 * match find showed last (`found`), where the person is looking when it is on screen.
 */
export type SentenceColumn = {
  scroller: HTMLElement;
  layout: Layout;
  pdf: LoadedPdf;
  count: number;
  goTo: (position: Position) => void;
  found?: Hit | undefined;
};

/**
 * Select the next (1) or previous (-1) sentence of the pages; with `extend`, grow or shrink the selection by
 * a sentence. With nothing selected there it starts at the match find showed, when that is on screen (the
 * sentence at or after it, or with -1 at or before it), or else at the first sentence on screen. Past a page's
 * first or last sentence it goes on to the previous page's last or the next page's first. The keyboard's way
 * to choose a passage to highlight (the reader's ] and [ keys).
 */
export async function selectSentence(column: SentenceColumn, direction: 1 | -1, extend: boolean): Promise<void> {
  const { scroller, layout, pdf, count, goTo } = column;
  const selection = window.getSelection();
  const selected =
    selection && !selection.isCollapsed && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  const selectedPage = selected && elementOf(selected.startContainer)?.closest<HTMLElement>('.pdf-page');
  const onPage = selectedPage && scroller.contains(selectedPage) ? selectedPage : undefined;
  const found = onPage ? undefined : foundOnScreen(scroller, column.found);
  let page = onPage ? Number(onPage.dataset.page) - 1 : (found?.page ?? firstPageShown(scroller, layout));
  const layer = await textLayerOf(scroller, page);
  if (!layer) return;
  const list = sentences((await pdf.texts.text(page)).text);
  const current = onPage && selected ? selectionOffsets(layer, selected) : undefined;
  let target = current
    ? stepSentence(list, current, direction, extend)
    : found
      ? sentenceAt(list, found, direction)
      : firstShownSentence(layer, scroller.getBoundingClientRect().top, list);
  let targetLayer = layer;
  if (!target && !extend) {
    page += direction;
    if (page < 0 || page >= count) return;
    goTo({ page, offset: direction > 0 ? 0 : 0.5 });
    const other = await textLayerOf(scroller, page);
    if (!other) return;
    targetLayer = other;
    target = stepSentence(sentences((await pdf.texts.text(page)).text), undefined, direction, false);
  }
  const range = target && rangeFor(targetLayer, target.start, target.end);
  if (!range || !selection) return;
  selection.removeAllRanges();
  selection.addRange(range);
  // Keep the passage in view, a third down the screen when it has to move.
  const box = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (box.top < view.top + 8 || box.bottom > view.bottom - 8)
    scroller.scrollBy({ top: box.top - view.top - view.height / 3 });
}

/** The element a DOM position lies in (a text node's parent). */
export function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

/** `found` when its page is drawn and the match lies within the scrolled view, else undefined. */
function foundOnScreen(scroller: HTMLElement, found: Hit | undefined): Hit | undefined {
  if (!found) return undefined;
  const layer = scroller.querySelector<HTMLElement>(`.pdf-page[data-page="${found.page + 1}"] .textLayer`);
  if (!layer) return undefined;
  const page = layer.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  const box = boxesFor(layer, page, found.start, found.end)[0];
  if (!box) return undefined;
  const top = page.top + box.top;
  return top >= view.top && top < view.bottom ? found : undefined;
}

/** The sentence the match at `at` is in, or the first after it (with -1, the last before it). */
function sentenceAt(list: readonly TextRange[], at: TextRange, direction: 1 | -1): TextRange | undefined {
  return direction > 0
    ? (list.find((s) => s.end > at.start) ?? list.at(-1))
    : (list.findLast((s) => s.start <= at.start) ?? list[0]);
}

/** The first page whose box reaches below the top of the scrolled view. */
function firstPageShown(scroller: HTMLElement, layout: Layout): number {
  const top = scroller.scrollTop;
  const index = layout.tops.findIndex((t, i) => t + layout.heights[i]! > top + 4);
  return Math.max(0, index);
}

/** A page's text layer once it is made (it is drawn when it comes near the screen): waits up to 3 s. */
async function textLayerOf(scroller: HTMLElement, page: number): Promise<HTMLElement | undefined> {
  for (let waited = 0; waited < 3000; waited += 50) {
    const layer = scroller.querySelector<HTMLElement>(`.pdf-page[data-page="${page + 1}"] .textLayer`);
    if (layer?.querySelector('span[data-start]')) return layer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

/** The first sentence of the page whose first character is below `top` (the view's top), or the page's first. */
function firstShownSentence(layer: HTMLElement, top: number, list: readonly TextRange[]): TextRange | undefined {
  const page = layer.getBoundingClientRect();
  const shown = list.find((sentence) => {
    const box = boxesFor(layer, page, sentence.start, sentence.start + 1)[0];
    return box !== undefined && page.top + box.top >= top;
  });
  return shown ?? list[0];
}
