import { useApp } from '../store';
import { useKeyboard } from '../useKeyboard';
import { Banner } from './Banner';
import { BulkBar } from './BulkBar';
import { ImportDialog } from './ImportDialog';
import { Overlays } from './Overlays';
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
      <Overlays />
    </div>
  );
}
