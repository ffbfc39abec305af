import { useState } from 'react';
import type { Annotation, AnnotationTarget } from '../store/types';

export type NewHighlight = {
  target: Exclude<AnnotationTarget, 'pdf'>;
  start: number;
  end: number;
  quote: string;
  color: Annotation['color'];
  comment: string;
};

import { mathSpans } from '../anchor';
import { ColorSwatches, PopoverQuote, usePopover } from './popover-parts';
import { TexText } from './TexText';
import { useDialogFocus } from './use-dialog-focus';

type Props = {
  x: number;
  y: number;
  quote: string;
  /** The quote is a title's or abstract's, its $…$ math drawn as the text it was chosen in draws it. */
  math?: boolean;
  onSave: (color: Annotation['color'], comment: string) => Promise<void>;
  onCancel: () => void;
};

/** Colour and comment for a new highlight, next to the selected text. Enter saves, Escape cancels. */
export function HighlightPopover({ x, y, quote, math = false, onSave, onCancel }: Props) {
  const [color, setColor] = useState<Annotation['color']>('yellow');
  const [comment, setComment] = useState('');
  const { ref: box, left, top } = usePopover<HTMLFormElement>(x, y, 170, onCancel);
  // Saved or cancelled, the focus goes back to the text the passage was chosen in (the abstract, a page).
  useDialogFocus(box, true, false);
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
      {math ? (
        <p className="popover-quote">
          “<TexText text={shortened(quote)} />”
        </p>
      ) : (
        <PopoverQuote quote={quote} />
      )}
      <ColorSwatches color={color} onPick={setColor} />
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

/**
 * A quote with math shortened as PopoverQuote shortens words, to about 90 characters, but never in the middle of
 * a formula: before it, or after it when the quote begins with it.
 */
function shortened(quote: string): string {
  if (quote.length <= 90) return quote;
  let cut = 87;
  const formula = mathSpans(quote).find((span) => span.start < cut && span.end > cut);
  if (formula) cut = formula.start > 0 ? formula.start : formula.end;
  return cut < quote.length ? `${quote.slice(0, cut).trimEnd()}…` : quote;
}
