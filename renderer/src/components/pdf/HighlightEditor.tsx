import { useState } from 'react';
import type { Annotation } from '../../store/types';
import { ColorSwatches, PopoverQuote, usePopover } from '../popover-parts';
import { readableQuote } from '../../pdf/page-text';

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
  const { ref: box, left, top } = usePopover<HTMLDivElement>(x, y + 2, 190, onClose);
  const save = () => comment !== annotation.comment && onUpdate({ comment });
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
      <PopoverQuote quote={readableQuote(annotation)} />
      <ColorSwatches color={annotation.color} onPick={(color) => onUpdate({ color })} />
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
            // Not also a press of whatever takes the focus next (the sidebar's entry would open this again).
            e.preventDefault();
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
