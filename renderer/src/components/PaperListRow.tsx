import { memo, useEffect, useRef, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { STATUS_LABEL, formatDate, rowLabel, shortAuthors } from '../labels';
import { actionTitle } from '../shortcuts';
import { useApp, useAppStore } from '../store';
import type { PaperRow, Ranking, Status } from '../store/types';
import { MarkedText, PdfMarker } from './row-parts';
import { TexText } from './TexText';
import { UNTITLED, Untitled } from './Untitled';

/** Where a search matched, said before its passage. */
const FIELD_LABEL = { abstract: 'Abstract', note: 'Note', highlight: 'Highlight', authors: 'Authors', tags: 'Tags' };

/** The drag's data type: the ids of the rows being moved, as JSON. */
export const DRAG_TYPE = 'application/x-paperqueue-ids';

export type DragHandlers = {
  start: (event: DragEvent, id: string) => void;
  over: (event: DragEvent, id: string) => void;
  drop: (event: DragEvent, id: string) => void;
  end: () => void;
};

export type PdfDropHandlers = {
  over: (event: DragEvent, id: string) => void;
  leave: (event: DragEvent, id: string) => void;
  drop: (event: DragEvent, id: string) => void;
};

type RowProps = {
  paper: PaperRow;
  /** The row's place in the list, from 1 (for assistive technology). */
  position: number;
  selected: boolean;
  /** The row Tab stops at in the list: the selected one, or the first. */
  tabbable: boolean;
  checked: boolean;
  dropBefore: boolean;
  drag: DragHandlers | undefined;
  pdfDrop: PdfDropHandlers;
  /** A PDF dragged over the row would be attached to its paper. */
  pdfOver: boolean;
  showStatus: boolean;
  /** Left this view from the detail pane; shown, dimmed, until the selection moves on. */
  leaving: boolean;
  /** Under "For you": the paper's score and the reason for its place. */
  ranked: Ranking['items'][number] | undefined;
  top: number;
  height: number;
  /** Two lines of the abstract under the title, or where a search matched. */
  withPreview: boolean;
};

/** One paper of the list: its title, a preview, its markers and the quick status actions. */
export const PaperListRow = memo(function PaperListRow({
  paper,
  position,
  selected,
  tabbable,
  checked,
  dropBefore,
  drag,
  pdfDrop,
  pdfOver,
  showStatus,
  leaving,
  ranked,
  top,
  height,
  withPreview,
}: RowProps) {
  const select = useApp((s) => s.select);
  const toggleChecked = useApp((s) => s.toggleChecked);
  const checkRange = useApp((s) => s.checkRange);
  const setStatus = useApp((s) => s.setStatus);
  const act = (status: Status) => (event: MouseEvent) => {
    event.stopPropagation();
    void setStatus([paper.id], status);
  };
  const openReader = useApp((s) => s.openReader);
  const store = useAppStore();
  const element = useRef<HTMLDivElement>(null);
  // The selection moved (a key, a click): the selected row takes the focus, so a screen reader says which
  // paper it is, unless the focus is somewhere else the person is working (a note, the search box).
  useEffect(() => {
    const row = element.current;
    if (!selected || !row) return;
    const now = document.activeElement;
    if (now === null || now === document.body || row.closest('[role="grid"]')?.contains(now))
      row.focus({ preventScroll: true });
  }, [selected]);
  // Only the selected row's buttons are Tab stops; the others' are a click (or a key: q, r, d) away.
  const tab = selected ? 0 : -1;
  const authors = shortAuthors(paper.authors, paper.authorCount);
  const passage = paper.match?.passage;
  const inPdf = paper.pdfMatch;
  // "in the PDF, p. 7": the reader opens at that page with the search's words found and marked there.
  const whereInPdf = inPdf && {
    onClick(event: MouseEvent) {
      event.stopPropagation();
      select(paper.id);
      openReader(paper.id, { page: inPdf.page, find: store.getState().search.trim() });
    },
    // Enter and Space are the button's: the list's keys (Enter selects the first row) do not see them.
    onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
    },
    title: 'Open the PDF at this page, with the words found',
  };
  return (
    <div
      ref={element}
      role="row"
      aria-selected={selected || checked}
      aria-rowindex={position}
      aria-label={rowLabel(paper)}
      tabIndex={tabbable ? 0 : -1}
      data-id={paper.id}
      title={ranked?.reason}
      className={[
        'row',
        selected && 'selected',
        checked && 'checked',
        dropBefore && 'drop-before',
        ranked?.rule === 'dim' && 'dimmed',
        leaving && 'leaving',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{
        transform: `translateY(${top}px)`,
        height,
        ...(pdfOver && { outline: '2px dashed var(--accent)', outlineOffset: -3 }),
      }}
      draggable={drag !== undefined}
      onDragStart={drag && ((e) => drag.start(e, paper.id))}
      onDragOver={(e) => {
        pdfDrop.over(e, paper.id);
        drag?.over(e, paper.id);
      }}
      onDragLeave={(e) => pdfDrop.leave(e, paper.id)}
      onDrop={(e) => {
        pdfDrop.drop(e, paper.id);
        if (e.dataTransfer.types.includes(DRAG_TYPE)) drag?.drop(e, paper.id);
      }}
      onDragEnd={drag?.end}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey) toggleChecked(paper.id);
        else if (e.shiftKey) checkRange(paper.id);
        else select(paper.id);
      }}
    >
      <div className="row-main" role="gridcell">
        <div className="row-title" title={paper.title || UNTITLED}>
          {paper.title ? (
            <TexText text={paper.title} marks={paper.match?.titleMarks} />
          ) : (
            <>
              <Untitled />
              {paper.year !== undefined && <span className="muted"> ({paper.year})</span>}
            </>
          )}
        </div>
        {withPreview &&
          (inPdf ? (
            <div className="row-preview">
              <button type="button" className="row-where linkish" tabIndex={tab} {...whereInPdf}>
                In the PDF, p. {inPdf.page}:
              </button>{' '}
              <MarkedText text={inPdf.snippet.text} marks={inPdf.snippet.marks} />
            </div>
          ) : passage ? (
            <div className="row-preview">
              <span className="row-where">{FIELD_LABEL[passage.field]}:</span>{' '}
              <TexText text={passage.text} marks={passage.marks} />
            </div>
          ) : (
            paper.preview && (
              <div className="row-preview">
                <TexText text={paper.preview} />
              </div>
            )
          ))}
        <div className="row-meta">
          {showStatus && <span className={`pill status-${paper.status}`}>{STATUS_LABEL[paper.status]}</span>}
          {authors && <span>{authors}</span>}
          {authors && <span className="sep" aria-hidden="true" />}
          <span>added {formatDate(paper.createdAt)}</span>
          {inPdf && !withPreview && (
            <button type="button" className="linkish" tabIndex={tab} {...whereInPdf}>
              in the PDF, p. {inPdf.page}
            </button>
          )}
          {paper.pdf && <PdfMarker pdf={paper.pdf} />}
          {ranked?.rule === 'boost' && <span className="marker boosted">boosted</span>}
          {ranked?.rule === 'dim' && <span className="marker">dimmed</span>}
          {paper.hasCode && <span className="marker">code</span>}
          {paper.hasProject && <span className="marker">project page</span>}
          {paper.hasNote && <span className="marker">note</span>}
          {paper.highlights > 0 && (
            <span className="marker">
              {paper.highlights} {paper.highlights === 1 ? 'highlight' : 'highlights'}
            </span>
          )}
          {paper.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </div>
      </div>
      <div className="row-actions" role="gridcell">
        {paper.status !== 'queued' && paper.status !== 'read' && (
          <button
            type="button"
            className="button small"
            tabIndex={tab}
            onClick={act('queued')}
            title={actionTitle('queued')}
          >
            Keep
          </button>
        )}
        {paper.status !== 'read' && (
          <button
            type="button"
            className="button small"
            tabIndex={tab}
            onClick={act('read')}
            title={actionTitle('read')}
          >
            Read
          </button>
        )}
        {paper.status !== 'dismissed' && (
          <button
            type="button"
            className="button small ghost"
            tabIndex={tab}
            onClick={act('dismissed')}
            title={actionTitle('dismissed')}
          >
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
});
