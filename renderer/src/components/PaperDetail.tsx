import { STATUS_LABEL, formatDate, viewTitle } from '../labels';
import { actionTitle } from '../shortcuts';
import { memo, useDeferredValue, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApp } from '../store';
import { AnnotationList } from './AnnotationList';
import type { NewHighlight } from './HighlightPopover';
import { HighlightableText } from './HighlightableText';
import { MoreLikeThis, WhyHere } from './Insight';
import { NoteEditor } from './NoteEditor';
import { PaperEditor } from './PaperEditor';
import { PaperLinks } from './PaperLinks';
import { PaperTags } from './PaperTags';
import { PaperAttachments } from './pdf/Attachments';
import { Untitled } from './Untitled';
import { focusIfCovering } from './one-column-focus';
import { forgetPaneFocus, rememberPaneFocus, restorePaneFocus } from './pane-focus';
import type { Paper, Status } from '../store/types';
import './paper-detail.css';

const STATUSES: Status[] = ['inbox', 'queued', 'reading', 'read', 'dismissed'];

/**
 * The detail pane of the paper the cursor is on, once its details have come. It is drawn in a render React may
 * interrupt (useDeferredValue): a paper's details arrive as the next keys come (a key that keeps a paper asks for
 * the next one's), and a key pressed while the pane was drawn waited for it, the longest on the page's first
 * presses. Until the new paper's details come, the pane goes on showing the paper before; it used to empty in
 * between, a blank flash on every key and one more drawing of the pane in each key's frames. While keys keep
 * coming, the pane can show a paper the cursor has left: its buttons act on the paper it shows.
 */
export function PaperDetail() {
  // The details last come are the paper before's until the cursor's come (selection-slice.ts, loadDetail).
  const paper = useApp((s) => s.detail);
  const shown = useDeferredValue(paper);
  // Closed: the focus a pane had as it went is no one's (a pane keeps it only for the one that replaces it).
  // A passive effect's cleanup, run after the pane's own (rememberPaneFocus).
  useEffect(() => forgetPaneFocus, []);
  // A pane of its own for each paper (its scroll at the top, its forms and note closed), as before.
  return shown ? <PaperPane key={shown.id} paper={shown} /> : null;
}

/**
 * The status group's keys, as a radio group in a toolbar has them (WAI-ARIA APG): Tab stops at the paper's status
 * only, the arrows (Home, End) move the focus to another status, and Space or Enter sets it. The arrows do not
 * set a status on their way: each would be written to the library, and ← from Inbox would dismiss the paper.
 * Kept from the list's keys, for which ↑ and ↓ move to another paper.
 */
function moveAmongRadios(event: React.KeyboardEvent<HTMLElement>) {
  const radios = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')];
  const at = radios.indexOf(event.target as HTMLElement);
  if (at < 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const to = (
    {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: radios.length - 1,
    } as Record<string, number>
  )[event.key];
  if (to === undefined) return;
  event.preventDefault();
  event.stopPropagation();
  radios[(to + radios.length) % radios.length]!.focus();
}

const PaperPane = memo(function PaperPane({ paper }: { paper: Paper }) {
  const setStatus = useApp((s) => s.setStatus);
  const select = useApp((s) => s.select);
  const addAnnotation = useApp((s) => s.addAnnotation);
  const updateAnnotation = useApp((s) => s.updateAnnotation);
  const removeAnnotation = useApp((s) => s.removeAnnotation);
  const openAttachment = useApp((s) => s.openAttachment);
  const attachFiles = useApp((s) => s.attachFiles);
  const [activeId, setActiveId] = useState<string | undefined>();
  // Below 720 pixels the pane is the window's one view: it takes the focus the list under it had.
  const pane = useRef<HTMLElement>(null);
  useEffect(() => {
    // The focus on the pane before, which the cursor left for this one, goes to the same control here.
    if (pane.current && !restorePaneFocus(pane.current)) focusIfCovering(pane.current);
  }, []);
  useLayoutEffect(() => {
    const node = pane.current;
    // Run before the pane is taken out of the page, while the focus is still in it.
    return () => {
      if (node) rememberPaneFocus(node);
    };
  }, []);
  const [editingId, setEditingId] = useState<string | undefined>();
  const editing = editingId === paper.id;
  // The form closed (Escape, Cancel, saved) with the focus in it: the focus goes back to the button that opened
  // it, not to the page's top.
  const editButton = useRef<HTMLButtonElement>(null);
  const closeEditor = () => {
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('.paper-editor')) editButton.current?.focus();
    setEditingId(undefined);
  };
  const hasPdf = (paper.attachments?.length ?? 0) > 0;
  const activate = (annotationId: string) => {
    setActiveId(annotationId);
    document
      .querySelector(`mark[data-annotation="${annotationId}"]`)
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const highlightProps = {
    annotations: paper.annotations,
    activeId,
    onActivate: activate,
    onHighlight: (h: NewHighlight) => addAnnotation(paper.id, h),
  };
  return (
    <aside
      ref={pane}
      className="detail"
      aria-label="Paper"
      // PDFs dropped anywhere on the pane are attached to this paper; other files go on to the window's import.
      onDragOver={(e) => {
        if (onlyPdfs(e.dataTransfer)) {
          e.preventDefault();
          e.stopPropagation();
        }
      }}
      onDrop={(e) => {
        if (!onlyPdfs(e.dataTransfer)) return;
        e.preventDefault();
        e.stopPropagation();
        void attachFiles(paper.id, [...e.dataTransfer.files]);
      }}
    >
      <OutsideList id={paper.id} />
      <div className="detail-head">
        {/* On a narrow window the pane is a view of its own, over the list: the way back (paper-detail.css). */}
        <button type="button" className="button ghost detail-back" onClick={() => select(undefined)}>
          ← Papers
        </button>
        <button type="button" className="button ghost close" onClick={() => select(undefined)} aria-label="Close (Esc)">
          ✕
        </button>
        {paper.title ? (
          <HighlightableText as="h2" className="detail-title" text={paper.title} target="title" {...highlightProps} />
        ) : (
          <h2 className="detail-title">
            <Untitled />
          </h2>
        )}
        {paper.authors.length > 0 && <Authors key={paper.id} authors={paper.authors} />}
        <p className="detail-meta">
          {/* Where it appeared first, as a reference gives it: the venue, then its year. */}
          {paper.venue && (
            <>
              <cite className="detail-venue">{paper.venue}</cite>
              {paper.year ? `, ${paper.year}` : ''}
              {' · '}
            </>
          )}
          {/* Without a venue, the year says what it is: not a bare number among the library's own details. */}
          {paper.year && !paper.venue ? `Published ${paper.year} · ` : ''}
          {paper.source.name} · added {formatDate(paper.createdAt)}
          {paper.citationKey ? ` · key ${paper.citationKey}` : ''}
          {' · '}
          <button
            ref={editButton}
            type="button"
            className="linkish"
            aria-expanded={editing}
            onClick={() => setEditingId(editing ? undefined : paper.id)}
          >
            Edit details
          </button>
        </p>
        <PaperLinks paper={paper} />
        {/* Keyed by paper: a tag half typed for one paper is not added to the next. */}
        <PaperTags key={`tags-${paper.id}`} id={paper.id} tags={paper.tags} />
        <div className="segmented" role="radiogroup" aria-label="Status" onKeyDown={moveAmongRadios}>
          {STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              role="radio"
              aria-checked={paper.status === status}
              // One stop for Tab, the paper's status; the arrows go to the others (moveAmongRadios).
              tabIndex={paper.status === status ? 0 : -1}
              className={paper.status === status ? 'segment active' : 'segment'}
              title={actionTitle(status)}
              // The paper stays open (and on screen, dimmed) even when it leaves the view.
              onClick={() => void setStatus([paper.id], status, { keepOpen: true })}
            >
              {STATUS_LABEL[status]}
            </button>
          ))}
        </div>
      </div>
      <div className="detail-body">
        {editing && <PaperEditor key={`edit-${paper.id}`} paper={paper} onDone={closeEditor} />}
        {hasPdf && <PaperAttachments key={`pdf-${paper.id}`} paper={paper} />}
        <WhyHere id={paper.id} />
        <h3>Abstract</h3>
        {paper.abstract ? (
          <HighlightableText
            as="p"
            className="abstract"
            text={paper.abstract}
            target="abstract"
            keyboard={{ label: 'Abstract' }}
            {...highlightProps}
          />
        ) : (
          <p className="abstract muted">No abstract.</p>
        )}
        <AnnotationList
          annotations={paper.annotations}
          activeId={activeId}
          onActivate={activate}
          onUpdate={(annotationId, change) => void updateAnnotation(paper.id, annotationId, change)}
          onRemove={(annotationId) => void removeAnnotation(paper.id, annotationId)}
          onOpenPdf={(a) => a.attachment && openAttachment(paper.id, a.attachment, { annotationId: a.id })}
        />
        <NoteEditor key={paper.id} paperId={paper.id} savedNote={paper.note} savedAt={paper.updatedAt} />
        {/* No PDF yet: the abstract comes first, the place to attach one after the note. */}
        {!hasPdf && <PaperAttachments key={`pdf-${paper.id}`} paper={paper} />}
        <MoreLikeThis id={paper.id} version={`${paper.title}\n${paper.abstract}`} />
      </div>
    </aside>
  );
});

/**
 * Said plainly when the list does not hold the open paper (a search that leaves it out, a paper opened from
 * "More like this" that is in another view): the pane stays, with the place the reader was at and any draft,
 * and offers the way back to a list that holds it, or to close it. The live region is always there, so the
 * words are read out when they come.
 */
function OutsideList({ id }: { id: string }) {
  const outside = useApp((s) => s.outside === id);
  const search = useApp((s) => s.search.trim());
  const where = useApp((s) => viewTitle(s.view));
  const setSearch = useApp((s) => s.setSearch);
  const select = useApp((s) => s.select);
  return (
    <div className={outside ? 'detail-outside' : undefined} role="status">
      {outside && (
        <>
          <p>
            <strong>Not in this list’s results.</strong>{' '}
            {search ? `The search “${search}” in ${where} leaves it out.` : `It is not in ${where}.`}
          </p>
          <p className="detail-outside-actions">
            {search && (
              <button type="button" className="button" onClick={() => setSearch('')}>
                Clear the search
              </button>
            )}
            <button type="button" className="button ghost" onClick={() => select(undefined)}>
              Close the paper
            </button>
          </p>
        </>
      )}
    </div>
  );
}

const AUTHORS_SHOWN = 12;

/** A consortium paper has thousands of authors: show the first few and the count. */
function Authors({ authors }: { authors: string[] }) {
  const [all, setAll] = useState(false);
  const hidden = authors.length - AUTHORS_SHOWN;
  return (
    <p className="detail-authors">
      {all || hidden <= 0 ? authors.join(', ') : `${authors.slice(0, AUTHORS_SHOWN).join(', ')}`}
      {hidden > 0 && (
        <button type="button" className="linkish authors-more" onClick={() => setAll(!all)}>
          {all ? 'show fewer' : `and ${hidden.toLocaleString()} more`}
        </button>
      )}
    </p>
  );
}

/** Whether a drag carries files that are all PDFs (their types are known while dragging, their names not). */
function onlyPdfs(data: DataTransfer): boolean {
  const files = [...data.items].filter((item) => item.kind === 'file');
  return files.length > 0 && files.every((item) => item.type === 'application/pdf');
}
