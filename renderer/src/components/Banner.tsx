import { useEffect, useRef } from 'react';
import { useApp } from '../store';
import type { BatchReport } from '../store/import-batch';
import type { ImportUndone } from '../store/library-slice';
import { shortTitle } from '../tex-plain';
import { ConnectionBanner } from './ConnectionBanner';
import './import/import.css';

/**
 * A library that cannot be saved says so for as long as it is open, above any other banner. The banners have a band
 * of their own between the toolbar and the list, ruled off from the list as the toolbar is: the list starts below
 * it, so a row scrolled part way out of sight is cut by the list's edge, not drawn under a banner.
 */
export function Banner() {
  const readOnly = useApp((s) => s.readOnly);
  return (
    <div className="banners">
      <ConnectionBanner />
      {readOnly && (
        <div className="banner warning" role="alert" data-testid="read-only-banner">
          <span>{readOnly} You can still read, search and export your papers.</span>
        </div>
      )}
      <LatestBanner />
    </div>
  );
}

/**
 * The last import's outcome (with its Undo) or what its Undo did, until dismissed or the person goes to another
 * view; an error, until dismissed.
 */
function LatestBanner() {
  const report = useApp((s) => s.importReport);
  const undone = useApp((s) => s.importUndone);
  const undo = useApp((s) => s.undoImport);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  // Undo goes away once pressed: the keyboard stays in the banner, on its Dismiss button, rather than nowhere.
  const hadFocus = useRef(false);
  useEffect(() => {
    if (undone && hadFocus.current) dismissButton.current?.focus();
    hadFocus.current = false;
  }, [undone]);
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
        <span>{recovery.summary}</span>
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
  if (!report && !undone) return null;
  const parts = report ? importParts(report) : [undoneSentence(undone!)];
  // The same element says the import and then its undoing, so the live region reads out the change.
  return (
    <div className={report?.errors.length ? 'banner warning' : 'banner'} role="status">
      <div className="banner-text">
        <strong>{parts.join(' · ')}</strong>
        {report?.message && <p className="banner-message">{report.message}</p>}
        {report && report.errors.length > 0 && (
          <ul className="problems">
            {report.errors.slice(0, MAX_PROBLEMS).map((p, i) => (
              <li key={i}>
                {p.where}: {p.message}
              </li>
            ))}
            {report.errors.length > MAX_PROBLEMS && (
              <li>… and {(report.errors.length - MAX_PROBLEMS).toLocaleString()} more skipped</li>
            )}
          </ul>
        )}
      </div>
      {report?.importId && (
        <button
          type="button"
          className="button banner-undo"
          ref={undoButton}
          onClick={() => {
            hadFocus.current = document.activeElement === undoButton.current;
            void undo();
          }}
          aria-label={`Undo the import of ${report.files ? `${report.files.toLocaleString()} files` : `“${report.source}”`}`}
        >
          Undo
        </button>
      )}
      <button type="button" className="button ghost" ref={dismissButton} onClick={dismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}

/** The problems of an import listed in its notice, at most; past them, how many more. */
const MAX_PROBLEMS = 5;

/** What taking an import back did: the papers removed, the details put back, what was kept as changed since. */
function undoneSentence({ source, removed, restored, kept, detached, files }: ImportUndone): string {
  const parts = removed > 0 ? [`removed ${papers(removed)}`] : [];
  if (restored) parts.push(`put back the details of ${papers(restored)}`);
  if (detached) parts.push(`took ${count(detached, 'a PDF', 'PDFs')} off the papers it had attached them to`);
  const keptSince = `kept ${papers(kept)} you have worked on since`;
  const what = files ? `${files.toLocaleString()} files` : `“${source}”`;
  // Every paper it added worked on since, or nothing it did left: no "removed 0 papers".
  if (parts.length === 0) return `Took back the import of ${what}: ${kept ? keptSince : 'nothing it did was left'}`;
  return `Took back the import of ${what}: ${parts.join(' and ')}${kept ? ` · ${keptSince}` : ''}`;
}

const papers = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'paper' : 'papers'}`;
const count = (n: number, one: string, many: string) => (n === 1 ? one : `${n.toLocaleString()} ${many}`);

/**
 * What an import did, each part exactly: the papers added, the papers of the library it filled in (merged
 * into), those it found there with nothing to add, repeats, possible duplicates kept apart, entries skipped.
 */
function importParts(report: BatchReport): string[] {
  const parts = [importSentence(report)];
  if (report.attached && report.files && (report.added > 0 || report.filled > 0))
    parts.push(`attached ${count(report.attached, 'a PDF', 'PDFs')} to papers already there`);
  if (report.filled && report.added > 0) parts.push(`filled in what ${papers(report.filled)} in your library lacked`);
  const already = report.duplicates - report.repeats - report.filled;
  if (already > 0) parts.push(`${already.toLocaleString()} already in your library`);
  if (report.repeats) parts.push(`${report.repeats.toLocaleString()} repeated in the file, taken once`);
  if (report.possible.length) parts.push(`${report.possible.length} possibly already there, kept apart`);
  if (report.errors.length) parts.push(`${report.errors.length.toLocaleString()} skipped`);
  if (report.unchanged) parts.push(`left out ${count(report.unchanged, 'a file', 'files')} with nothing to import`);
  return parts;
}

/** What an import did, first: a PDF's paper, papers added, or only details filled in. */
function importSentence(report: BatchReport): string {
  const { pdf } = report;
  const from = report.files ? `from ${report.files.toLocaleString()} files` : `from “${report.source}”`;
  if (pdf && !report.files) {
    if (pdf.kind === 'new') return `Added “${shortTitle(pdf.title)}” with its PDF`;
    if (pdf.already) return `“${shortTitle(pdf.title)}” already has this PDF`;
    return `Attached the PDF to “${shortTitle(pdf.title)}” (${pdf.why})`;
  }
  if (report.added === 0 && report.filled > 0)
    return `Filled in what ${papers(report.filled)} in your library lacked, ${from}`;
  if (report.added === 0 && report.attached > 0 && report.files)
    return `Attached ${count(report.attached, 'a PDF', 'PDFs')} to papers already there, ${from}`;
  return `Imported ${papers(report.added)} ${from}`;
}
