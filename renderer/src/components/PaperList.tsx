import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { STATUS_LABEL, formatDate, shortAuthors, viewTitle } from '../labels';
import { actionTitle } from '../shortcuts';
import { useApp, useAppStore } from '../store';
import { displayedRows, positionOf, type ListRows } from '../store/list-rows';
import { rankedItem } from '../store/list-slice';
import type { PaperRow, Ranking, Status } from '../store/types';
import { useRowWindow } from './row-window';
import { TexText } from './TexText';

/** Every row of a list has one height (the window finds the rows on screen by arithmetic), set by the density. */
const ROW_HEIGHTS = { comfortable: 124, compact: 64 } as const;

/** Where a search matched, said before its passage. */
const FIELD_LABEL = { abstract: 'Abstract', note: 'Note', highlight: 'Highlight', authors: 'Authors', tags: 'Tags' };

/**
 * The list is virtualised: only the rows on screen exist in the DOM, at any library size. Rows come a
 * page at a time as they scroll into view; until then a quiet placeholder holds their place, so the
 * scrollbar is the list's true length from the start.
 */
export function PaperList() {
  const store = useAppStore();
  const listed = useApp((s) => s.papers);
  const lingering = useApp((s) => s.lingering);
  const papers = useMemo(() => displayedRows(listed, lingering), [listed, lingering]);
  const leavingId = papers === listed ? undefined : lingering?.row.id;
  const loading = useApp((s) => s.loading);
  const search = useApp((s) => s.search);
  const selectedId = useApp((s) => s.selectedId);
  const checked = useApp((s) => s.checked);
  const ranking = useApp((s) => s.ranking);
  // In the Inbox every row says Inbox: the pill only helps where statuses mix.
  const showStatus = useApp((s) => s.view.kind !== 'status' || s.view.status === 'all' || s.view.status === 'unread');
  const canReorder = useApp((s) => s.sort === 'queue');
  const reorder = useApp((s) => s.reorder);
  const showRange = useApp((s) => s.showRange);
  const [dropBefore, setDropBefore] = useState<string | undefined>();
  // The row a dragged PDF would be attached to.
  const [pdfOver, setPdfOver] = useState<string | undefined>();
  const attachFiles = useApp((s) => s.attachFiles);
  const density = useApp((s) => s.density);
  const rowHeight = ROW_HEIGHTS[density];
  const { ref, first, last, totalSize, scrollToIndex } = useRowWindow(papers.length, rowHeight, 8);

  // Ask for the pages that scrolled into view (and again when the rows were replaced).
  useEffect(() => showRange(first, last + 1), [first, last, papers, showRange]);

  // After a reload, back to where the list was scrolled, once its rows are there.
  const restoreScroll = useApp((s) => s.restoreScroll);
  const scrollRestored = useApp((s) => s.scrollRestored);
  const rememberScroll = useApp((s) => s.rememberScroll);
  const listElement = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (restoreScroll === undefined || loading || papers.length === 0 || !listElement.current) return;
    listElement.current.scrollTop = restoreScroll;
    scrollRestored();
  }, [restoreScroll, loading, papers.length, scrollRestored]);

  const selectedIndex = useMemo(() => positionOf(papers, selectedId), [papers, selectedId]);
  useEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [selectedIndex, scrollToIndex]);

  const picked = useMemo(() => new Set(checked), [checked]);

  // Stable across renders, so that scrolling redraws only the rows that came into view.
  const drag = useMemo<DragHandlers | undefined>(
    () =>
      canReorder
        ? {
            start(event, id) {
              const { checked: now, papers: rows } = store.getState();
              const ids = now.includes(id) ? inListOrder(now, rows) : [id];
              event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
              event.dataTransfer.effectAllowed = 'move';
            },
            over(event, id) {
              if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
              event.preventDefault();
              setDropBefore(id);
            },
            drop(event, id) {
              event.preventDefault();
              setDropBefore(undefined);
              const ids = JSON.parse(event.dataTransfer.getData(DRAG_TYPE) || '[]') as string[];
              if (ids.length && !ids.includes(id)) void reorder(ids, id);
            },
            end: () => setDropBefore(undefined),
          }
        : undefined,
    [canReorder, reorder, store],
  );

  // A PDF dropped on a row is attached to its paper; any other file goes on to the window (an import).
  const pdfDrop = useMemo<PdfDropHandlers>(
    () => ({
      over(event, id) {
        if (!draggingPdf(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setPdfOver(id);
      },
      leave(event, id) {
        const into = event.relatedTarget;
        if (!(into instanceof Node && event.currentTarget.contains(into)))
          setPdfOver((now) => (now === id ? undefined : now));
      },
      drop(event, id) {
        setPdfOver(undefined);
        const files = [...event.dataTransfer.files].filter(isPdf);
        if (!files.length) return;
        event.preventDefault();
        event.stopPropagation();
        void attachFiles(id, files);
      },
    }),
    [attachFiles],
  );

  if (!loading && papers.length === 0) return <EmptyState searching={search.trim() !== ''} />;

  return (
    <div
      ref={(element) => {
        ref(element);
        listElement.current = element;
      }}
      className={density === 'compact' ? 'list compact' : 'list'}
      role="listbox"
      aria-label="Papers"
      aria-multiselectable="true"
      tabIndex={-1}
      onScroll={(event) => rememberScroll(event.currentTarget.scrollTop)}
    >
      <div className="list-inner" style={{ height: totalSize }}>
        {rangeOf(first, last).map((index) => {
          const paper = papers[index];
          const top = index * rowHeight;
          if (!paper) return <Placeholder key={index} index={index} top={top} height={rowHeight} />;
          const ranked = rankedItem(ranking, paper.id);
          return (
            <PaperRow
              // By paper: a row that moves (one above it left the view) keeps its element and only moves.
              key={paper.id}
              paper={paper}
              position={index + 1}
              count={papers.length}
              selected={paper.id === selectedId}
              checked={picked.has(paper.id)}
              dropBefore={dropBefore === paper.id}
              drag={drag}
              pdfDrop={pdfDrop}
              pdfOver={pdfOver === paper.id}
              showStatus={showStatus || paper.id === leavingId}
              leaving={paper.id === leavingId}
              ranked={ranking?.fallback === false || ranked?.rule ? ranked : undefined}
              top={top}
              height={rowHeight}
              withPreview={density === 'comfortable'}
            />
          );
        })}
      </div>
    </div>
  );
}

function rangeOf(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The picked ids in the list's order; those whose rows have not come follow, as picked. */
function inListOrder(ids: string[], rows: ListRows): string[] {
  const wanted = new Set(ids);
  const ordered = rows.flatMap((row) => (row && wanted.has(row.id) ? [row.id] : []));
  const placed = new Set(ordered);
  return [...ordered, ...ids.filter((id) => !placed.has(id))];
}

/** A row whose page is on its way: the shape of a row, without words. */
const Placeholder = memo(function Placeholder({ index, top, height }: { index: number; top: number; height: number }) {
  // Titles differ in length; so do the placeholders, a little.
  const width = 52 + ((index * 37) % 30);
  return (
    <div className="row placeholder" aria-hidden="true" style={{ transform: `translateY(${top}px)`, height }}>
      <div className="row-main">
        <div className="placeholder-line" style={{ width: `${width}%` }} />
        <div className="placeholder-line short" />
      </div>
    </div>
  );
});

const DRAG_TYPE = 'application/x-paperqueue-ids';

type DragHandlers = {
  start: (event: DragEvent, id: string) => void;
  over: (event: DragEvent, id: string) => void;
  drop: (event: DragEvent, id: string) => void;
  end: () => void;
};

type PdfDropHandlers = {
  over: (event: DragEvent, id: string) => void;
  leave: (event: DragEvent, id: string) => void;
  drop: (event: DragEvent, id: string) => void;
};

const isPdf = (file: File): boolean => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/** While dragging, only the files' types can be read (not their names): a PDF says application/pdf. */
function draggingPdf(event: DragEvent): boolean {
  return [...event.dataTransfer.items].some((item) => item.kind === 'file' && item.type === 'application/pdf');
}

type RowProps = {
  paper: PaperRow;
  /** The row's place in the list, from 1, and the list's length (for assistive technology). */
  position: number;
  count: number;
  selected: boolean;
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

const PaperRow = memo(function PaperRow({
  paper,
  position,
  count,
  selected,
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
      role="option"
      aria-selected={selected || checked}
      aria-posinset={position}
      aria-setsize={count}
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
      <div className="row-main">
        <div className="row-title" title={paper.title}>
          <TexText text={paper.title} marks={paper.match?.titleMarks} />
        </div>
        {withPreview &&
          (inPdf ? (
            <div className="row-preview">
              <button type="button" className="row-where linkish" {...whereInPdf}>
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
            <button type="button" className="linkish" {...whereInPdf}>
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
      <div className="row-actions">
        {paper.status !== 'queued' && paper.status !== 'read' && (
          <button type="button" className="button small" onClick={act('queued')} title={actionTitle('queued')}>
            Keep
          </button>
        )}
        {paper.status !== 'read' && (
          <button type="button" className="button small" onClick={act('read')} title={actionTitle('read')}>
            Read
          </button>
        )}
        {paper.status !== 'dismissed' && (
          <button
            type="button"
            className="button small ghost"
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

/**
 * A PDF's passage with the matched words marked: plain text, since a dollar sign in a PDF's text is a
 * dollar sign (its formulas are already drawn glyphs), not TeX as in a title or abstract.
 */
function MarkedText({ text, marks }: { text: string; marks: readonly (readonly [number, number])[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue;
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The paper has a PDF: how far it has been read ("p. 5 / 14"), or just that it is there. */
function PdfMarker({ pdf }: { pdf: NonNullable<PaperRow['pdf']> }) {
  const { pages, furthest } = pdf;
  if (!furthest) {
    return (
      <span className="marker" title={pages ? `A PDF of ${pages} ${pages === 1 ? 'page' : 'pages'}` : 'A PDF'}>
        PDF
      </span>
    );
  }
  return (
    <span className="marker" title={`Read to page ${furthest} of ${pages || '?'}`}>
      p. {furthest}
      {pages ? ` / ${pages}` : ''}
    </span>
  );
}

function EmptyState({ searching }: { searching: boolean }) {
  const elsewhere = useApp((s) => s.matchesElsewhere);
  const here = useApp((s) => viewTitle(s.view));
  const setView = useApp((s) => s.setView);
  return (
    <div className="empty" role="status">
      {searching ? (
        <>
          <p>No papers in {here} match your search.</p>
          {elsewhere !== undefined && elsewhere > 0 && (
            <p>
              {elsewhere.toLocaleString()} {elsewhere === 1 ? 'paper matches' : 'papers match'} in All papers.{' '}
              <button type="button" className="button" onClick={() => setView({ kind: 'status', status: 'all' })}>
                Show {elsewhere === 1 ? 'it' : 'them'}
              </button>
            </p>
          )}
        </>
      ) : (
        <>
          <p className="empty-title">Nothing here yet</p>
          <p>
            Bring in papers with “Import…” (a saved digest page, BibTeX, RIS, CSL-JSON or a Paperqueue backup), paste a
            digest, arXiv ids or DOIs with “Paste…”, or drop a file anywhere on this window. From the command line:
          </p>
          <code>npx paperqueue import digest.txt</code>
        </>
      )}
    </div>
  );
}
