import { useEffect, useState } from 'react';
import { DocumentCleanup } from '../../pdf/doc-cleanup';
import { describePdfError, passwordGivenUp, readingFailure, type PdfFailure } from '../../pdf/pdf-failure';
import { RenderQueue } from '../../pdf/render-queue';
import {
  PageTexts,
  collectPdfWorkerGarbage,
  PasswordCancelled,
  openPdf,
  guessedViewports,
  outlineOf,
  pageViewports,
  sameViewports,
  type OutlineItem,
  type PDFDocumentProxy,
  type PageViewport,
} from '../../pdf/pdfjs';

export type LoadedPdf = {
  doc: PDFDocumentProxy;
  viewports: PageViewport[];
  texts: PageTexts;
  outline: OutlineItem[];
  /** Gives the document's fonts and images back between drawings (see DocumentCleanup). */
  cleanup: DocumentCleanup;
  /** Draws its pages one at a time, the one being read first. */
  queue: RenderQueue;
};

/**
 * Where opening a PDF is: its bytes coming, a password wanted, open, or failed with a sentence to show (in
 * place of the pages) and its reason in a few words (the find bar's).
 */
export type PdfState =
  | { phase: 'loading' }
  | { phase: 'password'; wrong: boolean; submit: (password: string | undefined) => void }
  | { phase: 'ready'; pdf: LoadedPdf }
  | ({ phase: 'error' } & PdfFailure);

/** How opening failed: what pdf.js threw, or the library could not give the bytes. */
type Failure = { error: unknown; reading: boolean };

/**
 * Fetch an attached PDF's bytes and open it with pdf.js; asks for a password through the returned state
 * (never stored: it goes to pdf.js and is forgotten). The document is destroyed when the hash changes or
 * the reader closes, which ends its worker.
 */
export function usePdfDocument(
  hash: string | undefined,
  name: string,
  readBytes: (hash: string) => Promise<Uint8Array>,
): PdfState {
  // Each state is the hash's it belongs to: another hash is loading until its own state comes.
  type Held = (Exclude<PdfState, { phase: 'error' }> | { phase: 'failed'; failure: Failure }) & { hash: string };
  const [held, setState] = useState<Held>();
  useEffect(() => {
    if (!hash) return;
    let live = true;
    let destroy: (() => void) | undefined;
    let cleanup: DocumentCleanup | undefined;
    let queue: RenderQueue | undefined;
    let texts: PageTexts | undefined;
    const fail = (error: unknown) => {
      if (live) setState({ hash, phase: 'failed', failure: { error, reading: false } });
    };
    readBytes(hash).then(
      (bytes) => {
        if (!live) return;
        const opened = openPdf(
          bytes,
          (wrong) =>
            new Promise<string | undefined>((resolve) => {
              if (live) setState({ hash, phase: 'password', wrong, submit: resolve });
              else resolve(undefined);
            }),
        );
        destroy = opened.destroy;
        opened.promise
          .then(async (doc) => {
            if (!live) return;
            setState({ hash, phase: 'loading' });
            // Shown with every page guessed to be page 1's size; the real sizes follow (one layout more
            // if some differ), so a long book's first page does not wait for all of them.
            const [viewports, outline] = await Promise.all([guessedViewports(doc), outlineOf(doc)]);
            if (!live) return;
            cleanup = new DocumentCleanup(doc, { collectWorker: collectPdfWorkerGarbage });
            queue = new RenderQueue();
            texts = new PageTexts(doc);
            const pdf: LoadedPdf = { doc, viewports, texts, outline, cleanup, queue };
            setState({ hash, phase: 'ready', pdf });
            // Once the pages on screen are drawn: a thousand pages' sizes would hold up the first one's drawing.
            await queue.idle(2000);
            if (!live) return;
            const real = await pageViewports(doc);
            if (live && !sameViewports(real, viewports))
              setState({ hash, phase: 'ready', pdf: { ...pdf, viewports: real } });
          })
          .catch(fail);
      },
      (error: unknown) => {
        if (live) setState({ hash, phase: 'failed', failure: { error, reading: true } });
      },
    );
    return () => {
      live = false;
      cleanup?.dispose();
      queue?.dispose();
      // The pages' texts go with the document, even while a search or a page still holds the LoadedPdf.
      texts?.dispose();
      destroy?.();
    };
  }, [hash, readBytes]);
  if (!held || held.hash !== hash) return { phase: 'loading' };
  if (held.phase !== 'failed') return held;
  return { phase: 'error', ...failureOf(name, held.failure) };
}

function failureOf(name: string, { error, reading }: Failure): PdfFailure {
  if (error instanceof PasswordCancelled) return passwordGivenUp(name);
  if (reading) return readingFailure(name, error);
  return describePdfError(name, error);
}
