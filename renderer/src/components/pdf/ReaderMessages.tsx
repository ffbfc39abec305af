import { useApp } from '../../store';

/** In place of the pages: the PDF being opened, or why it cannot be shown (naming the file). */
export function DocumentMessage({ name, error }: { name: string; error: string | undefined }) {
  if (error === undefined)
    return (
      <div className="pdf-message">
        <p className="muted">Opening ‘{name}’…</p>
      </div>
    );
  return (
    <div className="pdf-message" role="alert">
      <h2>The PDF cannot be shown</h2>
      <p>{error}</p>
      <p className="muted">The rest of Paperqueue works as before; the file itself is unchanged.</p>
    </div>
  );
}

/** At the last page: mark the paper read (undoable like any status change), or not now. */
export function EndBar({ paperId, onDismiss }: { paperId: string; onDismiss: () => void }) {
  const setStatus = useApp((s) => s.setStatus);
  return (
    <div className="pdf-endbar" role="status">
      <span>You have reached the last page.</span>
      <button
        type="button"
        className="button small primary"
        onClick={() => void setStatus([paperId], 'read', { keepOpen: true })}
      >
        Mark as read
      </button>
      <button type="button" className="button small ghost" onClick={onDismiss}>
        Not now
      </button>
    </div>
  );
}
