/**
 * Background work takes the event loop's turns one slice at a time: the search index's build steps and
 * titles' fold, For you's models and scores, the checksum of a kept file. Each asked for its next slice with
 * setImmediate, and every callback queued before a check phase runs in that phase, back to back: on a large
 * library's first start a turn ran a fold step (12 ms), a slice of For you's first model (8 ms) and more
 * before the loop looked at its sockets again. A page's new connection waits a turn to be accepted and
 * another for its request to be read, so its scripts came 150 ms after its HTML. Here the slices queue, and
 * each turn of the loop runs one: the next is queued from inside the check phase, which Node runs on the
 * loop's next turn, after it has polled for I/O. A request waits for one slice at most. The slices run in the
 * order asked, but for `first` ones, which go ahead: the titles' fold while it is unfinished, then work a
 * request waits for (a slice asked as `first` again after it runs keeps the front until it stops asking so).
 */
class Turns {
  private readonly queue: { run: () => void; keepsAlive: boolean }[] = [];
  private immediate: NodeJS.Immediate | undefined;

  /**
   * Run `run` on a turn of its own, after the slices already waiting (`first`: before them, for work the
   * next requests need: the titles' fold, which the first searches of a first start read). `keepsAlive:
   * false`: it does not keep the process alive (a background build in a one-shot command, the CLI), unless
   * other slices waiting do.
   */
  take(run: () => void, { keepsAlive = true, first = false }: { keepsAlive?: boolean; first?: boolean } = {}): void {
    if (first) this.queue.unshift({ run, keepsAlive });
    else this.queue.push({ run, keepsAlive });
    this.arm();
  }

  /** Resolves on a turn of its own: `await turns.next()` between slices of work (`first` as for `take`). */
  next({ first = false }: { first?: boolean } = {}): Promise<void> {
    return new Promise((resolve) => this.take(resolve, { first }));
  }

  private arm(): void {
    this.immediate ??= setImmediate(() => this.runOne());
    if (this.queue.some((slice) => slice.keepsAlive)) this.immediate.ref();
    else this.immediate.unref();
  }

  private runOne(): void {
    this.immediate = undefined;
    const slice = this.queue.shift();
    // Queued before the slice runs, from inside the check phase: the next slice waits for the loop's next turn.
    if (this.queue.length > 0) this.arm();
    slice?.run();
  }
}

/** This process's turns (one event loop). */
export const turns = new Turns();
