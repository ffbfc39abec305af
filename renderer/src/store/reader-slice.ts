import type { StateCreator } from 'zustand';
import type { CommandInput } from '../../../electron/core/dispatch';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { Annotation, Paper } from './types';
import { MAX_SCALE, MIN_SCALE, type Zoom } from '../pdf/page-window';
import { PdfPrefetch } from '../pdf/prefetch';
import { shortTitle } from '../tex-plain';

/** Where the reader should open: a page (1-based), a word to find and mark, or a highlight to show. */
export type ReaderTarget = { page?: number; find?: string; annotationId?: string };

/** The reader is open on a paper's PDF (`hash`, or the first attached). `opened` tells apart two opens of one place. */
export type ReaderState = { paperId: string; hash?: string; at?: ReaderTarget; opened: number };

/** A highlight made in the PDF reader, as annotations.add takes it. */
export type NewPdfHighlight = Omit<Extract<CommandInput<'annotations.add'>, { target: 'pdf' }>, 'paperId'>;

/** What the reader's toast says: a PDF attached, or why it was not. */
export type ReaderNotice = { text: string; error: boolean };

export type ReaderSlice = {
  reader: ReaderState | undefined;
  /** The paper open in the reader, loaded on open and whenever the library changes. */
  readerPaper: Paper | undefined;
  /** Open the reader on a paper's first PDF, at the remembered place or at `at`. */
  openReader: (paperId: string, at?: ReaderTarget) => void;
  /** Open one PDF of a paper that has several. */
  openAttachment: (paperId: string, hash: string, at?: ReaderTarget) => void;
  closeReader: () => void;
  loadReaderPaper: () => Promise<void>;
  /** Attach each PDF to the paper; a toast names the file and the paper, for a success or a refusal. */
  attachFiles: (paperId: string, files: File[]) => Promise<void>;
  /** Detach a PDF (its file waits in the trash for 30 days). */
  removeAttachment: (paperId: string, hash: string) => Promise<void>;
  /** Where the reader is, for the list's progress and the reading stats. */
  saveProgress: (paperId: string, progress: Omit<CommandInput<'papers.setProgress'>, 'paperId'>) => Promise<void>;
  /** Resolves true once stored; a refusal is shown and resolves false. */
  addPdfHighlight: (paperId: string, highlight: NewPdfHighlight) => Promise<boolean>;
  /** An attached PDF's bytes. */
  readAttachment: (hash: string) => Promise<Uint8Array>;
  /** Fetch a PDF's bytes ahead, while its paper is looked at, so that Read PDF opens sooner. */
  prefetchAttachment: (hash: string, size: number) => void;
  readerNotice: ReaderNotice | undefined;
  dismissReaderNotice: () => void;
  /** Draw pages dark in the dark theme (inverted), remembered. */
  invertPages: boolean;
  setInvertPages: (invert: boolean) => void;
  /** The zoom last chosen for a PDF (by hash), remembered across reloads; undefined: the default. */
  zoomFor: (hash: string) => Zoom | undefined;
  setZoomFor: (hash: string, zoom: Zoom) => void;
};

const MEMORY_KEY = 'paperqueue.reader';

/** PDFs whose zoom is remembered: the most recently zoomed. */
const ZOOMS_KEPT = 200;

/** What the reader remembers across reloads: the PDF open (to open it again), the pages' darkness, zooms. */
export type ReaderMemory = {
  paperId?: string;
  hash?: string;
  invertPages?: boolean;
  /** Zoom by PDF hash, oldest first. */
  zooms?: Record<string, Zoom>;
};

const isZoom = (value: unknown): value is Zoom =>
  value === 'auto' ||
  value === 'page-width' ||
  value === 'page-fit' ||
  (typeof value === 'number' && value >= MIN_SCALE && value <= MAX_SCALE);

export function recallReader(memory: Storage | undefined): ReaderMemory {
  try {
    const raw = JSON.parse(memory?.getItem(MEMORY_KEY) ?? '{}') as Record<string, unknown>;
    const out: ReaderMemory = {};
    if (typeof raw.paperId === 'string' && raw.paperId.length <= 64) out.paperId = raw.paperId;
    if (typeof raw.hash === 'string' && /^[0-9a-f]{64}$/.test(raw.hash)) out.hash = raw.hash;
    if (typeof raw.invertPages === 'boolean') out.invertPages = raw.invertPages;
    if (raw.zooms && typeof raw.zooms === 'object') {
      const zooms = Object.entries(raw.zooms as Record<string, unknown>).filter(
        (entry): entry is [string, Zoom] => /^[0-9a-f]{64}$/.test(entry[0]) && isZoom(entry[1]),
      );
      if (zooms.length) out.zooms = Object.fromEntries(zooms.slice(-ZOOMS_KEPT));
    }
    return out;
  } catch {
    return {};
  }
}

export function rememberReader(memory: Storage | undefined, patch: ReaderMemory): void {
  try {
    const next: ReaderMemory = { ...recallReader(memory), ...patch };
    if (!patch.paperId && 'paperId' in patch) {
      delete next.paperId;
      delete next.hash;
    }
    memory?.setItem(MEMORY_KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the reader works, it only forgets.
  }
}

/** The largest PDF the app sends (the core refuses larger ones with its own message too). */
const MAX_BYTES = 200 * 1024 * 1024;

export const createReaderSlice =
  (transport: Transport, memory: Storage | undefined): StateCreator<AppState, [], [], ReaderSlice> =>
  (set, get) => {
    const prefetched = new PdfPrefetch((hash) => transport.attachmentBytes(hash));
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    const notify = (text: string, error = false) => {
      clearTimeout(noticeTimer);
      set({ readerNotice: { text, error } });
      noticeTimer = setTimeout(() => set({ readerNotice: undefined }), error ? 9000 : 5000);
    };
    const open = (paperId: string, hash: string | undefined, at: ReaderTarget | undefined) => {
      const same = get().readerPaper?.id === paperId;
      set({ reader: { paperId, hash, at, opened: Date.now() }, ...(!same && { readerPaper: undefined }) });
      rememberReader(memory, { paperId, hash });
      void get().loadReaderPaper();
    };
    /** The paper's title for a toast, from whatever the app has loaded, else asked for. */
    const titleOf = async (paperId: string): Promise<string> => {
      const { detail, readerPaper, papers } = get();
      const known =
        (detail?.id === paperId ? detail.title : undefined) ??
        (readerPaper?.id === paperId ? readerPaper.title : undefined) ??
        papers.find((row) => row?.id === paperId)?.title;
      const title =
        known ??
        (await transport.invoke('papers.get', { id: paperId }).then(
          (p) => p.title,
          () => 'the paper',
        ));
      return shortTitle(title);
    };
    return {
      reader: undefined,
      readerPaper: undefined,
      openReader: (paperId, at) => open(paperId, undefined, at),
      openAttachment: (paperId, hash, at) => open(paperId, hash, at),
      closeReader() {
        set({ reader: undefined });
        rememberReader(memory, { paperId: undefined });
      },
      async loadReaderPaper() {
        const id = get().reader?.paperId;
        if (!id) return;
        try {
          const paper = await transport.invoke('papers.get', { id });
          if (get().reader?.paperId === id) set({ readerPaper: paper });
        } catch (error) {
          // Removed meanwhile (another window, the CLI): nothing left to read.
          if (get().reader?.paperId === id) {
            set({ reader: undefined, readerPaper: undefined });
            rememberReader(memory, { paperId: undefined });
            get().showError(error);
          }
        }
      },
      async attachFiles(paperId, files) {
        for (const file of files) {
          const title = await titleOf(paperId);
          if (!/\.pdf$/i.test(file.name) && file.type !== 'application/pdf') {
            notify(`‘${file.name}’ was not attached to ‘${title}’: only PDF files can be attached.`, true);
            continue;
          }
          if (file.size > MAX_BYTES) {
            notify(`‘${file.name}’ was not attached to ‘${title}’: it is over ${MAX_BYTES / 1048576} MB.`, true);
            continue;
          }
          try {
            const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
            const { attachment, already, warning } = await transport.invoke('attachments.add', {
              paperId,
              base64,
              name: file.name,
            });
            const pages = attachment.pages ? ` (${attachment.pages} ${attachment.pages === 1 ? 'page' : 'pages'})` : '';
            const done = already
              ? `‘${file.name}’ was already attached to ‘${title}’.`
              : `Attached ‘${file.name}’${pages} to ‘${title}’.`;
            // A damaged file is attached (its readable pages are kept), and the person told, as a problem.
            notify(warning ? `${done} ${warning}` : done, warning !== undefined);
          } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            notify(`‘${file.name}’ was not attached to ‘${title}’: ${reason}`, true);
          }
        }
      },
      async removeAttachment(paperId, hash) {
        try {
          const paper = get().readerPaper?.id === paperId ? get().readerPaper : get().detail;
          const name = paper?.attachments?.find((a) => a.hash === hash)?.name ?? 'The PDF';
          await transport.invoke('attachments.remove', { paperId, hash });
          if (get().reader?.paperId === paperId) get().closeReader();
          notify(`Removed ‘${name}’ from ‘${await titleOf(paperId)}’. Its file stays in the trash for 30 days.`);
        } catch (error) {
          get().showError(error);
        }
      },
      async saveProgress(paperId, progress) {
        try {
          await transport.invoke('papers.setProgress', { paperId, ...progress });
        } catch {
          // Where the reader was is a convenience: a refusal (read-only library) is said by the banner already.
        }
      },
      async addPdfHighlight(paperId, highlight) {
        try {
          await transport.invoke('annotations.add', { paperId, ...highlight });
          return true;
        } catch (error) {
          get().showError(error);
          notify(`The highlight was not saved: ${error instanceof Error ? error.message : String(error)}`, true);
          return false;
        }
      },
      readAttachment: (hash) => prefetched.take(hash),
      prefetchAttachment: (hash, size) => prefetched.prefetch(hash, size),
      readerNotice: undefined,
      dismissReaderNotice: () => set({ readerNotice: undefined }),
      invertPages: recallReader(memory).invertPages ?? true,
      setInvertPages(invertPages) {
        rememberReader(memory, { invertPages });
        set({ invertPages });
      },
      zoomFor: (hash) => recallReader(memory).zooms?.[hash],
      setZoomFor(hash, zoom) {
        const zooms = { ...recallReader(memory).zooms };
        // Last set goes last, so the oldest are the ones dropped past ZOOMS_KEPT.
        delete zooms[hash];
        zooms[hash] = zoom;
        const kept = Object.entries(zooms).slice(-ZOOMS_KEPT);
        rememberReader(memory, { zooms: Object.fromEntries(kept) });
      },
    };
  };

/** The highlights of one PDF of a paper. */
export function pdfHighlights(paper: Paper | undefined, hash: string | undefined): Annotation[] {
  if (!paper || !hash) return [];
  return paper.annotations.filter((a) => a.target === 'pdf' && a.attachment === hash);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
