import { useEffect, useRef, useState } from 'react';
import type { Annotation, AnnotationTarget } from '../store/types';

export type NewHighlight = {
  target: Exclude<AnnotationTarget, 'pdf'>;
  start: number;
  end: number;
  quote: string;
  color: Annotation['color'];
  comment: string;
};

export const COLORS: Annotation['color'][] = ['yellow', 'green', 'blue', 'pink', 'purple'];

type Props = {
  x: number;
  y: number;
  quote: string;
  onSave: (color: Annotation['color'], comment: string) => Promise<void>;
  onCancel: () => void;
};

/** Colour and comment for a new highlight, next to the selected text. Enter saves, Escape cancels. */
export function HighlightPopover({ x, y, quote, onSave, onCancel }: Props) {
  const [color, setColor] = useState<Annotation['color']>('yellow');
  const [comment, setComment] = useState('');
  const box = useRef<HTMLFormElement>(null);

  useEffect(() => {
    function onDown(event: MouseEvent) {
      if (box.current && !box.current.contains(event.target as Node)) onCancel();
    }
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onCancel]);

  const left = Math.min(Math.max(12, x - 150), window.innerWidth - 312);
  const top = Math.max(12, Math.min(y + 8, window.innerHeight - 170));
  return (
    <form
      ref={box}
      className="popover"
      role="dialog"
      aria-label="New highlight"
      style={{ left, top }}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(color, comment);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p className="popover-quote">“{quote.length > 90 ? `${quote.slice(0, 87)}…` : quote}”</p>
      <div className="swatches" role="radiogroup" aria-label="Colour">
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={color === c}
            aria-label={c}
            className={`swatch hl-${c}${color === c ? ' active' : ''}`}
            onClick={() => setColor(c)}
          />
        ))}
      </div>
      <input
        autoFocus
        className="popover-comment"
        aria-label="Comment"
        placeholder="Comment (optional)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="popover-actions">
        <button type="button" className="button small ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button small primary">
          Highlight
        </button>
      </div>
    </form>
  );
}
