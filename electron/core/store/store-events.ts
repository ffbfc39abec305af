/** What changed, sent to every open view after a successful mutation. */
export type ChangeEvent = { command: string; ids: string[] };
/** How far a long command (a big import) has come, for a progress bar. */
export type ProgressEvent = { command: string; done: number; total: number };
export type Listener<T> = (value: T) => void;

/** Who listens for one kind of the store's events: each is told in the order it came. */
export class Listeners<T> {
  private readonly listening = new Set<Listener<T>>();

  /** Listen; call what this returns to stop. */
  add(listener: Listener<T>): () => void {
    this.listening.add(listener);
    return () => this.listening.delete(listener);
  }

  tell(value: T): void {
    for (const listener of this.listening) listener(value);
  }
}
