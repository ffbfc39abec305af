import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../store/types';
import { COLORS } from '../HighlightPopover';

type Props = {
  annotation: Annotation;
  x: number;
  y: number;
  onUpdate: (change: { color?: Annotation['color']; comment?: string }) => void;
  onRemove: () => void;
  onClose: () => void;
};

/** A highlight clicked in the PDF: its comment (edited in place), its colour, and removing it. */
export function HighlightEditor({ annotation, x, y, onUpdate, onRemove, onClose }: Props) {
  const [comment, setComment] = useState(annotation.comment);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    function onDown(event: MouseEvent) {
      if (box.current && !box.current.contains(event.target as Node)) onClose();
    }
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);
  const save = () => comment !== annotation.comment && onUpdate({ comment });
  const left = Math.min(Math.max(12, x - 150), window.innerWidth - 312);
  const top = Math.max(12, Math.min(y + 10, window.innerHeight - 190));
  return (
    <div
      ref={box}
      className="popover"
      role="dialog"
      aria-label="Highlight"
      style={{ left, top }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          save();
          onClose();
        }
      }}
    >
      <p className="popover-quote">
        “{annotation.quote.length > 90 ? `${annotation.quote.slice(0, 87)}…` : annotation.quote}”
      </p>
      <div className="swatches" role="radiogroup" aria-label="Colour">
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={annotation.color === c}
            aria-label={c}
            className={`swatch hl-${c}${annotation.color === c ? ' active' : ''}`}
            onClick={() => onUpdate({ color: c })}
          />
        ))}
      </div>
      <input
        autoFocus
        className="popover-comment"
        aria-label="Comment"
        placeholder="Add a comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            save();
            onClose();
          }
        }}
      />
      <div className="popover-actions">
        <button type="button" className="button small ghost danger" onClick={onRemove}>
          Delete highlight
        </button>
        <button
          type="button"
          className="button small primary"
          onClick={() => {
            save();
            onClose();
          }}
        >
          Done
        </button>
      </div>
    </div>
  );
}
