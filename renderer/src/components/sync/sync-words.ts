import type { SyncConflict, SyncOn } from '../../store/types';

/** "just now", "4 min ago", "3 h ago", "yesterday", or the date: when the library last synced. */
export function since(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return 'at an unknown time';
  if (seconds < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
  if (seconds < 3600) return format.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return format.format(-Math.round(seconds / 3600), 'hour');
  if (seconds < 7 * 86_400) return format.format(-Math.round(seconds / 86_400), 'day');
  return `on ${new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The status line's first line: how sync is, in one plain phrase. */
export function headline(sync: SyncOn, now = Date.now()): string {
  switch (sync.folderState) {
    case 'missing':
      return 'Sync folder missing — will resume when it returns';
    case 'newer':
      return 'Sync folder written by a newer Paperqueue — update to sync';
    case 'in-use':
      return 'Another Paperqueue is writing this device’s files — sync waits';
    case 'error':
      return 'Sync failed — the details are in Sync settings';
    default:
      return sync.lastSyncedAt ? `Synced ${since(sync.lastSyncedAt, now)}` : 'Not synced yet';
  }
}

/** Devices seen besides this one, changes waiting, conflicts: "2 other devices · 3 changes waiting". */
export function facts(sync: SyncOn): string[] {
  const others = sync.devices.filter((device) => !device.self).length;
  return [
    others === 0 ? 'no other device yet' : count(others, 'other device', 'other devices'),
    ...(sync.waiting > 0 ? [count(sync.waiting, 'change waiting', 'changes waiting')] : []),
  ];
}

export const conflictCount = (n: number): string => count(n, 'conflict', 'conflicts');

type ConflictSide = SyncConflict['ours'];

/**
 * When a side was edited, in this computer's time ("edited 5 Dec, 15:33"), from the time the core read in its
 * marker (UTC, to the minute); a label the core could not read is shown as it is.
 */
export function editedAt(side: ConflictSide): string {
  if (!side.time) return side.label;
  const when = new Date(side.time.replace('Z', ':00Z'));
  if (Number.isNaN(when.getTime())) return side.label;
  return `edited ${when.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}`;
}

/**
 * The markers a merge leaves in a note, as the core finds them: a text holding them is not settled. Both
 * label forms start with "edited" ("edited <time> on <machine>", and the older "edited <time>").
 */
export const hasConflictMarkers = (text: string): boolean =>
  /^<<<<<<< edited[^\n]*\n[\s\S]*?^=======\n[\s\S]*?^>>>>>>> edited/m.test(text);
