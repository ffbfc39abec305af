import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { shortAuthors } from '../labels';
import { useApp, useAppStore } from '../store';
import { PAGE_SIZE, type ListRows } from '../store/list-rows';
import { rankedItem } from '../store/list-slice';
import { STATUS_ACTION, STATUS_KEYS, actionTitle, keyFor } from '../shortcuts';
import { PaperLinks } from './PaperLinks';
import { TexText } from './TexText';
import { Untitled } from './Untitled';
import { cursorRow } from './PaperList';
import { useDialogFocus } from './use-dialog-focus';
import type { PaperRow, Status } from '../store/types';

/** The inbox one paper at a time, abstract large: one key per decision, undo, and what is left. */
export function TriageMode() {
  const view = useApp((s) => s.view);
  const papers = useApp((s) => s.papers);
  const total = useApp((s) => s.total);
  const loading = useApp((s) => s.loading);
  const rowsBetween = useApp((s) => s.rowsBetween);
  const setView = useApp((s) => s.setView);
  const setStatus = useApp((s) => s.setStatus);
  const undo = useApp((s) => s.undo);
  const close = useApp((s) => s.setOverlay);
  const select = useApp((s) => s.select);
  const selectedId = useApp((s) => s.selectedId);
  const detail = useApp((s) => s.detail);
  const notice = useApp((s) => s.notice);
  const store = useAppStore();
  const [skipped, setSkippedState] = useState<string[]>([]);
  // A decision asked for with no paper left (an empty inbox): said, rather than nothing happening.
  const [idle, setIdle] = useState(false);
  // Keys can come faster than React renders: handlers read the list as it is now, not as last drawn.
  const skippedRef = useRef<string[]>([]);
  const skip = (id: string) => {
    skippedRef.current = [...skippedRef.current, id];
    setSkippedState(skippedRef.current);
  };
  const inInbox = view.kind === 'status' && view.status === 'inbox';
  const dialog = useRef<HTMLDivElement>(null);
  // Back to the list's row of the paper triage ended on: the row it was opened from has usually left the inbox.
  useDialogFocus(dialog, true, true, () => cursorRow(store.getState().selectedId));

  useEffect(() => {
    if (!inInbox) setView({ kind: 'status', status: 'inbox' });
  }, [inInbox, setView]);

  const next = inInbox ? nextWaiting(papers, skipped) : {};
  const paper = next.paper;
  const left = inInbox ? Math.max(0, total - skipped.length) : 0;
  // Every row so far was skipped: the next page is wanted.
  useEffect(() => {
    if (next.missing !== undefined) void rowsBetween(next.missing, next.missing + PAGE_SIZE);
  }, [next.missing, rowsBetween]);
  const ranked = useApp((s) =>
    paper && s.ranking && !s.ranking.fallback ? rankedItem(s.ranking, paper.id) : undefined,
  );
  // The row has no abstract: selecting the paper loads all of it.
  useEffect(() => {
    if (paper && paper.id !== selectedId) select(paper.id);
  }, [paper, selectedId, select]);
  // Whether this triage has shown a paper (an inbox emptied here has "every paper decided", not "empty").
  const [seen, setSeen] = useState(false);
  if (paper && (!seen || idle)) {
    setSeen(true);
    setIdle(false);
  }
  const abstract = detail?.id === paper?.id ? detail?.abstract || 'No abstract.' : '';
  // The paper is the one scrolled region: each one is read from its top, with the focus (and so the arrows,
  // Page Down, Space and End) in it, unless the person has put the focus on a button meanwhile.
  const reading = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const article = reading.current;
    if (!article) return;
    article.scrollTop = 0;
    // Still outside triage (where it was opened from), or on triage itself: not on one of its buttons.
    const now = document.activeElement;
    if (now === dialog.current || !dialog.current?.contains(now)) article.focus({ preventScroll: true });
  }, [paper?.id]);

  useEffect(() => {
    const current = () => {
      const state = store.getState();
      if (state.view.kind !== 'status' || state.view.status !== 'inbox') return undefined;
      return nextWaiting(state.papers, skippedRef.current).paper;
    };
    // Still loading, nothing is said: the paper is on its way.
    const nothingLeft = () => !store.getState().loading && setIdle(true);
    const decide = (status: Status) => {
      const now = current();
      if (now) void setStatus([now.id], status);
      else nothingLeft();
    };
    const skipCurrent = () => {
      const now = current();
      if (now) skip(now.id);
      else nothingLeft();
    };
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void undo();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const statusKey = STATUS_KEYS[event.key as keyof typeof STATUS_KEYS] as Status | undefined;
      const actions: Record<string, () => void> = {
        j: skipCurrent,
        ArrowRight: skipCurrent,
        u: () => void undo(),
        Escape: () => close(undefined),
      };
      const action = statusKey ? () => decide(statusKey) : actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, setStatus, undo, close]);

  return (
    <div
      ref={dialog}
      className="triage"
      role="dialog"
      aria-modal="true"
      aria-label="Triage"
      // With nothing to triage, the dialog says so as it opens.
      aria-describedby={paper ? undefined : 'triage-done'}
      tabIndex={-1}
    >
      <header className="triage-bar">
        <strong>Triage</strong>
        <span className="muted" role="status">
          {loading && !paper
            ? ''
            : `${left.toLocaleString()} left${skipped.length ? ` · ${skipped.length} skipped` : ''}`}
        </span>
        <button type="button" className="button small ghost" onClick={() => close(undefined)}>
          Done (Esc)
        </button>
      </header>
      {paper ? (
        // A Tab stop of its own, named by its title (axe: scrollable-region-focusable): a long abstract on a short
        // window is read by keyboard before the decision. The triage keys are the window's, so they still work here.
        <article ref={reading} className="triage-paper" tabIndex={0} aria-labelledby="triage-title">
          <h1 id="triage-title">{paper.title ? <TexText text={paper.title} /> : <Untitled />}</h1>
          <p className="muted">
            {[
              shortAuthors(paper.authors),
              // A paper without a title is told by its year and key.
              !paper.title && paper.year,
              !paper.title && detail?.id === paper.id && detail.citationKey && `key ${detail.citationKey}`,
              paper.source.name,
              paper.arxivId && `arXiv:${paper.arxivId}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {detail?.id === paper.id && <PaperLinks paper={detail} />}
          {ranked?.reason && <p className="triage-why">{ranked.reason}</p>}
          <p className="triage-abstract">
            <TexText text={abstract} />
          </p>
        </article>
      ) : (
        <div className="triage-done" id="triage-done">
          <p className="empty-title">{loading || next.missing !== undefined ? 'Loading…' : 'Inbox zero'}</p>
          {!loading && next.missing === undefined && (
            <p className="muted">
              {!seen
                ? 'The inbox is empty: nothing to triage. New papers you import land there.'
                : 'Every paper in the inbox has a decision.'}
            </p>
          )}
          {/* In the page from the start, so what a key pressed now puts in it is read out. */}
          <p className="triage-idle" role="status">
            {idle && !loading && 'No paper is left to decide on: Esc goes back to the list.'}
          </p>
        </div>
      )}
      {/* The last decision's notice, in a row of its own above the buttons (the page's toast would lie over the
          abstract's last lines). Seen only: the page's live region, hidden while triage is open, reads it out. */}
      {notice && (
        <p className="triage-notice" aria-hidden="true">
          {notice}
        </p>
      )}
      <footer className="triage-actions">
        {TRIAGE_DECISIONS.map((status, i) => (
          <button
            key={status}
            type="button"
            className={i === 0 ? 'button primary' : 'button'}
            disabled={!paper}
            title={actionTitle(status)}
            onClick={() => paper && void setStatus([paper.id], status)}
          >
            <kbd>{keyFor(status)}</kbd> {STATUS_ACTION[status]}
          </button>
        ))}
        <button type="button" className="button ghost" disabled={!paper} onClick={() => paper && skip(paper.id)}>
          <kbd>j</kbd> Skip
        </button>
        <button type="button" className="button ghost" onClick={() => void undo()}>
          <kbd>u</kbd> Undo
        </button>
      </footer>
    </div>
  );
}

/** The decisions triage offers as buttons (every status key works). */
const TRIAGE_DECISIONS: Status[] = ['queued', 'reading', 'read', 'dismissed'];

/** The first paper in the list's order not skipped, or the first place whose row has not come. */
function nextWaiting(rows: ListRows, skipped: readonly string[]): { paper?: PaperRow; missing?: number } {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) return { missing: i };
    if (!skipped.includes(row.id)) return { paper: row };
  }
  return {};
}
