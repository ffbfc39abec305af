import { useEffect } from 'react';
import { useApp } from '../store';
import { Banner } from './Banner';
import { PaperDetail } from './PaperDetail';
import { PaperList } from './PaperList';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';

export function App() {
  const selectedId = useApp((s) => s.selectedId);
  useKeyboard();
  return (
    <div className={selectedId ? 'app with-detail' : 'app'}>
      <Sidebar />
      <main className="main" aria-label="Papers">
        <Toolbar />
        <Banner />
        <PaperList />
      </main>
      {selectedId && <PaperDetail id={selectedId} />}
    </div>
  );
}

/** j/k or arrows move, q keeps (queues), x dismisses, r marks read, / searches, Escape closes. */
function useKeyboard() {
  const step = useApp((s) => s.step);
  const select = useApp((s) => s.select);
  const setStatus = useApp((s) => s.setStatus);
  const selectedId = useApp((s) => s.selectedId);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) {
        if (event.key === 'Escape') target.blur();
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
      if (selectedId) {
        actions.q = () => void setStatus([selectedId], 'queued');
        actions.x = () => void setStatus([selectedId], 'dismissed');
        actions.r = () => void setStatus([selectedId], 'read');
      }
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step, select, setStatus, selectedId]);
}
