import { Suspense, useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { Annotation } from '../../store/types';
import { readableQuote } from '../../pdf/page-text';
// As in the details pane: the markdown renderer is its own chunk, loaded when a comment is first drawn.
import { LazyMarkdown as Markdown } from '../LazyMarkdown';

type Props = {
  annotation: Annotation;
  active: boolean;
  /** The entry was chosen: `opener` is its button, where the focus returns. */
  onHighlight: (annotation: Annotation, opener: HTMLElement) => void;
};

/**
 * One highlight in the reader's list: a button (its page and passage) that goes to it, and under it the
 * comment drawn as the details pane draws it (markdown and math, no raw HTML, only web and mail links). A
 * button holds no paragraphs, lists or links, so the comment is beside it, not in it; the button is still
 * named with it ("… Comment: …", read from what is drawn, so no `**` or `$`), and a click on the comment's
 * text goes to the highlight too. A long comment is cut at a few lines, with a button to read it all.
 */
export function HighlightEntry({ annotation: a, active, onHighlight }: Props) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const page = (a.page ?? 0) + 1;
  const quote = readableQuote(a);
  const comment = a.comment.trim();
  const open = () => button.current && onHighlight(a, button.current);
  return (
    <li className={`pdf-hl-entry hl-${a.color}${active ? ' active' : ''}`}>
      <button
        ref={button}
        id={`${id}entry`}
        type="button"
        className="pdf-hl-item"
        aria-label={`Page ${page}, ${a.color} highlight: “${quote}”${comment ? '.' : ''}`}
        // The name is the label above, then the comment as drawn (its own text, links' and math's).
        aria-labelledby={comment ? `${id}entry ${id}lead ${id}comment` : undefined}
        onClick={open}
      >
        <span className="pdf-hl-page">p. {page}</span>
        <span className="pdf-hl-quote">“{clipped(quote)}”</span>
      </button>
      {comment && (
        <>
          <span id={`${id}lead`} hidden>
            Comment:
          </span>
          <Comment id={`${id}comment`} text={comment} onOpen={open} />
        </>
      )}
    </li>
  );
}

/** A comment drawn, cut at a few lines when longer, with "Show the whole comment" then. */
function Comment({ id, text, onOpen }: { id: string; text: string; onOpen: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [whole, setWhole] = useState(false);
  const [long, setLong] = useState(false);

  // Whether the drawn comment is taller than its cut: measured as it is drawn (the markdown, then KaTeX, come
  // later than the text) and when the panel's width changes. While it is shown whole, it stays "long".
  useLayoutEffect(() => {
    const outer = box.current;
    const inner = content.current;
    if (whole || !outer || !inner || typeof ResizeObserver === 'undefined') return;
    const measure = () => setLong(inner.offsetHeight > outer.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(inner);
    return () => observer.disconnect();
  }, [whole]);

  const click = (event: MouseEvent<HTMLDivElement>) => {
    // A link opens itself; a selection made in the comment is for copying.
    if ((event.target as Element).closest('a') || window.getSelection()?.toString()) return;
    onOpen();
  };

  return (
    <div className="pdf-hl-comment">
      <div
        ref={box}
        id={id}
        className={`pdf-hl-comment-text${whole ? '' : ' cut'}${long && !whole ? ' long' : ''}`}
        onClick={click}
        // A link in the cut-off part reached by Tab: the comment opens, so that what has the focus is seen.
        onFocus={() => long && setWhole(true)}
      >
        <div ref={content}>
          <Suspense fallback={<div className="markdown">{text}</div>}>
            <Markdown text={text} />
          </Suspense>
        </div>
      </div>
      {long && (
        <button
          type="button"
          className="pdf-hl-more"
          aria-expanded={whole}
          aria-controls={id}
          onClick={() => setWhole(!whole)}
        >
          {whole ? 'Show less of the comment' : 'Show the whole comment'}
        </button>
      )}
    </div>
  );
}

/** A passage as the list of highlights shows it: at most 140 characters. */
function clipped(quote: string): string {
  return quote.length > 140 ? `${quote.slice(0, 137)}…` : quote;
}
