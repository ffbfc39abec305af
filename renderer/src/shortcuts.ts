/** Every keyboard shortcut, as the help overlay lists them. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ['j', '↓'], action: 'Next paper' },
  { keys: ['k', '↑'], action: 'Previous paper' },
  { keys: ['Enter'], action: 'Open the paper' },
  { keys: ['q'], action: 'Keep: add to the queue' },
  { keys: ['r'], action: 'Mark read' },
  { keys: ['u'], action: 'Mark unread (back to the inbox)' },
  { keys: ['d', 'x'], action: 'Dismiss' },
  { keys: ['n'], action: 'Write a note' },
  { keys: ['t'], action: 'Triage the inbox, one paper at a time' },
  { keys: ['Alt+↑', 'Alt+↓'], action: 'Move the paper in the queue' },
  { keys: ['Ctrl/⌘+click', 'Shift+click'], action: 'Pick several papers' },
  { keys: ['Ctrl/⌘+Z'], action: 'Undo the last change of status' },
  { keys: ['/'], action: 'Search' },
  { keys: ['?'], action: 'Show these shortcuts' },
  { keys: ['Esc'], action: 'Close' },
];

/** Asks the open note editor to switch to writing and take the focus. */
export const FOCUS_NOTE_EVENT = 'paperqueue:focus-note';

/** Asks the toolbar to open the paste dialog (from the desktop app's menu). */
export const OPEN_PASTE_EVENT = 'paperqueue:open-paste';
