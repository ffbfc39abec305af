import { useLayoutEffect, useState, type RefObject } from 'react';
import { SEARCH_PLACEHOLDERS, placeholderFor } from './search-placeholders';

export { SEARCH_PLACEHOLDERS, fittingPlaceholder } from './search-placeholders';

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
      const fitting = placeholderFor(box, context);
      if (fitting) setPlaceholder(fitting);
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
