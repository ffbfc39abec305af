import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { textPrint, type ModelState } from './model-cache';

/**
 * The library's papers in `state`'s slots, if each is still there with the title and abstract it had
 * (else undefined), checked in chunks with `pause` between them.
 */
export async function keptPapers(
  state: ModelState,
  store: LibraryStore,
  pause: () => Promise<void>,
): Promise<Paper[] | undefined> {
  const papers: Paper[] = [];
  const print = new Uint32Array(2);
  // The slots lie in library order, as the model read it: walked beside the library, most papers are found
  // without a lookup of an id read from the file.
  const library = store.all();
  let next = library.next();
  for (let slot = 0; slot < state.ids.length; slot++) {
    const id = state.ids[slot]!;
    let paper: Paper | undefined;
    if (!next.done && next.value.id === id) {
      paper = next.value;
      next = library.next();
    } else {
      paper = store.get(id);
    }
    if (!paper) return undefined;
    textPrint(paper, print, 0);
    if (print[0] !== state.fingerprints[2 * slot] || print[1] !== state.fingerprints[2 * slot + 1]) return undefined;
    papers.push(paper);
    if (slot % 5000 === 4999) await pause();
  }
  return papers;
}
