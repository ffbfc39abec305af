import { useEffect } from 'react';
import { useApp } from '../store';

const KIND_LABEL = { new: 'New', duplicate: 'Already in library', error: 'Skipped' } as const;

/** What an import will do, entry by entry, before anything changes. */
export function ImportDialog() {
  const pending = useApp((s) => s.pendingImport);
  const confirm = useApp((s) => s.confirmImport);
  const cancel = useApp((s) => s.cancelImport);

  useEffect(() => {
    if (!pending) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && cancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, cancel]);

  if (!pending) return null;
  const { preview } = pending;
  return (
    <div className="scrim">
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Import">
        <h2>Import “{pending.name}”</h2>
        {!preview ? (
          <p className="muted" role="status">
            {pending.phase === 'reading' ? 'Reading the file…' : 'Importing…'}
          </p>
        ) : (
          <>
            <p className="import-summary" role="status">
              {preview.format} · {preview.found.toLocaleString()} found ·{' '}
              <strong>{preview.new.toLocaleString()} new</strong>
              {preview.duplicates > 0 && ` · ${preview.duplicates.toLocaleString()} already in your library`}
              {preview.errors > 0 && ` · ${preview.errors.toLocaleString()} skipped`}
            </p>
            <ul className="import-entries">
              {preview.entries.slice(0, 500).map((entry, i) => (
                <li key={i} className={`entry ${entry.kind}`}>
                  <span className={`entry-kind ${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
                  <span className="entry-text">
                    {entry.kind === 'error' ? `${entry.where}: ${entry.message}` : entry.title}
                    {entry.kind === 'duplicate' && entry.fills.length > 0 && (
                      <span className="muted"> — adds {entry.fills.join(', ')}</span>
                    )}
                  </span>
                </li>
              ))}
              {preview.entries.length > 500 && <li className="muted">… and {preview.entries.length - 500} more</li>}
            </ul>
          </>
        )}
        {pending.phase === 'importing' && (
          <div className="import-progress">
            <progress
              aria-label="Import progress"
              max={pending.progress?.total ?? 1}
              value={pending.progress?.done ?? undefined}
            />
            <span className="muted">
              {pending.progress
                ? `${pending.progress.done.toLocaleString()} of ${pending.progress.total.toLocaleString()} entries`
                : 'Importing…'}
            </span>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={cancel} disabled={pending.phase === 'importing'}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!preview || pending.phase !== 'preview' || preview.new + preview.duplicates === 0}
            onClick={() => void confirm()}
          >
            {pending.phase === 'importing'
              ? 'Importing…'
              : preview && preview.new > 0
                ? `Import ${preview.new.toLocaleString()} ${preview.new === 1 ? 'paper' : 'papers'}`
                : 'Update duplicates'}
          </button>
        </div>
      </div>
    </div>
  );
}
