import type { Transport } from '../transport';
import type { ImportPreview, ImportReport } from './types';

/** A file picked or dropped with others: its bytes, what importing it would do, or why it cannot be read. */
export type BatchFile = {
  name: string;
  base64: string;
  preview?: ImportPreview;
  /** Why the file could not be previewed (or, once confirmed, imported): it is skipped, the others go on. */
  error?: string;
  /** Its possible duplicates (by their preview `entry`) the person chose to merge. */
  merge: number[];
};

type Problem = { where: string; message: string };

/**
 * What several files imported at once did, told as one report; `files`: how many were imported, `unchanged`:
 * how many of the batch had nothing new (every entry in the library as it is, or unreadable) and were left out.
 */
export type BatchReport = Omit<ImportReport, 'errors'> & { errors: Problem[]; files?: number; unchanged?: number };

type ImportSource = { name: string; arrayBuffer: () => Promise<ArrayBuffer> };

/** Whether confirming `preview` would change nothing: every entry in the library as it is, or unreadable. */
export function nothingNew(preview: ImportPreview): boolean {
  return (
    preview.new === 0 &&
    preview.filling === 0 &&
    (preview.pdf === undefined || (preview.pdf.kind === 'attach' && preview.pdf.already === true))
  );
}

/** The files of a batch that confirming imports. */
export const toImport = (batch: readonly BatchFile[]): BatchFile[] =>
  batch.filter((file) => file.preview !== undefined && file.error === undefined && !nothingNew(file.preview));

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Each file read and previewed in turn (one at a time: a PDF's text is read by the core, which a 2-core
 * machine feels); one that cannot be read is kept with its reason. `still()` false stops early (cancelled).
 */
export async function previewBatch(
  transport: Transport,
  files: readonly ImportSource[],
  read: (done: number) => void,
  still: () => boolean,
): Promise<BatchFile[]> {
  const batch: BatchFile[] = [];
  for (const file of files) {
    if (!still()) break;
    try {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const preview = await transport.invoke('library.previewImport', { base64, name: file.name });
      batch.push({ name: file.name, base64, preview, merge: [] });
    } catch (error) {
      batch.push({ name: file.name, base64: '', error: message(error), merge: [] });
    }
    read(batch.length);
  }
  return batch;
}

/**
 * The batch's files with something to import, imported one after another; a refusal of one is said with its
 * name (beside the report's problems) and the others still go in. The reports told as one, with one Undo:
 * each file joins the import of the one before it (library.import's `joinImport`), so the last file's
 * `importId` takes back them all.
 */
export async function importBatch(
  transport: Transport,
  batch: readonly BatchFile[],
  imported: (done: number) => void,
): Promise<{ report: BatchReport | undefined; errors: Problem[] }> {
  const reports: ImportReport[] = [];
  const errors: Problem[] = [];
  let importId: string | undefined;
  const chosen = toImport(batch);
  for (const file of chosen) {
    try {
      const report = await transport.invoke('library.import', {
        base64: file.base64,
        name: file.name,
        ...(file.merge.length > 0 && { merge: file.merge }),
        ...(importId !== undefined && { joinImport: importId }),
      });
      importId = report.importId ?? importId;
      reports.push(report);
    } catch (error) {
      errors.push({ where: file.name, message: `not imported: ${message(error)}` });
    }
    imported(reports.length + errors.length);
  }
  const report = combined(reports);
  const unchanged = batch.length - chosen.length;
  return {
    report: report && {
      ...report,
      importId,
      errors: [...report.errors, ...errors],
      ...(unchanged > 0 && { unchanged }),
    },
    errors,
  };
}

/** Several imports' reports as one; a single report as it is. */
function combined(reports: ImportReport[]): BatchReport | undefined {
  const [first] = reports;
  if (reports.length <= 1) return first;
  const sum = (pick: (report: ImportReport) => number) => reports.reduce((total, report) => total + pick(report), 0);
  return {
    ...first!,
    format: 'batch',
    source: `${reports.length} files`,
    found: sum((r) => r.found),
    added: sum((r) => r.added),
    duplicates: sum((r) => r.duplicates),
    repeats: sum((r) => r.repeats),
    merged: sum((r) => r.merged),
    filled: sum((r) => r.filled),
    untitled: sum((r) => r.untitled),
    possible: reports.flatMap((r) => r.possible),
    attached: sum((r) => r.attached),
    // A problem names its file: "line 24" alone would not say which.
    errors: reports.flatMap((r) => r.errors.map((p) => ({ ...p, where: `${r.source}, ${p.where}` }))),
    ids: reports.flatMap((r) => r.ids),
    rules: { boosted: sum((r) => r.rules.boosted), dimmed: sum((r) => r.rules.dimmed) },
    pdf: undefined,
    importId: undefined,
    idOnly: sum((r) => r.idOnly),
    // Each file's own, naming it: "papers were added by their id only" must say which file's.
    message: reports.flatMap((r) => (r.message ? [`${r.source}: ${r.message}`] : [])).join(' ') || undefined,
    undone: undefined,
    files: reports.length,
  };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
