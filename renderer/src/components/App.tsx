import { useEffect } from 'react';
import { useApp } from '../store';
import { Banner } from './Banner';
import { BulkBar } from './BulkBar';
import { ImportDialog } from './ImportDialog';
import { PaperDetail } from './PaperDetail';
import { PaperList } from './PaperList';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';

export function App() {
  const selectedId = useApp((s) => s.selectedId);
  const previewFile = useApp((s) => s.previewFile);
  useKeyboard();
  return (
    <div
      className={selectedId ? 'app with-detail' : 'app'}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        void previewFile(file);
      }}
    >
      <Sidebar />
      <main className="main" aria-label="Papers">
        <Toolbar />
        <Banner />
        <BulkBar />
        <PaperList />
      </main>
      {selectedId && <PaperDetail id={selectedId} />}
      <ImportDialog />
    </div>
  );
}

/**
 * j/k or arrows move, Alt+arrows move the paper in the queue, q keeps (queues), x dismisses, r marks read,
 * / searches, Escape closes. Triage keys act on every picked paper when several are picked.
 */
function useKeyboard() {
  const step = useApp((s) => s.step);
  const select = useApp((s) => s.select);
  const setStatus = useApp((s) => s.setStatus);
  const nudge = useApp((s) => s.nudge);
  const selectedId = useApp((s) => s.selectedId);
  const checked = useApp((s) => s.checked);
  const canReorder = useApp((s) => s.sort === 'queue');
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (target.closest('[role="dialog"]')) return;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) {
        if (event.key === 'Escape') target.blur();
        return;
      }
      if (event.altKey && canReorder && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        void nudge(event.key === 'ArrowUp' ? -1 : 1);
        return;
      }
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      const actions: Record<string, () => void> = {
        j: () => step(1),
        ArrowDown: () => step(1),
        k: () => step(-1),
        ArrowUp: () => step(-1),
        Escape: () => select(undefined),
        '/': () => document.getElementById('search')?.focus(),
      };
      const targets = checked.length > 1 ? checked : selectedId ? [selectedId] : [];
      if (targets.length) {
        actions.q = () => void setStatus(targets, 'queued');
        actions.x = () => void setStatus(targets, 'dismissed');
        actions.r = () => void setStatus(targets, 'read');
      }
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, select, setStatus, nudge, selectedId, checked, canReorder]);
}
