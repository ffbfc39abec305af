import { extractPdf, isPdf, PdfProblem } from '../pdf';
import { damageOf } from '../pdf/damage';
import { CommandError } from '../result';
import type { Attachment } from '../schema';
import type { LibraryStore } from '../store/store';
import { sha256 } from './files';
import type { CachedPdfText } from './text-cache';

/** Larger PDFs are refused before reading: a book of scans is rarely much larger. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** A PDF stored in attachments/ with its text extracted: what a paper's Attachment and the search need. */
export type StoredPdf = {
  attachment: Omit<Attachment, 'attachedAt'>;
  /** Undefined for an encrypted PDF attached without its password. */
  text: CachedPdfText | undefined;
  /** True if these bytes were new to attachments/. */
  stored: boolean;
  /** Set when the file looks damaged or incomplete (its end missing, pages unreadable): a sentence for the person. */
  warning?: string;
};

/** The text of a PDF (from the cache, else extracted), or undefined if it asks for a password. Nothing is stored. */
export async function pdfTextOf(
  store: LibraryStore,
  bytes: Uint8Array,
  name: string,
  hash = sha256(bytes),
): Promise<CachedPdfText | undefined> {
  if (!isPdf(bytes)) throw new CommandError('INVALID_INPUT', `${name} is not a PDF.`);
  const cached = await store.pdfText.get(hash);
  if (cached) return cached;
  try {
    // A copy goes to the worker: the caller keeps its bytes.
    return await extractPdf(new Uint8Array(bytes), { name });
  } catch (error) {
    if (!(error instanceof PdfProblem)) throw error;
    if (error.code !== 'PASSWORD_NEEDED') throw new CommandError('INVALID_INPUT', error.message);
    return undefined;
  }
}

/**
 * Check `bytes` are a PDF Paperqueue can read, extract its text (once per file: the text is cached by hash),
 * and store it by hash. Nothing is stored for a file that is refused; the message names `name`.
 */
export async function storePdf(store: LibraryStore, bytes: Uint8Array, name: string): Promise<StoredPdf> {
  if (!isPdf(bytes)) throw new CommandError('INVALID_INPUT', `${name} is not a PDF.`);
  if (bytes.length > MAX_PDF_BYTES) {
    throw new CommandError(
      'INVALID_INPUT',
      `${name} is ${Math.round(bytes.length / 1048576)} MB; PDFs over ${MAX_PDF_BYTES / 1048576} MB are not attached.`,
    );
  }
  const hash = sha256(bytes);
  const text = await pdfTextOf(store, bytes, name, hash);
  const encrypted = text === undefined;
  const { stored } = await store.attachments.put(bytes);
  if (text) await store.pdfText.put(hash, text).catch(() => undefined);
  // Attached all the same, with the warning: the pages that could be read are kept and searched, and the
  // person, told, can remove it and attach the whole file (a refusal would lose those pages for nothing).
  const warning = damageOf(bytes, name, text?.info.pages, text?.damage);
  return {
    attachment: {
      hash,
      name: name.slice(0, 500),
      size: bytes.length,
      pages: text?.info.pages ?? 0,
      ...(encrypted && { encrypted: true }),
    },
    text,
    stored,
    ...(warning !== undefined && { warning }),
  };
}
