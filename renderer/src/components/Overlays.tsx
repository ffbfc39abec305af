import { useApp } from '../store';
import { ShortcutSheet } from './ShortcutSheet';
import { SyncDialog } from './sync/SyncDialog';
import { TriageMode } from './TriageMode';
import './a11y.css';

export function Overlays() {
  const overlay = useApp((s) => s.overlay);
  const notice = useApp((s) => s.notice);
  const undo = useApp((s) => s.undo);
  const canUndo = useApp((s) => s.undoStack.length > 0);
  const syncDialog = useApp((s) => s.syncDialog);
  // The notes export's report (the desktop app), unless a newer notice took its place.
  const exported = useApp((s) => (s.notice ? undefined : s.exported));
  const openExportFolder = useApp((s) => s.openExportFolder);
  return (
    <>
      {overlay === 'shortcuts' && <ShortcutSheet />}
      {overlay === 'triage' && <TriageMode />}
      {syncDialog && <SyncDialog />}
      {/* Always in the page, empty between notices: a screen reader misses a live region that arrives with its text. */}
      <div className={notice || exported ? 'toast' : 'toast-idle'} role="status">
        {notice ?? exported?.text}
        {notice && canUndo && !notice.startsWith('Undone') && (
          <button type="button" className="linkish" onClick={() => void undo()}>
            Undo
          </button>
        )}
        {exported && (
          <button type="button" className="linkish" onClick={() => void openExportFolder()}>
            Open folder
          </button>
        )}
      </div>
    </>
  );
}
