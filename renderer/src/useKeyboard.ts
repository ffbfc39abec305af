import { useEffect } from 'react';
import { focusPane, underPane } from './components/one-column-focus';
import { STATUS_KEYS, askForNote, forgetNoteWish, noteAwaited, typeAhead } from './shortcuts';
import { useApp, useAppStore } from './store';
import type { Status } from './store/types';

const PRESSABLE = 'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"], [role="tab"]';

/**
 * The list's keyboard: see SHORTCUTS. Space and Shift with the moving keys pick papers, as Ctrl/⌘-click and
 * Shift-click do; status keys act on every picked paper when several are picked. The list, the cursor and
 * the picked papers are read from the store when a key is pressed, not subscribed to: the App that calls this
 * hook would otherwise render again, whole, on every change to the list.
 */
export function useKeyboard(): void {
  const store = useAppStore();
  const step = useApp((s) => s.step);
  const stepChecking = useApp((s) => s.stepChecking);
  const toggleChecked = useApp((s) => s.toggleChecked);
  const clearChecked = useApp((s) => s.clearChecked);
  const checkAll = useApp((s) => s.checkAll);
  const select = useApp((s) => s.select);
  const setStatus = useApp((s) => s.setStatus);
  const nudge = useApp((s) => s.nudge);
  const undo = useApp((s) => s.undo);
  const setOverlay = useApp((s) => s.setOverlay);
  const overlay = useApp((s) => s.overlay);
  const canReorder = useApp((s) => s.sort === 'queue');
  const openSync = useApp((s) => s.setSyncDialog);
  const syncOpen = useApp((s) => s.syncDialog);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (overlay || syncOpen || target.closest('[role="dialog"]')) return;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) {
        if (event.key === 'Escape') {
          // Leave the box, keep its text: Chromium would also empty a search box, and the list under the keys.
          // The focus goes to the cursor's row (its paper's keys, and Tab from there), not to the page's top.
          // Unless the field's own Escape has already moved the focus (a note to its Write tab) or taken the field
          // away (the reader's find bar). Below 720 pixels the row is inert under the open paper's view, and from
          // 720 to 879 the pane is drawn over it: a field of the pane leaves the focus on the pane itself, where it
          // is seen (Tab to "← Papers" or ✕, Escape to the row).
          if (!target.isConnected || document.activeElement !== target) return;
          event.preventDefault();
          const pane = target.closest<HTMLElement>('.detail');
          target.blur();
          if (!focusCursorRow(store.getState().selectedId, pane) && pane) focusPane(pane);
        }
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void undo();
        return;
      }
      if (event.altKey && canReorder && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        void nudge(event.key === 'ArrowUp' ? -1 : 1);
        return;
      }
      const onList = target === document.body || target.closest('[role="grid"]') !== null;
      // Ctrl/⌘+A picks every paper of the list, as in a file manager, not the page's text.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a' && onList) {
        event.preventDefault();
        checkAll();
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      // n was pressed and the note's editor is not drawn yet: what is typed meanwhile goes into the note.
      if (noteAwaited()) {
        if (event.key === 'Escape') return forgetNoteWish();
        if (event.key.length === 1 || event.key === 'Enter' || event.key === 'Backspace') {
          event.preventDefault();
          return typeAhead(event.key);
        }
      }
      // Enter and Space press the button or follow the link that has the focus, as they do everywhere.
      if ((event.key === 'Enter' || event.key === ' ') && target.closest(PRESSABLE)) return;
      const { papers, selectedId, checked } = store.getState();
      // The picked papers, even one (it is drawn picked, and the cursor's row unpicked), else the cursor's.
      const targets = checked.length > 0 ? checked : selectedId ? [selectedId] : [];
      const mark = (status: Status) => () => targets.length && void setStatus(targets, status);
      const statusKey = STATUS_KEYS[event.key as keyof typeof STATUS_KEYS] as Status | undefined;
      // With Shift, the moving keys pick every paper from where the range began (file managers' Shift+↓).
      const move = event.shiftKey ? stepChecking : step;
      const actions: Record<string, () => void> = {
        j: () => step(1),
        J: () => stepChecking(1),
        ArrowDown: () => move(1),
        k: () => step(-1),
        K: () => stepChecking(-1),
        ArrowUp: () => move(-1),
        Home: () => move(-papers.length),
        End: () => move(papers.length),
        Enter: () => !selectedId && papers[0] && select(papers[0].id),
        // Space picks on the list, or with the focus nowhere; elsewhere it scrolls what has the focus, as ever.
        ...(onList && { ' ': () => selectedId && toggleChecked(selectedId) }),
        // Picked papers are let go first, the paper staying open; then the paper is closed.
        Escape: () => (checked.length ? clearChecked() : select(undefined)),
        '/': () => document.getElementById('search')?.focus(),
        '?': () => setOverlay('shortcuts'),
        t: () => setOverlay('triage'),
        S: () => openSync(true),
        n: () => selectedId && askForNote(selectedId),
        u: () => void undo(),
      };
      const action = statusKey ? mark(statusKey) : actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    step,
    stepChecking,
    toggleChecked,
    clearChecked,
    checkAll,
    select,
    setStatus,
    nudge,
    undo,
    store,
    canReorder,
    setOverlay,
    overlay,
    openSync,
    syncOpen,
  ]);
}

/**
 * The focus to the row of paper `id`, if it is drawn; else the list itself, if there is one. Whether it took the
 * focus: not where it is inert, nor under `pane`.
 */
function focusCursorRow(id: string | undefined, pane: HTMLElement | null): boolean {
  const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Papers"]');
  if (!grid) return false;
  const row = [...grid.querySelectorAll<HTMLElement>('.row[data-id]')].find((r) => r.dataset.id === id);
  const to = row ?? grid;
  if (to.closest('[inert]') || (pane && underPane(to, pane))) return false;
  to.focus({ preventScroll: true });
  return document.activeElement === to;
}
