import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { STATUS_LABEL, formatDate, shortAuthors } from '../labels';
import { useApp } from '../store';
import type { Paper, Status } from '../store/types';

const ROW_HEIGHT = 84;

/** The list is virtualised: only the rows on screen exist in the DOM, at any library size. */
export function PaperList() {
  const papers = useApp((s) => s.papers);
  const loading = useApp((s) => s.loading);
  const search = useApp((s) => s.search);
  const selectedId = useApp((s) => s.selectedId);
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

  return (
    <div ref={scroller} className="list" role="listbox" aria-label="Papers" tabIndex={-1}>
      <div className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const paper = papers[row.index]!;
          return <PaperRow key={row.key} paper={paper} selected={paper.id === selectedId} top={row.start} />;
        })}
      </div>
    </div>
  );
}

const PaperRow = memo(function PaperRow({ paper, selected, top }: { paper: Paper; selected: boolean; top: number }) {
  const select = useApp((s) => s.select);
  const setStatus = useApp((s) => s.setStatus);
  const act = (status: Status) => (event: React.MouseEvent) => {
    event.stopPropagation();
    void setStatus([paper.id], status);
  };
  const authors = shortAuthors(paper.authors);
  return (
    <div
      role="option"
      aria-selected={selected}
      data-id={paper.id}
      className={selected ? 'row selected' : 'row'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => select(paper.id)}
    >
      <div className="row-main">
        <div className="row-title" title={paper.title}>
          {paper.title}
        </div>
        <div className="row-meta">
          <span className={`pill status-${paper.status}`}>{STATUS_LABEL[paper.status]}</span>
          {authors && <span>{authors}</span>}
          {authors && <span className="sep" aria-hidden="true" />}
          <span>{paper.source.name}</span>
          <span className="sep" aria-hidden="true" />
          <span>added {formatDate(paper.createdAt)}</span>
          {paper.links.some((l) => l.label === 'Code') && <span className="marker">code</span>}
          {paper.note.trim() !== '' && <span className="marker">note</span>}
          {paper.annotations.length > 0 && (
            <span className="marker">
              {paper.annotations.length} {paper.annotations.length === 1 ? 'highlight' : 'highlights'}
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
