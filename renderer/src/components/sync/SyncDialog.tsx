import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../store';
import type { SyncOn } from '../../store/types';
import { useDialogFocus } from '../use-dialog-focus';
import { ConflictList } from './ConflictList';
import { SyncNotices } from './SyncNotices';
import { SyncNowButton } from './SyncNowButton';
import { SyncSetupForm } from './SyncSetupForm';
import { facts, headline, since } from './sync-words';
import './sync.css';

/** Sync settings: the folder and this machine's name, how sync is, the notes in conflict, turning it off. */
export function SyncDialog() {
  const sync = useApp((s) => s.sync);
  const syncing = useApp((s) => s.syncing);
  const problem = useApp((s) => s.syncProblem);
  const close = useApp((s) => s.setSyncDialog);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);
  const on = sync?.setUp ? sync : undefined;

  return (
    <div className="scrim">
      <div
        ref={dialog}
        className="dialog sync-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sync-dialog-title"
      >
        <h2 id="sync-dialog-title">Sync</h2>
        <div className="sync-body">
          <p className="muted">
            Paperqueue syncs your library through a folder that Syncthing, Dropbox, iCloud Drive or a network drive
            already copies between your machines. Each machine writes only its own files there; nothing goes through a
            server.
          </p>
          {on && <SyncSummary sync={on} syncing={syncing} />}
          {on && <SyncNotices sync={on} />}
          {problem && (
            <p className="sync-problem" role="alert">
              {problem}
            </p>
          )}
          {/* Notes to settle come first: they are what needs the person; the settings rarely change. */}
          {on && on.conflicts.length > 0 && <ConflictList conflicts={on.conflicts} />}
          <SyncSetupForm on={on} />
          {on && on.conflicts.length === 0 && <ConflictList conflicts={on.conflicts} />}
          {on && <TurnOff />}
        </div>
        <div className="dialog-actions">
          {on && <SyncNowButton className="button" busyLabel="Syncing…" />}
          <button type="button" className="button" onClick={() => close(false)}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}

function SyncSummary({ sync, syncing }: { sync: SyncOn; syncing: boolean }) {
  const others = sync.devices.filter((device) => !device.self);
  return (
    <section className="sync-summary" aria-label="How sync is">
      {(syncing || sync.folderState !== 'ok') && (
        <p className={syncing || sync.folderState === 'missing' ? 'sync-headline' : 'sync-headline sync-trouble'}>
          {syncing ? 'Syncing…' : headline(sync)}
        </p>
      )}
      {sync.message && sync.folderState !== 'missing' && <p className="sync-message">{sync.message}</p>}
      <dl className="sync-facts-list">
        <dt>This machine</dt>
        <dd>{sync.device.name}</dd>
        <dt>Last synced</dt>
        <dd>
          {sync.lastSyncedAt ? (
            <time dateTime={sync.lastSyncedAt} title={new Date(sync.lastSyncedAt).toLocaleString()}>
              {since(sync.lastSyncedAt)}
            </time>
          ) : (
            'not yet'
          )}
        </dd>
        {sync.lastSync && (
          <>
            <dt>Last sync</dt>
            <dd>
              {sync.lastSync.summary}
              {sync.lastSync.notes.length > 0 && (
                <ul className="sync-last-notes">
                  {sync.lastSync.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        <dt>Waiting</dt>
        <dd>{facts(sync)[1] ?? 'none (every change made here is in the sync folder)'}</dd>
        <dt>PDFs</dt>
        <dd>
          {sync.pdfs
            ? sync.pdfsWaiting > 0
              ? `synced too; ${sync.pdfsWaiting.toLocaleString()} not shared by any machine yet`
              : 'synced too'
            : 'not synced (only the list of attached PDFs is)'}
        </dd>
        <dt>Devices seen</dt>
        <dd>
          {others.length === 0
            ? 'no other device yet'
            : others.map((device) => device.name ?? device.id.slice(0, 8)).join(', ')}
        </dd>
        {sync.skewed.map((skew) => (
          <div key={skew.device} className="sync-skew">
            <dt>Clock</dt>
            <dd>
              {skew.name ?? skew.device.slice(0, 8)}’s clock is {Math.round(skew.aheadMs / 60_000)} min ahead of this
              machine’s: its edits win until then.
            </dd>
          </div>
        ))}
      </dl>
      {sync.problems.length > 0 && (
        <details className="sync-files">
          <summary>{sync.problems.length === 1 ? '1 file' : `${sync.problems.length} files`} not taken in</summary>
          <ul>
            {sync.problems.map((problem) => (
              <li key={problem.file}>
                <code>{problem.file}</code>: {problem.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function TurnOff() {
  const turnOff = useApp((s) => s.turnOffSync);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  if (!asking) {
    return (
      <div className="sync-off-row">
        <button type="button" className="button ghost" onClick={() => setAsking(true)}>
          Turn sync off…
        </button>
      </div>
    );
  }
  return (
    <div className="sync-off-row sync-confirm" role="group" aria-labelledby="sync-off-question">
      <p id="sync-off-question">
        Stop syncing this machine? The library keeps every paper, and the other machines keep what it synced.
      </p>
      <button
        type="button"
        className="button"
        autoFocus
        onClick={() => void turnOff().catch((error: Error) => setProblem(error.message))}
      >
        Turn sync off
      </button>
      <button type="button" className="button ghost" onClick={() => setAsking(false)}>
        Keep syncing
      </button>
      {problem && (
        <p className="sync-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
