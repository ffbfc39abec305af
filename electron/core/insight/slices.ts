import { foreground, type Patience } from '../foreground';
import { pauseWhileHeld } from '../thread-hold';
import { turns } from '../turns';

/** The longest a slice of background work over many papers holds the event loop (see `Slices`). */
const SLICE_MS = 8;
/** Steps between looks at the clock. */
const STEPS_PER_LOOK = 64;

/**
 * Give the event loop a turn (a slice of other background work may take the next: turns.ts), and the foreground its time (see electron/core/foreground.ts); `patience` says
 * how this work gives way (a hand-over to a thread is `bulk`).
 */
export async function breathe(patience: Patience = 'work'): Promise<void> {
  // In a background thread (For you's model built in one): asleep while the page is in use.
  pauseWhileHeld();
  // Ahead of the rest while a request waits for background work: For you's first ranking waits for its model,
  // which took turns with the search index's steps and came 200 ms later on a first start.
  await turns.next({ first: foreground.awaited });
  // Background work in short slices: a request running gets the thread first, unless it waits for this work.
  // Between a page's requests it goes on (For you's first model is wanted soon after the page is up).
  await foreground.quiet(0, patience);
}

/**
 * Work over many papers in slices of about SLICE_MS, whatever a paper costs: a slice ends between papers once
 * its time is up. A fixed 1,000 papers a slice took up to 90 ms while the code was still being compiled, at
 * the start of the app, when the page's first searches come.
 */
export class Slices {
  private since = performance.now();

  /** A turn of the event loop (`breathe`) once this slice has had its time, else undefined: ask after each step. */
  due(step: number): Promise<void> | undefined {
    if (step % STEPS_PER_LOOK !== STEPS_PER_LOOK - 1 || performance.now() - this.since < SLICE_MS) return undefined;
    return breathe().then(() => {
      this.since = performance.now();
    });
  }
}
