import { useEffect, useRef } from 'react';
import { useApp } from '../store';
import type { ImportPreview } from '../store/types';
import { nothingNew as changesNothing } from '../store/import-batch';
import { BatchEntries, batchAction, batchNothingNew, batchSummary } from './import/BatchPreview';
import { PreviewEntries } from './import/PreviewEntries';
import { count, newPapers, nothingNewReason, pdfSummary, summaryRest } from './import/summary';
import { PASTED } from './import/big-paste';
import { useDialogFocus } from './use-dialog-focus';

const papers = (n: number) => count(n, 'paper', 'papers');

/** What confirming would do, said on its button; `merging` possible duplicates go into their paper instead. */
function actionLabel({ new: fresh, filling, pdf }: ImportPreview, merging: number): string {
  if (pdf) return pdf.kind === 'attach' ? 'Attach the PDF' : 'Import as a new paper';
  const added = fresh - merging;
  const parts: string[] = [];
  if (added > 0) parts.push(`Import ${papers(added)}`);
  if (merging > 0) parts.push(parts.length ? `merge ${merging.toLocaleString()}` : `Merge ${papers(merging)}`);
  if (filling > 0)
    parts.push(parts.length ? `fill in ${filling.toLocaleString()}` : `Fill in details of ${papers(filling)}`);
  return parts.length > 2 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts.join(' and ');
}

/** What an import will do, entry by entry, before anything changes. */
export function ImportDialog() {
  const pending = useApp((s) => s.pendingImport);
  const confirm = useApp((s) => s.confirmImport);
  const cancel = useApp((s) => s.cancelImport);
  const chooseMerge = useApp((s) => s.chooseMerge);
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog, pending !== undefined);
  const batch = pending?.phase === 'reading' ? undefined : pending?.batch;
  const nothingNew = batch ? batchNothingNew(batch) : pending?.preview !== undefined && changesNothing(pending.preview);
  // Where the keyboard is when the preview arrives: Enter or Space closes, as the only thing left to do.
  useEffect(() => {
    if (nothingNew) close.current?.focus();
  }, [nothingNew]);

  useEffect(() => {
    if (!pending) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && cancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, cancel]);

  if (!pending) return null;
  const { preview, progress } = pending;
  return (
    <div className="scrim">
      {/* With nothing new (every entry already in the library as it is, or unreadable), there is nothing to confirm. */}
      <div ref={dialog} className="dialog" role="dialog" aria-modal="true" aria-label="Import" tabIndex={-1}>
        <h2>{pending.batch ? `Import ${pending.name}` : `Import “${pending.name}”`}</h2>
        {batch ? (
          <>
            <div role="status">
              {nothingNew && (
                <p className="import-nothing">
                  <strong>Nothing new to import.</strong> Every file is in your library already, or could not be read.
                </p>
              )}
              <p className={nothingNew ? 'import-summary muted' : 'import-summary'}>{batchSummary(batch)}</p>
            </div>
            <BatchEntries
              batch={batch}
              disabled={pending.phase !== 'preview'}
              onChoose={(file, entry, merge) => chooseMerge(entry, merge, file)}
            />
          </>
        ) : !preview ? (
          <p className="muted" role="status">
            {pending.phase !== 'reading'
              ? 'Importing…'
              : pending.batch && progress
                ? `Reading the files… (${progress.done.toLocaleString()} of ${progress.total.toLocaleString()})`
                : pending.name === PASTED
                  ? 'Reading the pasted text…'
                  : 'Reading the file…'}
          </p>
        ) : (
          <>
            <div role="status">
              {nothingNew && (
                <p className="import-nothing">
                  <strong>Nothing new to import.</strong>{' '}
                  {nothingNewReason(preview, pending.name === PASTED ? 'the paste' : 'the file')}
                </p>
              )}
              {preview.pdf ? (
                <p className={nothingNew ? 'import-summary muted' : 'import-summary'}>
                  PDF · {pdfSummary(preview.pdf)}.
                </p>
              ) : (
                <p className={nothingNew ? 'import-summary muted' : 'import-summary'}>
                  {preview.format} · {preview.found.toLocaleString()} found · <strong>{newPapers(preview.new)}</strong>
                  {summaryRest(preview)}
                </p>
              )}
            </div>
            <PreviewEntries
              preview={preview}
              merge={pending.merge}
              disabled={pending.phase !== 'preview'}
              onChoose={chooseMerge}
            />
          </>
        )}
        {pending.phase === 'importing' && (
          <div className="import-progress">
            <progress
              aria-label="Import progress"
              max={pending.progress?.total ?? 1}
              value={pending.progress?.done ?? undefined}
            />
            <span className="muted">
              {pending.progress
                ? `${pending.progress.done.toLocaleString()} of ${pending.progress.total.toLocaleString()} ${pending.batch ? 'files' : 'entries'}`
                : 'Importing…'}
            </span>
          </div>
        )}
        <div className="dialog-actions">
          {nothingNew ? (
            <button type="button" className="button primary" ref={close} onClick={cancel}>
              Close
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={cancel} disabled={pending.phase === 'importing'}>
                Cancel
              </button>
              <button
                type="button"
                className="button primary"
                disabled={!(preview || batch) || pending.phase !== 'preview'}
                onClick={() => void confirm()}
              >
                {pending.phase === 'importing'
                  ? 'Importing…'
                  : batch
                    ? batchAction(batch)
                    : preview
                      ? actionLabel(preview, pending.merge.length)
                      : 'Import'}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
