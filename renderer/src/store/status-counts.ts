import type { Stats, Status, View } from './types';

/*
 * What a status change does to what the page shows before the library answers: which status a view's papers
 * all have, and the sidebar's counts once papers change status.
 */

/** The one status every paper in `view` has, if it shows only one. */
export function singleStatus(view: View): Status | undefined {
  if (view.kind !== 'status' || view.status === 'all' || view.status === 'unread') return undefined;
  return view.status;
}

/** The library's counts once the papers `moved` (each with the status it had) have `status`. */
export function movedStats(stats: Stats, moved: readonly { status: Status }[], status: Status): Stats {
  const byStatus = { ...stats.byStatus };
  for (const paper of moved) {
    byStatus[paper.status] = Math.max(0, byStatus[paper.status] - 1);
    byStatus[status] += 1;
  }
  return { ...stats, byStatus, unread: byStatus.inbox + byStatus.queued };
}
