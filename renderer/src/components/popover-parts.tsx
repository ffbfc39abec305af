import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Annotation } from '../store/types';

export const COLORS: Annotation['color'][] = ['yellow', 'green', 'blue', 'pink', 'purple'];

/**
 * What each highlight colour is called, on its swatch and beside each highlight: with the line drawn under
 * it (none, solid, dotted, dashed, double; a11y.css), colour is never the only way to tell them apart.
 */
export const COLOR_NAME: Record<Annotation['color'], string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/**
 * A popover beside a point of the page (a selection's end, a clicked highlight): its element, closed by a
 * click outside it, and its place, kept inside the window.
 */
export function usePopover<E extends HTMLElement>(
  x: number,
  y: number,
  height: number,
  onClose: () => void,
): { ref: RefObject<E | null>; left: number; top: number } {
  const ref = useRef<E>(null);
  useEffect(() => {
    function onDown(event: MouseEvent) {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    }
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);
  // Kept inside the window by its real height once drawn (a long quote or larger targets make it taller
  // than `height`, the first guess), so its buttons are never below the window's edge.
  const [drawn, setDrawn] = useState<number>();
  useLayoutEffect(() => {
    const h = ref.current?.offsetHeight;
    if (h && h !== drawn) setDrawn(h);
  }, [drawn]);
  const left = Math.min(Math.max(12, x - 150), window.innerWidth - 312);
  const top = Math.max(12, Math.min(y + 8, window.innerHeight - (drawn ?? height) - 12));
  return { ref, left, top };
}

/** The highlighted words, shortened to 90 characters. */
export function PopoverQuote({ quote }: { quote: string }) {
  return <p className="popover-quote">“{quote.length > 90 ? `${quote.slice(0, 87)}…` : quote}”</p>;
}

/** The five highlight colours as one radio group, the chosen one named beside it. */
export function ColorSwatches({
  color,
  onPick,
}: {
  color: Annotation['color'];
  onPick: (color: Annotation['color']) => void;
}) {
  return (
    <div className="swatches" role="radiogroup" aria-label="Colour">
      {COLORS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={color === c}
          aria-label={COLOR_NAME[c]}
          title={COLOR_NAME[c]}
          className={`swatch hl-${c}${color === c ? ' active' : ''}`}
          onClick={() => onPick(c)}
        />
      ))}
      <span className="swatch-name" aria-hidden="true">
        {COLOR_NAME[color]}
      </span>
    </div>
  );
}
