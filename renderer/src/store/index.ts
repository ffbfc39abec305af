import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Transport } from '../transport';
import { createInsightSlice, type InsightSlice } from './insight-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createListSlice, type ListSlice } from './list-slice';
import { followOutside } from './outside-list';
import { createWritingSlice, type WritingSlice } from './writing-slice';
import { connectionDefaults, followConnection, type ConnectionSlice } from './connection-slice';
import { createPaperActionsSlice, type PaperActionsSlice } from './paper-actions-slice';
import { PendingStatuses } from './pending';
import { createReaderSlice, recallReader, type ReaderSlice } from './reader-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSyncSlice, followSync, type SyncSlice } from './sync-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { AfterPaint } from '../after-paint';
import { applyTheme, recall, remember } from '../ui-memory';

export type AppState = ListSlice &
  SelectionSlice &
  PaperActionsSlice &
  WritingSlice &
  LibrarySlice &
  InsightSlice &
  UiSlice &
  ReaderSlice &
  SyncSlice &
  ConnectionSlice;
export type AppStore = StoreApi<AppState> & { start: () => () => void };

/** How long after the last echo of a status change made here the list and the counts are asked for again. */
export const ECHO_QUIET_MS = 300;
/** And at most how long after the first of them (a key held down). */
export const ECHO_MOST_MS = 2000;

/**
 * One store from slices; the transport is injected so tests can pass their own. `memory` (the page's
 * localStorage) keeps where the reader was, and the theme, across reloads.
 */
export function createAppStore(transport: Transport, memory?: Storage): AppStore {
  const pending = new PendingStatuses();
  const store = createStore<AppState>()((...a) => ({
    ...createListSlice(transport, pending)(...a),
    ...createSelectionSlice(transport)(...a),
    ...createPaperActionsSlice(transport, pending)(...a),
    ...createWritingSlice(transport)(...a),
    ...createLibrarySlice(transport, pending)(...a),
    ...createInsightSlice(transport)(...a),
    ...createUiSlice(memory)(...a),
    ...createReaderSlice(transport, memory)(...a),
    ...createSyncSlice(transport)(...a),
    ...connectionDefaults,
  }));
  /** Load, then refresh whenever any host changes the library. Returns the unsubscribe. */
  const start = () => {
    // Back where the reader was: the view, its sort, the open paper and the list's scroll position.
    const saved = recall(memory);
    applyTheme(saved.theme ?? 'system');
    store.setState({
      ...(saved.view && { view: saved.view }),
      ...(saved.sort && { sort: saved.sort }),
      ...(saved.selectedId && saved.view?.kind !== 'stats' && { selectedId: saved.selectedId }),
      theme: saved.theme ?? 'system',
      density: saved.density ?? 'comfortable',
      restoreScroll: saved.scrollTop,
    });
    // The PDF that was open comes back too, at the page it was left on.
    const reading = recallReader(memory);
    if (reading.paperId) {
      if (reading.hash) store.getState().openAttachment(reading.paperId, reading.hash);
      else store.getState().openReader(reading.paperId);
    }
    // What a key's change of the selection asks besides the list (the new paper's details, remembering it)
    // waits for the frame that shows the change: at 100,000 papers each press paid for both before it.
    const afterPaint = new AfterPaint();
    const unsubscribeMemory = store.subscribe((state, previous) => {
      if (state.view !== previous.view || state.sort !== previous.sort || state.selectedId !== previous.selectedId)
        afterPaint.run('remember', () => {
          const { view, sort, selectedId } = store.getState();
          remember(memory, { view, sort, selectedId });
        });
      if (state.view !== previous.view) remember(memory, { scrollTop: 0 });
    });
    // The list first: the counts and the library's status wait for its answer, not it for theirs.
    void store
      .getState()
      .loadList()
      .finally(() => {
        void store.getState().loadStats();
        void store.getState().loadStatus();
      });
    void store.getState().loadDetail();
    const unsubscribeSelection = store.subscribe((state, previous) => {
      if (state.selectedId === previous.selectedId) return;
      // A paper kept on screen after it left the view goes once the selection moves away from it.
      if (state.lingering && state.lingering.row.id !== state.selectedId) store.setState({ lingering: undefined });
      afterPaint.run('detail', () => void store.getState().loadDetail());
    });
    // The echo of a status change made here whose rows and counts here showed it when it was made (a key that
    // keeps a paper; not an undo bringing back a row that left): while such changes keep coming (keys pressed in
    // a row) the list and the counts are asked for once, ECHO_QUIET_MS after the last (ECHO_MOST_MS after the
    // first at most), not twice a key (two requests, their answers and a drawing of each, while the next key is
    // pressed). Any other change asks at once, and that answer serves the echoes waiting too.
    let echoes: ReturnType<typeof setTimeout> | undefined;
    let waitingSince: number | undefined;
    const followChange = () => {
      clearTimeout(echoes);
      echoes = undefined;
      waitingSince = undefined;
      // Only the pages on screen come again; the rest when scrolled to.
      void store.getState().refreshList();
      void store.getState().loadStats();
    };
    const unsubscribeChanges = transport.onChanged((event) => {
      // Nothing to clear: no update, which every subscriber would look at.
      if (store.getState().writeError !== undefined) store.setState({ writeError: undefined });
      if (event.command === 'papers.setStatus' && pending.shownHere(event.ids)) {
        clearTimeout(echoes);
        waitingSince ??= Date.now();
        echoes = setTimeout(followChange, Math.min(ECHO_QUIET_MS, waitingSince + ECHO_MOST_MS - Date.now()));
      } else followChange();
      // A status change changes the papers it names and no other (a key that keeps a paper moves the cursor
      // to the next, which it does not name): the open paper is asked for again only if it is one of them. The
      // open paper is the cursor's: the pane may still show the one before while its details are on their way
      // (an undo moves the cursor back as it is sent), and those could be from before the change.
      const { selectedId } = store.getState();
      if (!(event.command === 'papers.setStatus' && selectedId && !event.ids.includes(selectedId)))
        void store.getState().loadDetail();
      void store.getState().loadReaderPaper();
    });
    const unsubscribeProgress = transport.onProgress(({ command, done, total }) => {
      const pending = store.getState().pendingImport;
      // A batch counts its files instead.
      if (command === 'library.import' && pending?.phase === 'importing' && !pending.batch) {
        store.setState({ pendingImport: { ...pending, progress: { done, total } } });
      }
    });
    const unsubscribeWriteErrors = transport.onWriteError((message) => store.setState({ writeError: message }));
    const stopSync = followSync(store.getState, transport.onChanged);
    const stopOutside = followOutside(store, transport);
    // Browser mode: back after the server was away, the page asks for what changed meanwhile.
    const stopConnection = followConnection(store, transport, memory, () => {
      followChange();
      void store.getState().loadDetail();
      void store.getState().loadReaderPaper();
    });
    return () => {
      stopConnection();
      stopOutside();
      clearTimeout(echoes);
      afterPaint.dispose();
      stopSync();
      unsubscribeMemory();
      unsubscribeSelection();
      unsubscribeChanges();
      unsubscribeWriteErrors();
      unsubscribeProgress();
    };
  };
  return Object.assign(store, { start });
}

export const StoreContext = createContext<AppStore | null>(null);

/** The store itself, for handlers that must read the state as it is now rather than as last rendered. */
export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside StoreContext');
  return store;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return useStore(store, selector);
}
