import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import type { Slots } from './model-slots';

/**
 * Free a slot. `counted` is false for a paper retexted since its model was kept: the document frequencies
 * counted the text it had then, which is gone, not the text the slot's paper has now, so nothing is taken out.
 */
export type Forget = (slot: number, counted: boolean) => void;

/** What changed in the library since the model last read it, from the store's change events. */
export class LibraryChanges {
  /** Papers named by change events since the last catch-up; the next one re-reads only these. */
  private pending = new Set<string>();
  /** Set when a change named no papers: the next catch-up compares every paper. */
  readAll = true;
  /** Counts changes that named no papers. */
  unnamed = 0;
  /** Papers re-read per paper since the layout last changed, for what callers keep by slot. */
  readonly reread = new Set<string>();
  /** Papers whose slot holds terms of another text than theirs, though the store named no change (see `retext`). */
  private readonly retexted = new Set<string>();
  /** Stops listening to the store. */
  readonly dispose: () => void;
  private readonly changed: () => void;

  /** `changed` is called at every change, after it is noted. */
  constructor(
    private readonly store: LibraryStore,
    changed: () => void,
  ) {
    this.changed = changed;
    this.dispose = store.onChange((event) => {
      if (event.ids.length === 0) {
        this.readAll = true;
        this.unnamed++;
      }
      for (const id of event.ids) this.pending.add(id);
      changed();
    });
  }

  /**
   * The paper's slot was filled from another text than its own (a kept model's file, written before the text
   * changed while the app was closed): the next catch-up places it again, as after a change the store names.
   */
  retext(id: string): void {
    this.retexted.add(id);
    this.pending.add(id);
    this.changed();
  }

  /**
   * Compare the library with the papers in `table`'s slots, per paper named since the last read unless a
   * change named none or the count shows one went unnamed (`whole`: every paper was compared). `forget`
   * frees the slot of a paper that left the library or whose title or abstract changed; returns the papers
   * to (re)place.
   */
  read(table: Slots, forget: Forget): { added: Paper[]; whole: boolean } {
    const named = this.pending;
    this.pending = new Set();
    try {
      const added: Paper[] = [];
      if (!this.readAll && this.readNamed(named, table, forget, added)) return { added, whole: false };
      this.readAll = false;
      return { added: this.readEvery(table, forget), whole: true };
    } finally {
      // Each was named, so compared if it holds a slot.
      this.retexted.clear();
    }
  }

  /** Compare the papers in `ids`; false when the library's size says others changed too. */
  private readNamed(ids: Set<string>, table: Slots, forget: Forget, added: Paper[]): boolean {
    for (const id of ids) {
      this.reread.add(id);
      const paper = this.store.get(id);
      const slot = table.slot(id);
      if (slot === undefined) {
        if (paper) added.push(paper);
      } else if (!paper) {
        forget(slot, !this.retexted.delete(id));
      } else {
        this.compare(table, slot, paper, forget, added);
      }
    }
    return table.live + added.length === this.store.size;
  }

  private readEvery(table: Slots, forget: Forget): Paper[] {
    // A first build: every paper is new (100,000 slots looked up for none took a tenth of a first model's build).
    if (table.length === 0) return [...this.store.all()];
    const seen = new Uint8Array(table.length);
    const added: Paper[] = [];
    for (const paper of this.store.all()) {
      const slot = table.slot(paper.id);
      if (slot === undefined) {
        added.push(paper);
        continue;
      }
      seen[slot] = 1;
      this.compare(table, slot, paper, forget, added);
    }
    for (const slot of table.held()) if (!seen[slot]) forget(slot, !this.retexted.delete(table.paperAt(slot)!.id));
    return added;
  }

  /** The papers re-read one by one since the last call (see TextModel.takeReread). */
  takeReread(): string[] {
    const ids = [...this.reread];
    this.reread.clear();
    return ids;
  }

  /** Keep the slot if the paper's text is unchanged, else free it and list the paper to be placed again. */
  private compare(table: Slots, slot: number, paper: Paper, forget: Forget, added: Paper[]): void {
    const known = table.paperAt(slot)!;
    const retexted = this.retexted.delete(paper.id);
    if (known === paper && !retexted) return;
    if (!retexted && known.title === paper.title && known.abstract === paper.abstract) {
      table.renew(slot, paper);
    } else {
      forget(slot, !retexted);
      added.push(paper);
    }
  }
}
