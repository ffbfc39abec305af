import { loadPdfTextsOf } from '../attachments/load-texts';
import type { LibraryStore } from '../store/store';
import type { SyncRecord } from './local';
import { syncPdfFiles } from './pdf-files';
import { syncRules } from './rules-sync';
import type { SyncSettings } from './settings';

/** What sync carries beside the papers: the keyword rules always, the attached PDFs when turned on. */
export type ExtrasResult = {
  /** PDFs the library uses that no device has shared yet (counted in the status). */
  pdfsWaiting: number;
  /** PDFs taken from the sync folder in this pass. */
  pdfsFetched: number;
};

/**
 * After the papers are merged: the keyword rules (rules-sync.ts) and, when the person turned it on, the
 * attached PDFs (pdf-files.ts), whose text then goes to the search. What could not be read yet (a file the
 * engine is still writing) joins the record's problems, named by file, and is tried again next time.
 */
export async function syncExtras(options: {
  store: LibraryStore;
  dataDir: string;
  settings: SyncSettings & { pdfs?: boolean };
  record: SyncRecord;
}): Promise<ExtrasResult> {
  const { store, dataDir, settings, record } = options;
  const syncDir = settings.folder;
  const device = settings.device.id;
  const rules = await syncRules({ store, dataDir, syncDir, device });
  for (const reason of rules.unreadable) record.problems.push({ file: 'rules.json', kind: 'rules', reason });
  if (!settings.pdfs || store.readOnly !== undefined) return { pdfsWaiting: 0, pdfsFetched: 0 };
  const pdfs = await syncPdfFiles({ syncDir, device, files: store.attachments, used: store.attachmentRefs.hashes() });
  for (const file of pdfs.unreadable)
    record.problems.push({ file, kind: 'pdf', reason: 'does not match its checksum yet; it is read again next time' });
  await loadPdfTextsOf(store, new Set(pdfs.fetched));
  return { pdfsWaiting: pdfs.waiting.length, pdfsFetched: pdfs.fetched.length };
}
