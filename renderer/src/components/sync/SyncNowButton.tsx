import { useApp } from '../../store';

/**
 * Sync now, in the sidebar and in the sync settings. While sync works it is aria-disabled, not disabled: a
 * disabled button drops the focus it has to the page.
 */
export function SyncNowButton({ className, busyLabel }: { className: string; busyLabel?: string }) {
  const syncing = useApp((s) => s.syncing);
  const syncNow = useApp((s) => s.syncNow);
  return (
    <button
      type="button"
      className={className}
      aria-disabled={syncing}
      onClick={() => {
        if (!syncing) void syncNow();
      }}
    >
      {syncing && busyLabel ? busyLabel : 'Sync now'}
    </button>
  );
}
