import { useState } from 'react';
import type { Annotation } from '../store/types';
import { COLORS } from './HighlightPopover';

type Props = {
  annotations: Annotation[];
  activeId: string | undefined;
  onActivate: (id: string) => void;
  onUpdate: (id: string, change: { color?: Annotation['color']; comment?: string }) => void;
  onRemove: (id: string) => void;
};

/** Every highlight of the paper: click one to find it in the text; edit its comment or colour; remove it. */
export function AnnotationList({ annotations, activeId, onActivate, onUpdate, onRemove }: Props) {
  if (annotations.length === 0) return null;
  return (
    <section className="annotations" aria-label="Highlights">
      <h3>Highlights</h3>
      <ul>
        {annotations.map((a) => (
          <AnnotationItem
            key={a.id}
            annotation={a}
            active={a.id === activeId}
            onActivate={onActivate}
            onUpdate={onUpdate}
            onRemove={onRemove}
          />
        ))}
      </ul>
    </section>
  );
}

function AnnotationItem({
  annotation: a,
  active,
  onActivate,
  onUpdate,
  onRemove,
}: { annotation: Annotation; active: boolean } & Omit<Props, 'annotations' | 'activeId'>) {
  const [comment, setComment] = useState(a.comment);
  return (
    <li className={`annotation hl-${a.color}${active ? ' active' : ''}`} data-annotation={a.id}>
      <button type="button" className="annotation-quote" onClick={() => onActivate(a.id)} title="Show in the text">
        “{a.quote}”
      </button>
      <input
        className="annotation-comment"
        aria-label="Comment on this highlight"
        placeholder="Add a comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        onBlur={() => comment !== a.comment && onUpdate(a.id, { comment })}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
      <div className="annotation-tools">
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            aria-label={`Colour ${c}`}
            className={`swatch small hl-${c}${a.color === c ? ' active' : ''}`}
            onClick={() => onUpdate(a.id, { color: c })}
          />
        ))}
        <button type="button" className="button small ghost" onClick={() => onRemove(a.id)}>
          Remove
        </button>
      </div>
    </li>
  );
}
