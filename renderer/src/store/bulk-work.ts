import type { Status } from './types';

/*
 * A change of many papers at once (the whole Inbox picked with Ctrl/⌘+A and dismissed) takes the library a
 * while: its rows leave the list at once, so until the library has made it the window says what it is doing
 * ("Dismissing 39,956 papers…") rather than look done.
 */

/** From this many papers a change says it is under way. */
export const SHOWN_FROM = 100;

/** What the window is doing to many papers, while it is not done (BulkBar shows it). */
export type BulkWork = { label: string };

const DOING: Record<Status, (papers: string) => string> = {
  inbox: (papers) => `Marking ${papers} unread…`,
  queued: (papers) => `Keeping ${papers}…`,
  reading: (papers) => `Marking ${papers} reading…`,
  read: (papers) => `Marking ${papers} read…`,
  dismissed: (papers) => `Dismissing ${papers}…`,
};

const counted = (count: number): string => `${count.toLocaleString()} papers`;

/** "Dismissing 39,956 papers…", or nothing for a change of fewer than SHOWN_FROM papers. */
export function statusWork(count: number, status: Status): string | undefined {
  return count >= SHOWN_FROM ? DOING[status](counted(count)) : undefined;
}

/** "Tagging 39,956 papers #ml…", "Removing #ml from 39,956 papers…". */
export function tagWork(count: number, named: string, mode: 'add' | 'remove'): string | undefined {
  if (count < SHOWN_FROM) return undefined;
  return mode === 'add' ? `Tagging ${counted(count)} ${named}…` : `Removing ${named} from ${counted(count)}…`;
}

/** "Undoing: marked 39,956 papers dismissed…" (the undone entry's label, its first word lowered). */
export function undoWork(count: number, label: string): string | undefined {
  return count >= SHOWN_FROM ? `Undoing: ${label.charAt(0).toLowerCase()}${label.slice(1)}…` : undefined;
}

/**
 * Runs `run` with `label` shown as the window's bulk work (none: runs it as it is). Two at once: the later one
 * is shown, and the earlier one's end leaves it.
 */
export async function whileWorking<T>(
  set: (work: (current: BulkWork | undefined) => BulkWork | undefined) => void,
  label: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (label === undefined) return run();
  const work: BulkWork = { label };
  set(() => work);
  try {
    return await run();
  } finally {
    set((current) => (current === work ? undefined : current));
  }
}
