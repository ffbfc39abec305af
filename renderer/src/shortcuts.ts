import type { Status } from './store/types';

/** One key per status change, the same in the list and in triage. */
export const STATUS_KEYS = {
  q: 'queued',
  s: 'reading',
  r: 'read',
  i: 'inbox',
  d: 'dismissed',
} as const satisfies Record<string, Status>;

/** What a status change is called on every button, tooltip, toast and the shortcut sheet: one vocabulary. */
export const STATUS_ACTION: Record<Status, string> = {
  queued: 'Keep',
  reading: 'Start reading',
  read: 'Mark read',
  inbox: 'Back to the inbox',
  dismissed: 'Dismiss',
};

/** The key for a status change ("q" for queued). */
export const keyFor = (status: Status): string =>
  Object.entries(STATUS_KEYS).find(([, value]) => value === status)?.[0] ?? '';

/** A button's tooltip: what it does, and its key ("Keep: add to the queue (q)"). */
export const actionTitle = (status: Status): string => `${STATUS_ACTION[status]}${HINT[status]} (${keyFor(status)})`;

const HINT: Record<Status, string> = {
  queued: ': add to the queue',
  reading: '',
  read: '',
  inbox: ' (mark unread)',
  dismissed: '',
};

const statusShortcuts = (['queued', 'reading', 'read', 'inbox', 'dismissed'] as const).map((status) => ({
  keys: [keyFor(status)],
  action: `${STATUS_ACTION[status]}${HINT[status]}`,
}));

/** Every keyboard shortcut, as the help overlay lists them, by where they work. */
export const SHORTCUTS: { heading: string; items: { keys: string[]; action: string }[] }[] = [
  {
    heading: 'The list',
    items: [
      { keys: ['j', '↓'], action: 'Next paper' },
      { keys: ['k', '↑'], action: 'Previous paper' },
      { keys: ['Home', 'End'], action: 'First or last paper' },
      { keys: ['Enter'], action: 'Open the paper' },
      ...statusShortcuts,
      { keys: ['n'], action: 'Write a note' },
      { keys: ['Alt+↑', 'Alt+↓'], action: 'Move the paper in the queue' },
      { keys: ['Space'], action: 'Pick the paper, or leave it out' },
      { keys: ['Shift+j', 'Shift+↓'], action: 'Pick from where you began to the next paper' },
      { keys: ['Shift+k', 'Shift+↑'], action: 'Pick from where you began to the previous paper' },
      { keys: ['Shift+Home', 'Shift+End'], action: 'Pick from where you began to the first or last paper' },
      { keys: ['Ctrl/⌘+A'], action: 'Pick every paper in the list' },
      { keys: ['Ctrl/⌘+click', 'Shift+click'], action: 'Pick several papers' },
      { keys: ['Esc'], action: 'Let the picked papers go; again, close the paper' },
      { keys: ['/'], action: 'Search' },
      { keys: ['t'], action: 'Triage the inbox, one paper at a time' },
    ],
  },
  {
    heading: 'The paper’s status (Tab to it)',
    items: [
      { keys: ['←', '→'], action: 'The status before or after' },
      { keys: ['Home', 'End'], action: 'The first or last status' },
      { keys: ['Space', 'Enter'], action: 'Set the status' },
    ],
  },
  {
    heading: 'The abstract (Tab to it)',
    items: [
      { keys: [']', '['], action: 'Select the next or previous sentence' },
      { keys: ['Shift+]', 'Shift+['], action: 'Grow or shrink the selection by a sentence' },
      { keys: ['Shift+→', 'Shift+←'], action: 'Move the end of the selection (with Ctrl, by a word)' },
      { keys: ['h'], action: 'Highlight the selection, with a colour and a comment' },
    ],
  },
  {
    heading: 'Triage',
    items: [...statusShortcuts, { keys: ['j', '→'], action: 'Skip: decide later' }],
  },
  {
    heading: 'The PDF reader',
    items: [
      { keys: ['→', '←'], action: 'Next or previous page' },
      { keys: ['Space', 'Page Down', 'Page Up'], action: 'A screen down or up' },
      { keys: [']', '['], action: 'Select the next or previous sentence' },
      { keys: ['Shift+]', 'Shift+['], action: 'Grow or shrink the selection by a sentence' },
      { keys: ['h'], action: 'Highlight the selection, with a colour and a comment' },
      { keys: ['Ctrl/⌘+F'], action: 'Find in the PDF' },
      { keys: ['Ctrl/⌘ +', 'Ctrl/⌘ −', 'Ctrl/⌘ 0'], action: 'Zoom in, out, back to automatic' },
    ],
  },
  {
    heading: 'Everywhere',
    items: [
      { keys: ['u', 'Ctrl/⌘+Z'], action: 'Undo the last change: a status, a move, a deleted highlight' },
      { keys: ['?'], action: 'Show these shortcuts' },
      { keys: ['Shift+S'], action: 'Sync: settings and conflicts' },
      { keys: ['Esc'], action: 'Close, or leave the note or a field' },
    ],
  },
];

/** Asks the open note editor to switch to writing and take the focus. */
export const FOCUS_NOTE_EVENT = 'paperqueue:focus-note';

/** How long a note asked for by n waits for its paper's editor to be drawn (its details are on their way). */
const NOTE_WAIT_MS = 1500;
let wantedNote: { paperId: string; until: number; typed: string } | undefined;

/**
 * n: the selected paper's note editor takes the focus. Its details (and the editor) may not be drawn yet
 * just after the paper was selected: the editor takes the focus when it is, and until then the keys typed
 * are kept for the note (`typeAhead`), not taken as the list's shortcuts (r would mark a paper read).
 */
export function askForNote(paperId: string): void {
  wantedNote = { paperId, until: performance.now() + NOTE_WAIT_MS, typed: '' };
  window.dispatchEvent(new Event(FOCUS_NOTE_EVENT));
}

/**
 * If n asked for `paperId`'s note and its editor has not taken the focus yet, what was typed meanwhile (the
 * wish then forgotten); undefined otherwise.
 */
export function takeNoteWish(paperId: string): string | undefined {
  if (!wantedNote || wantedNote.paperId !== paperId || performance.now() > wantedNote.until) return undefined;
  const { typed } = wantedNote;
  wantedNote = undefined;
  return typed;
}

/** A key typed while n's note waits for its editor: a character, Enter or Backspace, kept for the note. */
export function typeAhead(key: string): void {
  if (!wantedNote) return;
  if (key === 'Backspace') wantedNote.typed = wantedNote.typed.slice(0, -1);
  else wantedNote.typed += key === 'Enter' ? '\n' : key;
  // Typing keeps the wish alive while the details are on their way.
  wantedNote.until = Math.max(wantedNote.until, performance.now() + 500);
}

/** True while n's note is waiting for its editor to be drawn. */
export function noteAwaited(): boolean {
  if (wantedNote && performance.now() > wantedNote.until) wantedNote = undefined;
  return wantedNote !== undefined;
}

/** Escape, or another paper chosen: the note asked for is no longer wanted. */
export function forgetNoteWish(): void {
  wantedNote = undefined;
}

/** What opens the paste dialog (the toolbar, once drawn), and whether it was asked for before there was one. */
let openPaste: (() => void) | undefined;
let pastePending = false;

/** Open the paste dialog (the desktop app's menu): asked before the toolbar is drawn, it opens once it is. */
export function requestPaste(): void {
  if (openPaste) openPaste();
  else pastePending = true;
}

/** The toolbar's side of `requestPaste`: a request made before it listened is answered at once. */
export function onPasteRequest(open: () => void): () => void {
  openPaste = open;
  if (pastePending) {
    pastePending = false;
    open();
  }
  return () => {
    if (openPaste === open) openPaste = undefined;
  };
}
