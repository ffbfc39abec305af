import type { PaperRow, Status, View } from './types';

type Entry = { status: Status; change: number; settledAfter?: number; shownHere: boolean };

/**
 * Status changes shown before the library confirms them. A list request sent before a change
 * reached the library answers with the old status; laying the pending changes over its rows keeps
 * a paper that was just triaged from coming back for a moment (and taking the next keystroke).
 */
export class PendingStatuses {
  private readonly entries = new Map<string, Entry>();
  private changes = 0;
  private requests = 0;

  /** Number the next list request (a page or the whole list), so its answer knows which changes it may have missed. */
  nextRequest(): number {
    return ++this.requests;
  }

  /**
   * A change is shown; returns its handle for `settle`. `shownHere`: every paper it names had its row here
   * changed (or taken out) with it, so the list and the counts here have it already (not so for an undo that
   * brings back a paper whose row left, or for rows not yet come).
   */
  begin(ids: readonly string[], status: Status, shownHere = false): number {
    const change = ++this.changes;
    for (const id of ids) this.entries.set(id, { status, change, shownHere });
    return change;
  }

  /** How many changes were made here so far: a count asked for before the latest is older than what is shown. */
  get begun(): number {
    return this.changes;
  }

  /** Whether every one of `ids` has a change made here that the library has not yet shown in a list. */
  owns(ids: readonly string[]): boolean {
    return ids.length > 0 && ids.every((id) => this.entries.has(id));
  }

  /** Whether every one of `ids` has a change made here that the rows and counts here showed when it was made. */
  shownHere(ids: readonly string[]): boolean {
    return ids.length > 0 && ids.every((id) => this.entries.get(id)?.shownHere === true);
  }

  /** The library answered: a refused change is forgotten, an applied one is kept until a list sent after it arrives. */
  settle(change: number, applied: boolean): void {
    for (const [id, entry] of this.entries) {
      if (entry.change !== change) continue;
      if (applied) entry.settledAfter = this.requests;
      else this.entries.delete(id);
    }
  }

  /** The rows of list request `request`, with the changes it could not yet know about. */
  apply(rows: PaperRow[], request: number, view: View): PaperRow[] {
    if (this.entries.size === 0) return rows;
    const out: PaperRow[] = [];
    for (const row of rows) {
      const entry = this.entries.get(row.id);
      if (!entry) {
        out.push(row);
      } else if (entry.settledAfter !== undefined && request > entry.settledAfter) {
        // This list was asked for after the library had the change: it is the truth.
        this.entries.delete(row.id);
        out.push(row);
      } else if (inView(entry.status, view)) {
        out.push(row.status === entry.status ? row : { ...row, status: entry.status });
      }
    }
    for (const [id, entry] of this.entries) {
      if (entry.settledAfter !== undefined && request > entry.settledAfter) this.entries.delete(id);
    }
    return out;
  }
}

/** Whether a paper with `status` still belongs in the list being shown. */
export function inView(status: Status, view: View): boolean {
  if (view.kind !== 'status' || view.status === 'all') return true;
  if (view.status === 'unread') return status === 'inbox' || status === 'queued';
  return view.status === status;
}
