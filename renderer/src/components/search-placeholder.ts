import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The search box's placeholders, longest first: each names the key that reaches the box and as much of the
 * search syntax as the box has room for. The whole syntax is always in the box's tooltip and accessible
 * description (its title), and behind the "?" button beside it.
 */
export const SEARCH_PLACEHOLDERS = [
  'Search ( / ): words, "a phrase", author:name, #tag, -word',
  'Search ( / ): "a phrase", author:name, #tag, -word',
  'Search ( / ): "phrase", author:, #tag, -word',
  'Search ( / ): "phrase", #tag, -word',
  'Search ( / )',
  'Search',
] as const;

/** The longest placeholder whose text fits in `room` pixels, as `measure` draws it; the shortest if none does. */
export function fittingPlaceholder(
  room: number,
  measure: (text: string) => number,
  placeholders: readonly string[] = SEARCH_PLACEHOLDERS,
): string {
  return placeholders.find((text) => measure(text) <= room) ?? placeholders[placeholders.length - 1]!;
}

/**
 * The placeholder that fits the box as it is drawn now, chosen again when its width changes (a narrower
 * window, the details pane opened): a cut placeholder ("Search titles, authors,") loses its point. Its cost
 * is a ResizeObserver on the one box and a few text measures when it resizes; nothing per paper.
 */
export function useFittingPlaceholder(input: RefObject<HTMLInputElement | null>): string {
  const [placeholder, setPlaceholder] = useState<string>(SEARCH_PLACEHOLDERS[0]);
  useLayoutEffect(() => {
    const box = input.current;
    // No canvas to measure with (jsdom): the longest, as before.
    if (!box || typeof ResizeObserver === 'undefined' || typeof OffscreenCanvas === 'undefined') return;
    const context = new OffscreenCanvas(1, 1).getContext('2d');
    if (!context) return;
    const fit = () => {
      const style = getComputedStyle(box);
      if (box.clientWidth === 0) return;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // The box's content width, less a pixel or two of rounding.
      const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2;
      setPlaceholder(fittingPlaceholder(room, (text) => context.measureText(text).width));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    // A web font that arrives after the first measure draws the text at another width.
    void document.fonts?.ready.then(fit);
    return () => observer.disconnect();
  }, [input]);
  return placeholder;
}
