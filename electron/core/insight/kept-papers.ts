import { foreground } from '../foreground';
import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { textPrint, type ModelState } from './model-cache';

/** Slots checked between turns of the event loop (about 30 ms of hashing at 1.5 KB of text a paper). */
const CHECK_CHUNK = 5000;

/**
 * The library's papers in `state`'s slots, if each is still there (else undefined), looked up in chunks with
 * `pause` between them. Whether each still has the title and abstract the model read is checked afterwards,
 * by `changedTexts`: hashing 150 MB of text at 100,000 papers takes about 0.6 s, which a second start's For
 * you need not wait for.
 */
export async function keptPapers(
  state: ModelState,
  store: LibraryStore,
  pause: () => Promise<void>,
): Promise<Paper[] | undefined> {
  const papers: Paper[] = [];
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
    papers.push(paper);
    if (slot % (4 * CHECK_CHUNK) === 4 * CHECK_CHUNK - 1) await pause();
  }
  return papers;
}

/**
 * Call `changed` with each paper whose title or abstract no longer hashes as `fingerprints` (a kept model's,
 * by slot) says, as `paperAt` gives the slots' papers now (undefined: an empty slot, skipped). Checked in
 * chunks, each after `pause`; `valid` false stops the check (the slots were given out again).
 */
export async function changedTexts(
  fingerprints: Uint32Array,
  paperAt: (slot: number) => Paper | undefined,
  changed: (paper: Paper) => void,
  pause: () => Promise<void>,
  valid: () => boolean,
): Promise<void> {
  const print = new Uint32Array(2);
  const slots = fingerprints.length / 2;
  for (let from = 0; from < slots; from += CHECK_CHUNK) {
    await pause();
    if (!valid()) return;
    const to = Math.min(slots, from + CHECK_CHUNK);
    for (let slot = from; slot < to; slot++) {
      const paper = paperAt(slot);
      if (!paper) continue;
      textPrint(paper, print, 0);
      if (print[0] !== fingerprints[2 * slot] || print[1] !== fingerprints[2 * slot + 1]) changed(paper);
    }
  }
}

/**
 * How long after a kept model is taken its papers' texts begin to be checked: a second start's page loads
 * meanwhile (hashing 100,000 papers' text in its gaps made its first rows 0.3-0.6 s later).
 */
const CHECK_AFTER_MS = 2000;

/**
 * `changedTexts`, each chunk once nothing waits for the event loop, and not before CHECK_AFTER_MS where a page
 * is served: a start of the app serves it first, before any request comes. A one-shot command checks at once,
 * and waits for the check (library-model.ts's modelFor).
 */
export function changedTextsLater(
  fingerprints: Uint32Array,
  paperAt: (slot: number) => Paper | undefined,
  changed: (paper: Paper) => void,
  valid: () => boolean,
): Promise<void> {
  const begun = foreground.servesPages
    ? new Promise((resolve) => setTimeout(resolve, CHECK_AFTER_MS).unref())
    : Promise.resolve();
  return changedTexts(fingerprints, paperAt, changed, () => begun.then(() => foreground.idle()), valid);
}
