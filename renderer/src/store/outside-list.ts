import type { StoreApi } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import { positionOf } from './list-rows';
import { firstOf, type Source } from './list-source';

/** What the library last said about one paper in one list, at one state of the library. */
type Answer = { id: string; source: Source; generation: number; inside: boolean };

/**
 * Keeps `outside` (the open paper, when the list shown does not hold it) true to the list: a search that
 * leaves the open paper out, a paper opened from "More like this" that is in another view, a change made
 * elsewhere that took it out.
 *
 * The list holds only the pages that came, so a paper not among its rows may still be in it: then the library
 * is asked, once for that paper in that list (papers.position: one walk of the list's references, 17–24 ms at
 * 100,000 papers), and again only after the library changes. A paper among the rows, or the one kept on screen
 * after it left the view, is in it without asking. The keys' steps land on rows already here, so moving the
 * cursor asks nothing; nothing is asked per row.
 *
 * A list shown with the open paper in it past the rows that came (a search cleared, the paper three pages
 * down, a paper opened from "More like this") gets the row at the paper's place, which the list then brings
 * into view (PaperList), as it does for a paper among its first rows. Once per paper and list: a later change
 * (after which the list forgets the pages off screen) never pulls it back to the paper the person scrolled
 * away from. Returns the unsubscribe.
 */
export function followOutside(store: StoreApi<AppState>, transport: Transport): () => void {
  // Counts the library's changes: an answer is good until the next.
  let generation = 0;
  let answer: Answer | undefined;
  let asking: Omit<Answer, 'inside'> | undefined;
  // The open paper and the list last seen holding it, among its rows or at the place the library gave.
  let seen: { id: string; source: Source } | undefined;
  const same = (a: Omit<Answer, 'inside'> | undefined, id: string, source: Source) =>
    a !== undefined && a.id === id && a.source === source && a.generation === generation;
  const mark = (outside: string | undefined) => {
    if (store.getState().outside !== outside) store.setState({ outside });
  };

  const check = () => {
    const state = store.getState();
    const id = state.selectedId;
    const source = state.listSource();
    if (id === undefined || state.view.kind === 'stats') return mark(undefined);
    // A list on its way: the mark stays as it was until its answer (no flicker while a search is typed).
    if (state.loading || source === undefined) return;
    // The library's word for this paper, this list and this library: rows that come meanwhile cannot change it.
    if (same(answer, id, source)) return mark(answer!.inside ? undefined : id);
    // Among the rows (looked for around the screen first, where the cursor almost always is): in the list. Not
    // kept as an answer: a refresh may take the row out.
    if (state.lingering?.row.id === id || positionOf(state.papers, id, state.onScreen().from) !== -1) {
      seen = { id, source };
      return mark(undefined);
    }
    if (same(asking, id, source)) return;
    const asked = { id, source, generation };
    asking = asked;
    firstOf(transport, source, [id]).then(
      ({ position }) => {
        if (asking !== asked) return;
        asking = undefined;
        if (asked.generation !== generation) return check();
        answer = { ...asked, inside: position !== undefined };
        if (position !== undefined && (seen?.id !== asked.id || seen.source !== asked.source)) {
          seen = { id: asked.id, source: asked.source };
          // Its row only: the list asks for the rows around it once it has scrolled there. A failure leaves
          // the list where it is; the pane shows the paper all the same.
          store
            .getState()
            .rowsBetween(position, position + 1)
            .catch(() => undefined);
        }
        check();
      },
      () => {
        // Not asked again until something changes; the pane shows no mark rather than a wrong one.
        if (asking === asked) asking = undefined;
      },
    );
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.selectedId !== previous.selectedId ||
      state.papers !== previous.papers ||
      state.loading !== previous.loading ||
      state.lingering !== previous.lingering ||
      state.view !== previous.view
    )
      check();
  });
  const unsubscribeChanges = transport.onChanged(() => {
    generation++;
    check();
  });
  check();
  return () => {
    unsubscribe();
    unsubscribeChanges();
  };
}
