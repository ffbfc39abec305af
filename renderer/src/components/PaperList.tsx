import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type FocusEvent } from 'react';
import { viewTitle } from '../labels';
import { useApp, useAppStore } from '../store';
import { displayedRows, positionOf } from '../store/list-rows';
import { rankedItem } from '../store/list-slice';
import type { ListSort, View } from '../store/types';
import { useListDrops } from './list-drops';
import { PaperListRow } from './PaperListRow';
import { usePointerRest } from './pointer-rest';
import { useRowWindow } from './row-window';
import { useRowAboveToast } from './toast-room';

/** Every row of a list has one height (the window finds the rows on screen by arithmetic), set by the density. */
const ROW_HEIGHTS = { comfortable: 124, compact: 64 } as const;

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
  // Nothing to show, and while another answer comes for a view that had nothing, still so (not an empty grid
  // for a moment, which took the place of "Show it" as it was clicked).
  const emptyBefore = useApp((s) => s.emptyView !== undefined && s.emptyView === s.view);
  const showEmpty = papers.length === 0 && (!loading || emptyBefore);
  const selectedId = useApp((s) => s.selectedId);
  const checked = useApp((s) => s.checked);
  const ranking = useApp((s) => s.ranking);
  // In the Inbox every row says Inbox: the pill only helps where statuses mix.
  const showStatus = useApp((s) => s.view.kind !== 'status' || s.view.status === 'all' || s.view.status === 'unread');
  const showRange = useApp((s) => s.showRange);
  const { drag, pdfDrop, dropBefore, pdfOver } = useListDrops();
  const density = useApp((s) => s.density);
  const rowHeight = ROW_HEIGHTS[density];
  const { ref, first, last, topRow, totalSize, scrollToIndex, jumpTo } = useRowWindow(papers.length, rowHeight, 8);

  // Ask for the pages that scrolled into view (and again when the rows were replaced).
  useEffect(() => showRange(first, last + 1), [first, last, papers, showRange]);

  // After a reload, back to where the list was scrolled, once its rows are there.
  const restoreScroll = useApp((s) => s.restoreScroll);
  const scrollRestored = useApp((s) => s.scrollRestored);
  const rememberScroll = useApp((s) => s.rememberScroll);
  const listElement = useRef<HTMLDivElement | null>(null);
  usePointerRest(listElement);
  useEffect(() => {
    if (restoreScroll === undefined || loading || papers.length === 0 || !listElement.current) return;
    listElement.current.scrollTop = restoreScroll;
    scrollRestored();
  }, [restoreScroll, loading, papers.length, scrollRestored]);

  // Looked for on screen first (where the cursor almost always is): a look through 100,000 places only when
  // it is not there. `first` only guides the look, so a scroll does not look again.
  const selectedIndex = useMemo(
    () => positionOf(papers, selectedId, first),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [papers, selectedId],
  );
  useEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [selectedIndex, scrollToIndex]);
  useRowAboveToast(listElement, selectedIndex);

  // Each list (a view, its sort, its search) opens where it was last left in this session, and one not
  // shown before at its top, never at the offset of the list shown before it: when its rows come (the old
  // view's stay until then, and their scrolling is theirs), before that frame is drawn. The open paper's row
  // is then brought into view if it is among them. Costs a look-up in a map, once per list shown.
  const view = useApp((s) => s.view);
  const sort = useApp((s) => s.sort);
  const list = useMemo(() => listKey(view, sort, search), [view, sort, search]);
  const scrollOf = useApp((s) => s.scrollOf);
  // Whose rows are drawn: none yet when the list is mounted (the app starts, or comes back from the stats).
  const drawn = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (loading || drawn.current === list) return;
    const mounted = drawn.current === undefined;
    drawn.current = list;
    const place = scrollOf(list);
    // A list just mounted is at its top: nothing to do (not even measure it: see useRowWindow).
    if (mounted && place === undefined) return;
    jumpTo(place ?? 0);
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [loading, list, jumpTo, scrollOf, selectedIndex, scrollToIndex]);

  // A row that takes the focus other than by the pointer (Tab, Shift+Tab) is the cursor's: the keys act on
  // the row with the focus. A click's focus is left to its click, which also picks with Ctrl or Shift (the
  // focus comes first, in the same task as the press). One handler for the list, not one per row.
  const moveCursor = useApp((s) => s.moveCursor);
  const pressed = useRef(false);
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const row = event.target;
      if (pressed.current || !row.classList.contains('row') || row.dataset.id === undefined) return;
      if (row.dataset.id !== store.getState().selectedId) moveCursor(row.dataset.id);
    },
    [moveCursor, store],
  );
  const onMouseDown = useCallback(() => {
    pressed.current = true;
    setTimeout(() => (pressed.current = false));
  }, []);

  // The cursor's row takes the focus the moment the cursor moves, before React draws the change, while the
  // page's style is still the last frame's: a focus after the change makes the browser work out the new
  // style there and then, and removing the row that holds the focus (a paper kept with q leaves the Inbox)
  // costs as much again. Together they were a third of a key press's time at 100,000 papers. The row's own
  // effect (PaperListRow) still focuses a row that was not on screen yet.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selectedId === previous.selectedId || state.selectedId === undefined) return;
        const list = listElement.current;
        const now = document.activeElement;
        if (!list || !(now === null || now === document.body || list.contains(now))) return;
        for (const row of list.querySelectorAll<HTMLElement>('.row[data-id]')) {
          if (row.dataset.id !== state.selectedId) continue;
          if (row !== now) row.focus({ preventScroll: true });
          return;
        }
      }),
    [store],
  );

  // One callback for every render: a new one each render was called with null and then the element at each
  // commit, two updates of the row window's state that made React render the list again before the frame.
  const listRef = useCallback(
    (element: HTMLDivElement | null) => {
      ref(element);
      listElement.current = element;
    },
    [ref],
  );

  const picked = useMemo(() => new Set(checked), [checked]);

  if (showEmpty) return <EmptyState searching={search.trim() !== ''} />;

  return (
    <div
      ref={listRef}
      className={density === 'compact' ? 'list compact' : 'list'}
      // A grid, not a listbox: each row holds its own buttons (Keep, Read, Dismiss), which an option may not.
      role="grid"
      aria-label="Papers"
      aria-multiselectable="true"
      aria-rowcount={papers.length}
      tabIndex={-1}
      onScroll={(event) => rememberScroll(event.currentTarget.scrollTop, drawn.current ?? list)}
      onFocus={onFocus}
      onMouseDown={onMouseDown}
    >
      <div className="list-inner" style={{ height: totalSize }}>
        {rangeOf(first, last).map((index) => {
          const paper = papers[index];
          const top = index * rowHeight;
          if (!paper) return <Placeholder key={index} index={index} top={top} height={rowHeight} />;
          const ranked = rankedItem(ranking, paper.id);
          return (
            <PaperListRow
              // By paper: a row that moves (one above it left the view) keeps its element and only moves.
              key={paper.id}
              paper={paper}
              position={index + 1}
              selected={paper.id === selectedId}
              // With no cursor among the rows, Tab comes to the first row on screen (not one drawn above it).
              tabbable={selectedIndex === -1 ? index === topRow : paper.id === selectedId}
              checked={picked.has(paper.id)}
              picking={picked.size > 0}
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

/** Which list the rows are: a view, in an order, searched (or not). */
function listKey(view: View, sort: ListSort, search: string): string {
  return `${JSON.stringify(view)} ${sort} ${search.trim()}`;
}

function rangeOf(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
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

function EmptyState({ searching }: { searching: boolean }) {
  const elsewhere = useApp((s) => s.matchesElsewhere);
  const here = useApp((s) => viewTitle(s.view));
  const setView = useApp((s) => s.setView);
  // How many papers the library holds: an empty view of a library with papers says what the view is for, and
  // only a library without any explains how to bring papers in.
  const total = useApp((s) => s.stats?.total ?? 0);
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
      ) : total > 0 ? (
        <EmptyView total={total} />
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

/** What an empty view of a library with papers says: what it gathers and how a paper gets here. */
const EMPTY_VIEW: Record<string, { title: string; how: string }> = {
  inbox: {
    title: 'Inbox zero',
    how: 'Every paper you brought in has been triaged. New imports and pastes land here.',
  },
  queued: { title: 'Your queue is empty', how: 'Press q on a paper in the Inbox (or Keep) to queue it here.' },
  reading: {
    title: 'Nothing in progress',
    how: 'Press s on a paper to start reading it; it waits here until it is read.',
  },
  read: { title: 'Nothing read yet', how: 'Press r on a paper (or Read) when you have read it.' },
  dismissed: { title: 'Nothing dismissed', how: 'Papers you dismiss with d leave the Inbox and wait here.' },
};

function EmptyView({ total }: { total: number }) {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const known = view.kind === 'status' ? EMPTY_VIEW[view.status] : undefined;
  const title = known?.title ?? 'No papers here';
  const how = known?.how ?? (view.kind === 'tag' ? `No paper has the tag #${view.tag} now.` : 'No paper is left here.');
  return (
    <>
      <p className="empty-title">{title}</p>
      <p>{how}</p>
      <p>
        {total.toLocaleString()} {total === 1 ? 'paper is' : 'papers are'} in your library.{' '}
        {view.kind === 'status' && view.status === 'inbox' ? (
          <button type="button" className="button" onClick={() => setView({ kind: 'status', status: 'queued' })}>
            Open the queue
          </button>
        ) : (
          <button type="button" className="button" onClick={() => setView({ kind: 'status', status: 'all' })}>
            Show all papers
          </button>
        )}
      </p>
    </>
  );
}

/** The list's row of paper `id`, if it is drawn. */
export function cursorRow(id: string | undefined): HTMLElement | null {
  if (id === undefined) return null;
  return document.querySelector<HTMLElement>(`[role="grid"] .row[data-id="${CSS.escape(id)}"]`);
}
