import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { STATUS_LABEL, formatDate, shortAuthors } from '../labels';
import { useApp } from '../store';
import type { PaperRow, Ranking, Status } from '../store/types';

const ROW_HEIGHT = 84;

/** The list is virtualised: only the rows on screen exist in the DOM, at any library size. */
export function PaperList() {
  const papers = useApp((s) => s.papers);
  const loading = useApp((s) => s.loading);
  const search = useApp((s) => s.search);
  const selectedId = useApp((s) => s.selectedId);
  const checked = useApp((s) => s.checked);
  const ranking = useApp((s) => s.ranking);
  // In the Inbox every row says Inbox: the pill only helps where statuses mix.
  const showStatus = useApp((s) => s.view.kind !== 'status' || s.view.status === 'all' || s.view.status === 'unread');
  const canReorder = useApp((s) => s.sort === 'queue');
  const reorder = useApp((s) => s.reorder);
  const [dropBefore, setDropBefore] = useState<string | undefined>();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: papers.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => papers[index]!.id,
  });

  const selectedIndex = papers.findIndex((p) => p.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (!loading && papers.length === 0) return <EmptyState searching={search.trim() !== ''} />;

  const drag: DragHandlers | undefined = canReorder
    ? {
        start(event, id) {
          const ids = checked.includes(id) ? papers.filter((p) => checked.includes(p.id)).map((p) => p.id) : [id];
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
    : undefined;

  return (
    <div ref={scroller} className="list" role="listbox" aria-label="Papers" aria-multiselectable="true" tabIndex={-1}>
      <div className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const paper = papers[row.index]!;
          return (
            <PaperRow
              key={row.key}
              paper={paper}
              selected={paper.id === selectedId}
              checked={checked.includes(paper.id)}
              dropBefore={dropBefore === paper.id}
              drag={drag}
              showStatus={showStatus}
              ranked={ranking?.fallback === false || ranking?.byId[paper.id]?.rule ? ranking.byId[paper.id] : undefined}
              top={row.start}
            />
          );
        })}
      </div>
    </div>
  );
}

const DRAG_TYPE = 'application/x-paperqueue-ids';

type DragHandlers = {
  start: (event: DragEvent, id: string) => void;
  over: (event: DragEvent, id: string) => void;
  drop: (event: DragEvent, id: string) => void;
  end: () => void;
};

type RowProps = {
  paper: PaperRow;
  selected: boolean;
  checked: boolean;
  dropBefore: boolean;
  drag: DragHandlers | undefined;
  showStatus: boolean;
  /** Under "For you": the paper's score and the reason for its place. */
  ranked: Ranking['items'][number] | undefined;
  top: number;
};

const PaperRow = memo(function PaperRow({
  paper,
  selected,
  checked,
  dropBefore,
  drag,
  showStatus,
  ranked,
  top,
}: RowProps) {
  const select = useApp((s) => s.select);
  const toggleChecked = useApp((s) => s.toggleChecked);
  const checkRange = useApp((s) => s.checkRange);
  const setStatus = useApp((s) => s.setStatus);
  const act = (status: Status) => (event: MouseEvent) => {
    event.stopPropagation();
    void setStatus([paper.id], status);
  };
  const authors = shortAuthors(paper.authors, paper.authorCount);
  return (
    <div
      role="option"
      aria-selected={selected || checked}
      data-id={paper.id}
      title={ranked?.reason}
      className={[
        'row',
        selected && 'selected',
        checked && 'checked',
        dropBefore && 'drop-before',
        ranked?.rule === 'dim' && 'dimmed',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      draggable={drag !== undefined}
      onDragStart={drag && ((e) => drag.start(e, paper.id))}
      onDragOver={drag && ((e) => drag.over(e, paper.id))}
      onDrop={drag && ((e) => drag.drop(e, paper.id))}
      onDragEnd={drag?.end}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey) toggleChecked(paper.id);
        else if (e.shiftKey) checkRange(paper.id);
        else select(paper.id);
      }}
    >
      <div className="row-main">
        <div className="row-title" title={paper.title}>
          {paper.title}
        </div>
        <div className="row-meta">
          {showStatus && <span className={`pill status-${paper.status}`}>{STATUS_LABEL[paper.status]}</span>}
          {authors && <span>{authors}</span>}
          {authors && <span className="sep" aria-hidden="true" />}
          <span>{paper.source.name}</span>
          <span className="sep" aria-hidden="true" />
          <span>added {formatDate(paper.createdAt)}</span>
          {ranked?.rule === 'boost' && <span className="marker boosted">boosted</span>}
          {ranked?.rule === 'dim' && <span className="marker">dimmed</span>}
          {paper.hasCode && <span className="marker">code</span>}
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
          <button type="button" className="button small" onClick={act('queued')} title="Keep: add to the queue (q)">
            Keep
          </button>
        )}
        {paper.status !== 'read' && (
          <button type="button" className="button small" onClick={act('read')} title="Mark read (r)">
            Read
          </button>
        )}
        {paper.status !== 'dismissed' && (
          <button type="button" className="button small ghost" onClick={act('dismissed')} title="Dismiss (x)">
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
});

function EmptyState({ searching }: { searching: boolean }) {
  return (
    <div className="empty">
      {searching ? (
        <p>No papers match your search.</p>
      ) : (
        <>
          <p className="empty-title">Nothing here yet</p>
          <p>Import a saved digest page or a Paperqueue backup with “Import…”, or from the command line:</p>
          <code>npx paperqueue import digest.txt</code>
        </>
      )}
    </div>
  );
}
