import { useApp } from '../store';
import type { ImportReport } from '../store/types';

/** A library that cannot be saved says so for as long as it is open, above any other banner. */
export function Banner() {
  const readOnly = useApp((s) => s.readOnly);
  return (
    <>
      {readOnly && (
        <div className="banner warning" role="alert" data-testid="read-only-banner">
          <span>{readOnly} You can still read, search and export your papers.</span>
        </div>
      )}
      <LatestBanner />
    </>
  );
}

/** The last import's outcome, or an error; stays until dismissed. */
function LatestBanner() {
  const report = useApp((s) => s.importReport);
  const error = useApp((s) => s.error);
  const dismiss = useApp((s) => s.dismissBanner);
  const recovery = useApp((s) => s.recovery);
  const writeError = useApp((s) => s.writeError);
  if (writeError) {
    return (
      <div className="banner error" role="alert">
        <span>
          Your latest changes could not be saved ({writeError}). They are kept in memory and saved with the next change;
          the library file on disk is still the last good one.
        </span>
      </div>
    );
  }
  if (recovery) {
    return (
      <div className="banner warning" role="alert">
        <span>
          Your library could not be read, so{' '}
          {recovery.backupAt
            ? `the backup of ${new Date(recovery.backupAt).toLocaleString()} was restored`
            : 'it starts empty (no valid backup was found)'}
          . The damaged file is kept at <code>{recovery.damagedFile}</code>.
        </span>
        <button type="button" className="button ghost" onClick={dismiss} aria-label="Dismiss">
          ✕
        </button>
      </div>
    );
  }
  if (error) {
    return (
      <div className="banner error" role="alert">
        <span>{error}</span>
        <button type="button" className="button ghost" onClick={dismiss} aria-label="Dismiss">
          ✕
        </button>
      </div>
    );
  }
  if (!report) return null;
  const parts = [importSentence(report)];
  if (report.duplicates) parts.push(`${report.duplicates} already in your library`);
  return (
    <div className={report.errors.length ? 'banner warning' : 'banner'} role="status">
      <div>
        <strong>{parts.join(' · ')}</strong>
        {report.errors.length > 0 && (
          <ul className="problems">
            {report.errors.slice(0, 5).map((p, i) => (
              <li key={i}>
                {p.where}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="button ghost" onClick={dismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}

const papers = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'paper' : 'papers'}`;

/** What an import did, first: a PDF's paper, papers added, or only details filled in. */
function importSentence(report: ImportReport): string {
  const { pdf } = report;
  if (pdf) {
    if (pdf.kind === 'new') return `Added “${pdf.title}” with its PDF`;
    if (pdf.already) return `“${pdf.title}” already has this PDF`;
    return `Attached the PDF to “${pdf.title}” (${pdf.why})`;
  }
  if (report.added === 0 && report.merged > 0)
    return `Filled in details of ${papers(report.merged)} from “${report.source}”`;
  return `Imported ${papers(report.added)} from “${report.source}”`;
}
