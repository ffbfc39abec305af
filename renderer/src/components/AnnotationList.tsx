import { Suspense, useState } from 'react';
import { plainText } from '../../../electron/core/shared/plain-text';
import type { Annotation } from '../store/types';
import { COLORS, COLOR_NAME } from './popover-parts';
import { readableQuote } from '../pdf/page-text';
import { TexText } from './TexText';
// As in the note: the markdown renderer is its own chunk, loaded when a comment is first drawn.
import { LazyMarkdown as Markdown } from './LazyMarkdown';

type Props = {
  annotations: Annotation[];
  activeId: string | undefined;
  onActivate: (id: string) => void;
  onUpdate: (id: string, change: { color?: Annotation['color']; comment?: string }) => void;
  onRemove: (id: string) => void;
  /** A highlight in a PDF: open the reader at it. */
  onOpenPdf: (annotation: Annotation) => void;
};

/**
 * Every highlight of the paper: click one to find it in the text (or in the PDF, at its page); edit its
 * comment or colour; remove it. PDF highlights come after the title's and abstract's, in page order.
 */
export function AnnotationList({ annotations, activeId, onActivate, onUpdate, onRemove, onOpenPdf }: Props) {
  if (annotations.length === 0) return null;
  return (
    <section className="annotations" aria-label="Highlights">
      <h3>Highlights</h3>
      <ul>
        {inReadingOrder(annotations).map((a) => (
          <AnnotationItem
            key={a.id}
            annotation={a}
            active={a.id === activeId}
            onActivate={onActivate}
            onUpdate={onUpdate}
            onRemove={onRemove}
            onOpenPdf={onOpenPdf}
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
  onOpenPdf,
}: { annotation: Annotation; active: boolean } & Omit<Props, 'annotations' | 'activeId'>) {
  const [comment, setComment] = useState(a.comment);
  // A comment is shown as a note is (markdown and math, no raw HTML); its box opens on Edit comment, or at once
  // for a highlight without one.
  const [editing, setEditing] = useState(false);
  const inPdf = a.target === 'pdf';
  const where = inPdf ? `page ${(a.page ?? 0) + 1}` : a.target;
  // A PDF's passage is text as the page reads it; a title's or abstract's keeps its $…$ math, drawn as the text
  // above draws it, and named in Unicode (“model p_θ(Y|X)”), never as the TeX that is stored.
  const quote = readableQuote(a);
  return (
    <li className={`annotation hl-${a.color}${active ? ' active' : ''}`} data-annotation={a.id}>
      <button
        type="button"
        className="annotation-quote"
        onClick={() => (inPdf ? onOpenPdf(a) : onActivate(a.id))}
        title={inPdf ? 'Open the PDF here' : 'Show in the text'}
        // Heard as "Green highlight in the abstract: “…”. Comment: …", the comment with its passage.
        aria-label={`${COLOR_NAME[a.color]} highlight in the ${where}: “${inPdf ? quote : plainText(quote)}”${a.comment.trim() ? `. Comment: ${a.comment.trim()}` : ''}`}
      >
        <span className="annotation-colour">{COLOR_NAME[a.color]}</span>
        {inPdf && <span className="annotation-page">p. {(a.page ?? 0) + 1}</span>}“
        {inPdf ? quote : <TexText text={quote} />}”
      </button>
      {comment.trim() && !editing ? (
        <div className="annotation-comment-text" onDoubleClick={() => setEditing(true)}>
          <Suspense fallback={<div className="markdown">{comment}</div>}>
            <Markdown text={comment} />
          </Suspense>
        </div>
      ) : (
        <input
          className="annotation-comment"
          aria-label="Comment on this highlight"
          placeholder="Add a comment"
          value={comment}
          // Opened by Edit comment: the focus goes into it.
          autoFocus={editing}
          onChange={(e) => setComment(e.target.value)}
          onBlur={() => {
            setEditing(false);
            if (comment !== a.comment) onUpdate(a.id, { comment });
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      )}
      <div className="annotation-tools">
        {COLORS.map((c) => (
          <button
            key={c}
            type="button"
            aria-label={`Colour ${COLOR_NAME[c]}`}
            title={COLOR_NAME[c]}
            aria-pressed={a.color === c}
            className={`swatch small hl-${c}${a.color === c ? ' active' : ''}`}
            onClick={() => onUpdate(a.id, { color: c })}
          />
        ))}
        {comment.trim() && !editing && (
          <button type="button" className="button small ghost" onClick={() => setEditing(true)}>
            Edit comment
          </button>
        )}
        <button type="button" className="button small ghost" onClick={() => onRemove(a.id)}>
          Remove
        </button>
      </div>
    </li>
  );
}

/** The title's and abstract's highlights as they were made, then the PDF's by page and place on the page. */
function inReadingOrder(annotations: Annotation[]): Annotation[] {
  const text = annotations.filter((a) => a.target !== 'pdf');
  const pdf = annotations
    .filter((a) => a.target === 'pdf')
    .sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.start - b.start);
  return pdf.length ? [...text, ...pdf] : annotations;
}
