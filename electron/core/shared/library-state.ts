// Shared with the renderer (eslint.config.js allows it): pure, so it imports nothing.

/**
 * The library as browser mode tells the page of it while `paperqueue serve` opens it (a 218 MB library.json
 * takes seconds): answered at once, so the page can say what it waits for, or why it waits no more. A failure
 * names the file when it is the file that could not be opened (`file`), and whether a newer Paperqueue wrote it
 * (`newer`), so the page can say what to do; the desktop app opens the library before its window and says none
 * of this.
 */
export type LibraryState =
  | { state: 'opening'; bytes?: number }
  | { state: 'open' }
  | { state: 'failed'; message: string; file?: string; newer?: boolean };
