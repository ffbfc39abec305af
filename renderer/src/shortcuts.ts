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
      { keys: ['Ctrl/⌘+click', 'Shift+click'], action: 'Pick several papers' },
      { keys: ['/'], action: 'Search' },
      { keys: ['t'], action: 'Triage the inbox, one paper at a time' },
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
      { keys: ['u', 'Ctrl/⌘+Z'], action: 'Undo the last change of status' },
      { keys: ['?'], action: 'Show these shortcuts' },
      { keys: ['Shift+S'], action: 'Sync: settings and conflicts' },
      { keys: ['Esc'], action: 'Close, or leave the note or a field' },
    ],
  },
];

/** Asks the open note editor to switch to writing and take the focus. */
export const FOCUS_NOTE_EVENT = 'paperqueue:focus-note';

/** Asks the toolbar to open the paste dialog (from the desktop app's menu). */
export const OPEN_PASTE_EVENT = 'paperqueue:open-paste';
