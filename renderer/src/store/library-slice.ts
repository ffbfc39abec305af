import type { StateCreator } from 'zustand';
import { CommandFailed, type Transport } from '../transport';
import type { AppState } from './index';
import { listQuery } from './list-slice';
import { importBatch, previewBatch, toBase64, type BatchFile, type BatchReport } from './import-batch';
import type { PendingStatuses } from './pending';
import type { ExportFormat, ImportPreview, ImportReport, Stats } from './types';
import { base64Bytes, download } from './download';

/** A file being imported: read, previewed, then applied on confirmation. */
export type PendingImport = {
  name: string;
  base64: string;
  phase: 'reading' | 'preview' | 'importing';
  preview?: ImportPreview;
  /** Entries applied so far, while a big import runs; files read or imported so far, for a batch. */
  progress?: { done: number; total: number };
  /** Several files picked or dropped at once: previewed together, confirmed once (`preview` is then unset). */
  batch?: BatchFile[];
  /** The possible duplicates (by their preview `entry`) the person chose to merge; the others are kept apart. */
  merge: number[];
  /** Names the preview being read, so that Cancel stops the library reading it (library.cancelPreview). */
  previewId?: string;
};

/** What taking the last import back did, said in the banner where the import's report was. */
export type ImportUndone = NonNullable<ImportReport['undone']>;

type ImportSource = { name: string; arrayBuffer: () => Promise<ArrayBuffer> };

/** Said instead of downloading an empty file. */
export const NOTHING_TO_EXPORT = 'Nothing to export: this view has no papers.';

export type LibrarySlice = {
  stats: Stats | undefined;
  pendingImport: PendingImport | undefined;
  /** The last import's report, shown until dismissed. */
  importReport: BatchReport | undefined;
  /** The last import was taken back (its report's Undo): shown until dismissed. */
  importUndone: ImportUndone | undefined;
  /**
   * Merge a possible duplicate of the preview into the paper it may be the same as, or keep both (the default);
   * `file`: which file of a batch.
   */
  chooseMerge: (entry: number, merge: boolean, file?: number) => void;
  /** Take the import the banner reports back (its papers removed, what it filled in put back). */
  undoImport: () => Promise<void>;
  /** A failure the user should see (a command refused, the library unreachable). */
  error: string | undefined;
  loadStats: () => Promise<void>;
  /** Set when the library had to be recovered from a backup at start-up. */
  /** What this start did to a damaged library file: the core's sentence for it. */
  recovery: { summary: string } | undefined;
  /** Why the library cannot be saved (opened from a read-only or full disk); reads and exports still work. */
  readOnly: string | undefined;
  loadStatus: () => Promise<void>;
  /** The last write of the library failed; cleared when a later change is saved. */
  writeError: string | undefined;
  importFile: (file: { name: string; text: () => Promise<string> }) => Promise<void>;
  /** Read a picked or dropped file and show what importing it would do. */
  previewFile: (file: ImportSource) => Promise<void>;
  /** Several files at once (PDFs, bibliographies): one preview of them all, one confirmation. */
  previewFiles: (files: readonly ImportSource[]) => Promise<void>;
  /** Pasted text goes through the same preview as a file. */
  previewText: (text: string) => Promise<void>;
  confirmImport: () => Promise<void>;
  cancelImport: () => void;
  /**
   * Download the picked papers (or the current list) in `format`; an empty list downloads nothing and says so.
   * Markdown is one file, or with `notes` a .zip of one note per paper (front matter for Obsidian).
   */
  exportPapers: (format: ExportFormat, options?: { notes?: boolean }) => Promise<void>;
  /** What the desktop app's notes export wrote, said for a while ("Wrote 1,234 notes to ~/Notes"). */
  exported: { text: string } | undefined;
  /** Show the folder the notes were written into in the file manager (the desktop app). */
  openExportFolder: () => Promise<void>;
  dismissBanner: () => void;
  showError: (error: unknown) => void;
};

export const createLibrarySlice =
  (transport: Transport, pending: PendingStatuses): StateCreator<AppState, [], [], LibrarySlice> =>
  (set, get) => {
    let exportedTimer: ReturnType<typeof setTimeout> | undefined;
    /** An import's report shown, and the Inbox, where new papers land to be triaged (their source stays in the sidebar). */
    const imported = (report: BatchReport | undefined): void => {
      if (report && report.added > 0) get().setView({ kind: 'status', status: 'inbox' });
      set({ importReport: report, importUndone: undefined });
      // What came in, shown: the cursor on the first new paper in the list's order, scrolled to.
      if (report && report.ids.length > 0) void get().reveal(report.ids);
    };
    return {
      stats: undefined,
      recovery: undefined,
      readOnly: undefined,
      writeError: undefined,
      async loadStatus() {
        try {
          const { recovery, readOnly } = await transport.invoke('library.status', {});
          if (recovery) set({ recovery: { summary: recovery.summary } });
          if (readOnly) set({ readOnly });
        } catch (error) {
          get().showError(error);
        }
      },
      pendingImport: undefined,
      importReport: undefined,
      importUndone: undefined,
      error: undefined,
      chooseMerge(entry, merge, file) {
        const pending = get().pendingImport;
        if (!pending || pending.phase !== 'preview') return;
        const chosen = (was: number[]) => {
          const others = was.filter((chosen) => chosen !== entry);
          return merge ? [...others, entry].sort((a, b) => a - b) : others;
        };
        if (file === undefined) set({ pendingImport: { ...pending, merge: chosen(pending.merge) } });
        else if (pending.batch?.[file]) {
          const batch = pending.batch.map((one, i) => (i === file ? { ...one, merge: chosen(one.merge) } : one));
          set({ pendingImport: { ...pending, batch } });
        }
      },
      async undoImport() {
        const importId = get().importReport?.importId;
        if (!importId) return;
        try {
          const { undone } = await transport.invoke('library.import', { undo: importId });
          set({ importReport: undefined, importUndone: undone, error: undefined });
        } catch (error) {
          get().showError(error);
        }
      },
      async loadStats() {
        try {
          const begun = pending.begun;
          const stats = await transport.invoke('stats.get', {});
          // Counted before a status change made here since (which moved the counts shown): that change's echo
          // or its refusal asks again.
          if (pending.begun === begun) set({ stats });
        } catch (error) {
          get().showError(error);
        }
      },
      async importFile(file) {
        try {
          const report = await transport.invoke('library.import', { text: await file.text(), name: file.name });
          set({ error: undefined });
          imported(report);
        } catch (error) {
          get().showError(error);
        }
      },
      async previewFiles(files) {
        if (files.length <= 1) {
          if (files[0]) await get().previewFile(files[0]);
          return;
        }
        const total = files.length;
        const reading: PendingImport = {
          name: `${total} files`,
          base64: '',
          phase: 'reading',
          merge: [],
          batch: [],
          progress: { done: 0, total },
        };
        set({ pendingImport: reading, importReport: undefined, importUndone: undefined, error: undefined });
        const still = () => get().pendingImport === reading || get().pendingImport?.batch === reading.batch;
        const batch = await previewBatch(
          transport,
          files,
          (done) => still() && set({ pendingImport: { ...reading, progress: { done, total } } }),
          still,
        );
        if (still()) set({ pendingImport: { ...reading, phase: 'preview', batch, progress: undefined } });
      },
      async previewFile(file) {
        const previewId = crypto.randomUUID();
        const reading: PendingImport = { name: file.name, base64: '', phase: 'reading', merge: [], previewId };
        set({ pendingImport: reading, importReport: undefined, importUndone: undefined, error: undefined });
        // Only this preview's own answer shows: not once it was cancelled, nor over a later one (of the same name).
        const still = () => get().pendingImport === reading;
        try {
          const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
          if (!still()) return;
          const preview = await transport.invoke('library.previewImport', { base64, name: file.name, previewId });
          if (still()) set({ pendingImport: { name: file.name, base64, phase: 'preview', preview, merge: [] } });
        } catch (error) {
          if (!still()) return; // a cancelled preview's CANCELLED, or its late failure: nothing to say
          set({ pendingImport: undefined });
          get().showError(error);
        }
      },
      previewText: (text) =>
        get().previewFile({
          name: 'pasted text',
          arrayBuffer: () => Promise.resolve(new TextEncoder().encode(text).buffer),
        }),
      async confirmImport() {
        const pending = get().pendingImport;
        if (!pending || pending.phase !== 'preview') return;
        if (pending.batch) {
          const total = pending.batch.length;
          set({ pendingImport: { ...pending, phase: 'importing', progress: { done: 0, total } } });
          const { report, errors } = await importBatch(transport, pending.batch, (done) => {
            const now = get().pendingImport;
            if (now && now.batch === pending.batch) set({ pendingImport: { ...now, progress: { done, total } } });
          });
          // Files refused are among the report's problems; with nothing imported, they are the error.
          const refused = errors.map((p) => `${p.where}: ${p.message}`).join(' · ');
          set({ pendingImport: undefined, error: report || !refused ? undefined : refused });
          imported(report);
          return;
        }
        set({ pendingImport: { ...pending, phase: 'importing' } });
        try {
          const report = await transport.invoke('library.import', {
            base64: pending.base64,
            name: pending.name,
            ...(pending.merge.length > 0 && { merge: pending.merge }),
          });
          set({ pendingImport: undefined });
          imported(report);
        } catch (error) {
          set({ pendingImport: undefined });
          get().showError(error);
        }
      },
      cancelImport: () => {
        const pending = get().pendingImport;
        set({ pendingImport: undefined });
        // The library stops reading it too (a big paste takes a while); if it had finished, nothing happens.
        if (pending?.phase === 'reading' && pending.previewId)
          void transport.invoke('library.cancelPreview', { previewId: pending.previewId }).catch(() => undefined);
      },
      async exportPapers(format, options) {
        const { checked, view, search, sort, total } = get();
        if (checked.length <= 1 && total === 0) {
          set({ error: NOTHING_TO_EXPORT });
          return;
        }
        try {
          const { sort: querySort, ...query } = listQuery(view, search, sort);
          const papers =
            checked.length > 0 || sort === 'foryou'
              ? { ids: checked.length > 0 ? checked : await get().idsBetween(0, total) }
              : { query: { ...query, sort: querySort } };
          // The desktop app writes the notes into a folder the person picks; a browser downloads them zipped.
          const desktop = window.paperqueue;
          if (options?.notes && desktop) {
            const written = await desktop.exportNotes(papers);
            if (!written.ok) throw new CommandFailed(written.error);
            const { count, shown } = written.value;
            // Cancelled in the dialog: nothing written, nothing to say.
            if (count === undefined || shown === undefined) return;
            clearTimeout(exportedTimer);
            // Long enough to reach Open folder with the keyboard; the page's other notice gives way to it.
            exportedTimer = setTimeout(() => set({ exported: undefined }), 10_000);
            set({
              exported: { text: `Wrote ${count.toLocaleString()} ${count === 1 ? 'note' : 'notes'} to ${shown}` },
              notice: undefined,
            });
            return;
          }
          const result = await transport.invoke('library.export', {
            format,
            markdownLayout: options?.notes ? 'zip' : 'combined',
            ...papers,
          });
          // The list may have emptied since it was counted (a change from another window, the CLI).
          if (result.count === 0) set({ error: NOTHING_TO_EXPORT });
          else if (result.kind === 'file')
            download(
              result.fileName,
              result.mime,
              'encoding' in result && result.encoding === 'base64' ? base64Bytes(result.content) : result.content,
            );
        } catch (error) {
          get().showError(error);
        }
      },
      exported: undefined,
      async openExportFolder() {
        clearTimeout(exportedTimer);
        set({ exported: undefined });
        if (!(await window.paperqueue?.openExportFolder())) set({ error: 'The folder could not be opened.' });
      },
      dismissBanner: () =>
        set({ importReport: undefined, importUndone: undefined, error: undefined, recovery: undefined }),
      showError: (error) => set({ error: error instanceof Error ? error.message : String(error) }),
    };
  };
