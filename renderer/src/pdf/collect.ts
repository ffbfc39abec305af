/**
 * A full garbage collection, where the host allows one: the desktop app starts its renderer with V8's gc()
 * (electron/renderer-flags.ts), in the page and in its workers alike; a browser (browser mode) has none, and
 * this does nothing there. "Last resort" collects more than once and gives the freed pages back to the system
 * at once, which is what a reader holding hundreds of megabytes of garbage needs.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: (options?: object) => void }).gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/** The one message of ours PDF.js's worker answers (reader-worker.ts): collect your garbage now. */
export const COLLECT_MESSAGE = 'paperqueue:collect-garbage';
