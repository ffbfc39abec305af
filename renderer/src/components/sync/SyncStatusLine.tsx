import { SyncNowButton } from './SyncNowButton';
import { useApp } from '../../store';
import { SyncNotices } from './SyncNotices';
import { conflictCount, facts, headline } from './sync-words';
import './sync.css';

/**
 * The sidebar's sync line: how sync is (last synced, a missing folder said plainly), devices seen, changes
 * waiting, conflicts, and Sync now. With sync off it is one quiet link to set it up.
 */
export function SyncStatusLine() {
  const sync = useApp((s) => s.sync);
  const syncing = useApp((s) => s.syncing);
  const openDialog = useApp((s) => s.setSyncDialog);
  if (!sync) return null;
  if (!sync.setUp) {
    return (
      <div className="sync-line sync-off">
        <button type="button" className="linkish" onClick={() => openDialog(true)}>
          Sync with your other machines…
        </button>
      </div>
    );
  }
  // A missing folder is ordinary (a laptop away from its drive): said plainly, not in red.
  const trouble = sync.folderState !== 'ok' && sync.folderState !== 'missing';
  return (
    <section className="sync-line" aria-label="Sync">
      <p className={trouble ? 'sync-headline sync-trouble' : 'sync-headline'}>
        {syncing ? 'Syncing…' : headline(sync)}
      </p>
      <p className="sync-facts">{facts(sync).join(' · ')}</p>
      {sync.lastSync && !syncing && <p className="sync-facts sync-last">{sync.lastSync.summary}</p>}
      <SyncNotices sync={sync} />
      {sync.conflicts.length > 0 && (
        <button type="button" className="linkish sync-conflicts" onClick={() => openDialog(true)}>
          {conflictCount(sync.conflicts.length)} to settle
        </button>
      )}
      <div className="sync-buttons">
        <SyncNowButton className="button small" />
        <button
          type="button"
          className="button small ghost"
          aria-label="Sync settings"
          onClick={() => openDialog(true)}
        >
          Settings
        </button>
      </div>
    </section>
  );
}
