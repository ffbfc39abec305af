/**
 * The one line the window's changes reach the library in (status changes, moves, tags, their undos): over
 * HTTP two requests in flight may arrive in either order, and an undo (or a second key) overtaking the change
 * it follows would leave the library as it was before. Each is sent once the one before it is answered.
 */
export class ChangeLine {
  private last: Promise<unknown> = Promise.resolve();

  /** `send` once every change before it has been answered (or refused): its answer. */
  send<T>(send: () => T | Promise<T>): Promise<T> {
    const sent = this.last.then(send);
    this.last = sent.catch(() => undefined);
    return sent;
  }
}
