import { performance } from 'node:perf_hooks';
import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import type { LibraryView } from './library-view';

/** The longest one slice of applying a merge may keep the event loop, in milliseconds. */
export const SLICE_MS = 15;

/** Let the event loop run (requests, commands, timers) before the next slice. */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export type MergeHooks = {
  /** Before each slice: record what commands did since, so the slice reads the state with it. */
  beforeSlice: () => void;
  /** After each slice: the ids it changed in the store (the recorder's next diffs start from them). */
  afterSlice: (changed: readonly string[]) => void;
  /** Each paper changed in the store, as it was and as it is (undefined: not there): what a sync reports. */
  applied?: (id: string, before: Paper | undefined, after: Paper | undefined) => void;
};

/**
 * Make the store hold what the merged library holds for every id the view has to read again (the ids that
 * changes just taken in named, and every id whose grouping changed): papers added, replaced or removed
 * through the store's own calls, so its indexes and search stay what a command would leave. The work is cut
 * into slices of at most SLICE_MS, each synchronous from reading the state to changing the store (so a
 * command's edit is either recorded before a slice reads its paper or made after the slice wrote it, never
 * undone), with the event loop free in between. Returns every id changed; the caller sends one change event.
 */
export async function mergeIntoStore(store: LibraryStore, view: LibraryView, hooks: MergeHooks): Promise<string[]> {
  const changed = new Set<string>();
  const done = new Set<string>();
  const own = (id: string): Paper | undefined => {
    const paper = store.get(id);
    return paper?.id === id ? paper : undefined;
  };
  while (view.waiting > 0) {
    hooks.beforeSlice();
    const deadline = performance.now() + SLICE_MS;
    const slice: string[] = [];
    const change = (id: string, before: Paper | undefined, after: Paper | undefined) => {
      changed.add(id);
      slice.push(id);
      hooks.applied?.(id, before, after);
    };
    do {
      for (const id of view.take(16)) {
        done.add(id);
        const reading = view.read(id);
        if (reading.kind === 'pending') continue;
        if (reading.kind === 'alias') {
          const was = own(id);
          if (was && store.remove(id)) change(id, was, undefined);
          // The paper kept holds this id's changes now.
          if (!done.has(reading.kept)) view.touch([reading.kept]);
          continue;
        }
        for (const member of view.group(id) ?? []) {
          const was = member !== id ? own(member) : undefined;
          if (was && store.remove(member)) change(member, was, undefined);
        }
        const { paper } = reading;
        const current = own(id);
        if (!paper) {
          // Deleted on another device.
          if (current && store.remove(id)) change(id, current, undefined);
          continue;
        }
        if (!current) store.insert(paper);
        else if (sameJson(current, paper)) continue;
        else store.replace(paper);
        change(id, current, paper);
      }
    } while (view.waiting > 0 && performance.now() < deadline);
    hooks.afterSlice(slice);
    if (view.waiting > 0) await yieldToLoop();
  }
  return [...changed];
}

/**
 * True when `a` and `b` read the same as JSON (a field set to undefined is no field, as in the merged paper,
 * which is built without them), compared in place: a JSON round trip of each paper cost most of a merge.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    count++;
    if (!sameJson(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) count--;
  return count === 0;
}
