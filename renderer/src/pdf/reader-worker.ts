/**
 * PDF.js's worker as the reader starts it (pdfjs.ts): pdf.js's own, which starts itself on this worker's
 * port when imported, and one message of ours beside its protocol (pdf.js reads only messages addressed to
 * it, so this one passes it by).
 *
 * That message asks for a garbage collection. Parsing pages, fonts and images leaves the worker's heap full
 * of garbage that V8 collects only when the heap has grown large: reading a long book, the worker held 80 to
 * 90 MB of it between its own collections (v8/workers in Chromium's memory dumps), most of the reader's
 * peak over what it keeps. The reader asks after each clean-up of the document (doc-cleanup.ts), when no
 * page is being drawn. Where the host gives no gc() (browser mode), the message does nothing.
 *
 * The build writes this file where pdf.js's worker always was (electron.vite.config.ts), the one path the
 * hosts serve with the worker's own policy (electron/server/security.ts).
 */
import 'pdfjs-dist/build/pdf.worker.min.mjs';
import { COLLECT_MESSAGE, collectGarbage } from './collect';

self.addEventListener('message', (event: MessageEvent) => {
  if (event.data === COLLECT_MESSAGE) collectGarbage();
});
