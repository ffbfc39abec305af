import type { LibraryState } from '../core/shared/library-state';
import { StoreLoadError } from '../core/store/library-file';
import type { LibraryStore } from '../core/store/store';

/** The library or its opening, and what the page is told of it; `changed` runs when it opens or fails. */
export class LibraryOpening {
  state: LibraryState;
  readonly store: Promise<LibraryStore>;

  constructor(
    store: LibraryStore | Promise<LibraryStore>,
    bytes: number | undefined,
    changed: (state: LibraryState) => void,
  ) {
    this.state =
      store instanceof Promise
        ? { state: 'opening', ...(bytes !== undefined && bytes > 0 && { bytes }) }
        : { state: 'open' };
    this.store = Promise.resolve(store);
    this.store.then(
      () => {
        if (this.state.state === 'open') return;
        this.state = { state: 'open' };
        changed(this.state);
      },
      (error: unknown) => {
        this.state = failure(error);
        changed(this.state);
      },
    );
  }
}

/**
 * Why the library did not open, as serve says it: a library that cannot be read (StoreLoadError) is named with
 * its reason, which is written for people, and its file, which the page says what to do with; any other error's
 * details stay in serve's terminal (a raw error can carry file contents).
 */
function failure(error: unknown): Extract<LibraryState, { state: 'failed' }> {
  if (error instanceof StoreLoadError) {
    return {
      state: 'failed',
      message: error.message,
      file: error.file,
      ...(error.fromNewerVersion && { newer: true }),
    };
  }
  return {
    state: 'failed',
    message: 'Paperqueue could not open the library; the reason is in the terminal where "paperqueue serve" ran.',
  };
}
