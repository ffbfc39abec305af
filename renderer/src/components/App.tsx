import { useApp } from '../store';
import { useKeyboard } from '../useKeyboard';
import { Banner } from './Banner';
import { BulkBar } from './BulkBar';
import { ImportDialog } from './ImportDialog';
import { RankingNote } from './Insight';
import { Overlays } from './Overlays';
import { PaperDetail } from './PaperDetail';
import { PaperList } from './PaperList';
import { Sidebar } from './Sidebar';
import { StatsView } from './StatsView';
import { Toolbar } from './Toolbar';

export function App() {
  const selectedId = useApp((s) => s.selectedId);
  const previewFile = useApp((s) => s.previewFile);
  const showStats = useApp((s) => s.view.kind === 'stats');
  useKeyboard();
  return (
    <div
      className={selectedId && !showStats ? 'app with-detail' : 'app'}
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
      {showStats ? (
        <main className="main" aria-label="Reading stats">
          <Banner />
          <StatsView />
        </main>
      ) : (
        <main className="main" aria-label="Papers">
          <Toolbar />
          <Banner />
          <RankingNote />
          <BulkBar />
          <PaperList />
        </main>
      )}
      {selectedId && !showStats && <PaperDetail id={selectedId} />}
      <ImportDialog />
      <Overlays />
    </div>
  );
}
