import { Suspense, lazy } from 'react';
import { useApp } from '../store';
import { useKeyboard } from '../useKeyboard';
import { Banner } from './Banner';
import { LibraryFailedPage, LibraryOpening, RefusedPage } from './ConnectionBanner';
import { BulkBar } from './BulkBar';
import { ImportDialog } from './ImportDialog';
import { LibraryToggle, useLibraryDrawer } from './LibraryToggle';
import { RankingNote } from './Insight';
import { Overlays } from './Overlays';
import { useOneColumnFocus } from './one-column-focus';
import { PaperDetail } from './PaperDetail';
import { PaperList } from './PaperList';
import { SearchNote } from './SearchNote';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { ReaderToast } from './pdf/Attachments';

// The charts library is half the app's code: it loads when the stats are first opened, not before the list.
const StatsView = lazy(() => import('./StatsView').then((module) => ({ default: module.StatsView })));
// So is pdf.js: the reader loads when a PDF is first opened.
const PdfReader = lazy(() => import('./pdf/PdfReader').then((module) => ({ default: module.PdfReader })));

export function App() {
  // Whether a paper is open, not which: the shell (the sidebar, the toolbar…) is not drawn again each time
  // a key moves the cursor, only the detail pane (SelectedPaper).
  const hasSelection = useApp((s) => s.selectedId !== undefined);
  const previewFiles = useApp((s) => s.previewFiles);
  const showStats = useApp((s) => s.view.kind === 'stats');
  const reading = useApp((s) => s.reader !== undefined);
  const refused = useApp((s) => s.reach === 'refused');
  // Browser mode: serve is still opening the library (what the page waits for is said where the list goes), or
  // could not open it (the whole page says why).
  const opening = useApp((s) => s.library?.state === 'opening' && s.loading && s.papers.length === 0);
  const failed = useApp((s) => (s.library?.state === 'failed' ? s.library : undefined));
  useKeyboard();
  const withDetail = hasSelection && !showStats;
  const library = useLibraryDrawer(withDetail);
  // Below 720 pixels an open paper has the whole window; the library's drawer is modal wherever it is a drawer
  // (below 720, and up to 1,099 beside an open paper): what they cover is inert, out of Tab's way and a screen
  // reader's (narrow-layout.css draws them, and makes the pane beside the drawer inert; one-column-focus.ts).
  const covered = (withDetail && library.narrow) || library.modal;
  useOneColumnFocus(withDetail, library.narrow);
  const toggle = (
    <LibraryToggle open={library.open} button={library.toggle} onToggle={() => library.setOpen((open) => !open)} />
  );
  if (refused) return <RefusedPage />;
  if (failed) return <LibraryFailedPage failure={failed} />;
  return (
    <>
      <div
        className={`app${withDetail ? ' with-detail' : ''}${library.folded ? ' folding' : ''}${library.open ? ' library-open' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          const files = [...e.dataTransfer.files];
          if (!files.length) return;
          e.preventDefault();
          void previewFiles(files);
        }}
      >
        <Sidebar drawer={library.open ? { close: library.close } : undefined} />
        {showStats ? (
          <main className="main" aria-label="Reading stats" inert={covered}>
            {library.folded && <div className="stats-lead">{toggle}</div>}
            <Banner />
            {opening ? (
              <LibraryOpening />
            ) : (
              <Suspense fallback={<p className="muted stats-loading">Loading…</p>}>
                <StatsView />
              </Suspense>
            )}
          </main>
        ) : (
          <main className="main" aria-label="Papers" inert={covered}>
            <Toolbar lead={library.folded && toggle} />
            <Banner />
            <RankingNote />
            <SearchNote />
            <BulkBar />
            {opening ? <LibraryOpening /> : <PaperList />}
          </main>
        )}
        {hasSelection && !showStats && <SelectedPaper />}
        <ImportDialog />
        <Overlays />
      </div>
      {reading && (
        <Suspense
          fallback={
            <div className="pdf-reader-loading" role="status">
              Opening the reader…
            </div>
          }
        >
          <PdfReader />
        </Suspense>
      )}
      <ReaderToast />
    </>
  );
}

/** The detail pane of the paper the cursor is on. */
function SelectedPaper() {
  const selectedId = useApp((s) => s.selectedId);
  return selectedId ? <PaperDetail /> : null;
}
