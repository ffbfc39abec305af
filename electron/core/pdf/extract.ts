import type { PdfDamage } from './damage';
import { identify } from './identify';
import type { PdfInfo } from './identify';
import { pageText } from './page-text';
import { WORKER_HEAP_MB, readInWorker } from './pdf-worker';
import type { PdfJsFailure, WorkerOutcome } from './pdf-worker';
import { grouped } from '../text';

export type { PdfInfo } from './identify';

/**
 * A PDF's text, one string per page (pages[i] is page i + 1, joined by pageText), what it says about itself, and
 * what PDF.js found damaged in it (undefined when nothing; a page it could not read has no text).
 */
export type PdfText = { pages: string[]; info: PdfInfo; damage?: PdfDamage };

/** Why a PDF could not be read; the message is a sentence for a person that names the file. */
export type PdfProblemCode = 'NOT_PDF' | 'PASSWORD_NEEDED' | 'PASSWORD_WRONG' | 'MALFORMED' | 'TOO_LARGE' | 'TIMEOUT';

/** A PDF that could not be read, for a reason the person can act on (or at least understand). */
export class PdfProblem extends Error {
  override readonly name = 'PdfProblem';

  constructor(
    readonly code: PdfProblemCode,
    message: string,
  ) {
    super(message);
  }
}

/** The most pages Paperqueue reads from one PDF. */
export const MAX_PDF_PAGES = 5000;
/** The largest PDF Paperqueue reads, in bytes (1 GiB). */
export const MAX_PDF_BYTES = 1024 ** 3;
/** How long one PDF may take to read before its worker is stopped. */
export const DEFAULT_PDF_TIMEOUT_MS = 60_000;

/** Whether these bytes are a PDF: `%PDF-` within the first 1024 bytes, as PDF readers accept. */
export function isPdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 1024) - 5;
  for (let at = 0; at <= end; at++) {
    // "%PDF-"
    if (bytes[at] === 0x25 && bytes[at + 1] === 0x50 && bytes[at + 2] === 0x44 && bytes[at + 3] === 0x46) {
      if (bytes[at + 4] === 0x2d) return true;
    }
  }
  return false;
}

/** Options for extractPdf: the file's name for messages, its password, and how long it may take. */
export type ExtractOptions = { name?: string; password?: string; timeoutMs?: number };

/**
 * The text of every page of a PDF and its identification, read by PDF.js in a worker thread (no scripts run, no
 * eval, no XFA). Takes ownership of `bytes`: when they fill their whole ArrayBuffer (as fs.readFile's do) that
 * buffer is moved to the worker and the caller's view is left empty, so hash or keep them first, or pass a copy
 * (a view of part of a buffer is copied). Rejects with a PdfProblem, or with a plain Error when the PDF reader
 * itself cannot start (a broken installation, not a bad file).
 */
export async function extractPdf(bytes: Uint8Array, options: ExtractOptions = {}): Promise<PdfText> {
  const name = options.name ?? 'The PDF';
  const mid = options.name ?? 'the PDF';
  if (bytes.length === 0) throw new PdfProblem('NOT_PDF', `${name} is empty (0 bytes), not a PDF.`);
  if (!isPdf(bytes)) throw new PdfProblem('NOT_PDF', `${name} is not a PDF: it does not start with "%PDF-".`);
  if (bytes.length > MAX_PDF_BYTES) {
    throw new PdfProblem('TOO_LARGE', `${name} is ${gigabytes(bytes.length)}; Paperqueue reads PDFs of up to 1 GB.`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;
  const request = { bytes, maxPages: MAX_PDF_PAGES, timeoutMs };
  const outcome = await readInWorker(
    options.password === undefined ? request : { ...request, password: options.password },
  );
  if (outcome.kind !== 'read') throw problemOf(outcome, { name, mid }, timeoutMs);
  const pages = outcome.raw.pages.map(({ strs, eols, rtl, transforms }) =>
    pageText(
      strs.map((str, i) =>
        rtl && transforms
          ? {
              str,
              hasEOL: eols[i] === 1,
              dir: rtl[i] === 1 ? 'rtl' : 'ltr',
              transform: transforms.subarray(6 * i, 6 * i + 6),
            }
          : { str, hasEOL: eols[i] === 1 },
      ),
    ),
  );
  const { damage } = outcome.raw;
  return { pages, info: identify(outcome.raw, pages[0] ?? ''), ...(damage && { damage }) };
}

/** The file as a sentence names it: at its start, and within it. */
type Named = { name: string; mid: string };

function problemOf(outcome: Exclude<WorkerOutcome, { kind: 'read' }>, { name, mid }: Named, timeoutMs: number): Error {
  switch (outcome.kind) {
    case 'too-many-pages':
      return new PdfProblem(
        'TOO_LARGE',
        `${name} has ${grouped(outcome.pages)} pages; Paperqueue reads PDFs of up to ${grouped(MAX_PDF_PAGES)}.`,
      );
    case 'pdfjs-failed':
      return pdfJsProblem(outcome.error, { name, mid });
    case 'timeout':
      return new PdfProblem(
        'TIMEOUT',
        `${name} took longer than ${seconds(timeoutMs)} to read, so Paperqueue stopped.`,
      );
    case 'crashed':
      return outcome.outOfMemory
        ? new PdfProblem(
            'TOO_LARGE',
            `${name} needs more than the ${WORKER_HEAP_MB} MB Paperqueue gives a PDF to read it.`,
          )
        : new PdfProblem(
            'MALFORMED',
            `${name} is not a readable PDF: reading it stopped the PDF reader (${short(outcome.reason)}).`,
          );
    case 'unavailable':
      // Not the file's fault: the installation is broken, so this is not a PdfProblem.
      return new Error(`Paperqueue's PDF reader could not start, so ${mid} was not read: ${short(outcome.reason)}.`);
  }
}

function pdfJsProblem(error: PdfJsFailure, { name, mid }: Named): PdfProblem {
  if (error.name === 'PasswordException') {
    return error.code === 2
      ? new PdfProblem('PASSWORD_WRONG', `The password given for ${mid} is wrong.`)
      : new PdfProblem('PASSWORD_NEEDED', `${name} asks for a password.`);
  }
  return new PdfProblem('MALFORMED', `${name} is not a readable PDF: ${short(error.message)}.`);
}

/** PDF.js's reason in one short clause: no trailing full stop, at most 160 characters. */
function short(reason: string): string {
  const text = reason.replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
  const clause = text.length > 160 ? `${text.slice(0, 159)}…` : text;
  // "Invalid PDF structure" reads on as "invalid PDF structure"; "PDF header…" keeps its capitals.
  return /^\p{Lu}\p{Ll}/u.test(clause) ? clause.slice(0, 1).toLowerCase() + clause.slice(1) : clause;
}

function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
