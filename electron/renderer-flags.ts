/**
 * The V8 flags the desktop app gives its renderer (electron/main.ts), here so the reader's bench can start
 * Chromium as the app starts it. `--expose-gc` lets the PDF reader ask for a garbage collection when it is
 * idle (renderer/src/pdf/doc-cleanup.ts): PDF.js's drawing leaves garbage whose native memory V8 does not
 * see, and which would otherwise pile up while a long book is read. It gives the page no other power, and
 * the page is the app's own; a browser (browser mode) has no such function and collects on its own terms.
 */
export const RENDERER_JS_FLAGS = '--expose-gc';
