import { useApp } from '../store';
import { ShortcutSheet } from './ShortcutSheet';
import { TriageMode } from './TriageMode';

export function Overlays() {
  const overlay = useApp((s) => s.overlay);
  const notice = useApp((s) => s.notice);
  const undo = useApp((s) => s.undo);
  const canUndo = useApp((s) => s.undoStack.length > 0);
  return (
    <>
      {overlay === 'shortcuts' && <ShortcutSheet />}
      {overlay === 'triage' && <TriageMode />}
      {notice && (
        <div className="toast" role="status">
          {notice}
          {canUndo && !notice.startsWith('Undone') && (
            <button type="button" className="linkish" onClick={() => void undo()}>
              Undo
            </button>
          )}
        </div>
      )}
    </>
  );
}
