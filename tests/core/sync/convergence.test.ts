import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupLive,
  joinGroup,
  paperGroups,
  resolveId,
  type SyncedLibrary,
} from '../../../electron/core/sync/materialize';
import { noteHeads } from '../../../electron/core/sync/notes';
import { SyncReplica } from '../../../electron/core/sync/replica';
import { SKEWS, Simulation, actionArb, type SimDevice } from './simulation';

/**
 * Runs per property; PAPERQUEUE_FUZZ_RUNS=2000 for a soak, as for the command fuzzer. PAPERQUEUE_FUZZ_SEED replays
 * the runs of a seed fast-check reported.
 */
const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 30;
const SEED = process.env.PAPERQUEUE_FUZZ_SEED;
/** A soak's runs take their time, the more so on a busy machine: a limit, never a measure. */
const TIMEOUT = Math.max(30_000, RUNS * 500);

const scenario = fc.record({
  skews: fc.array(fc.constantFrom(...SKEWS), { minLength: 2, maxLength: 4 }),
  actions: fc.array(actionArb, { minLength: 20, maxLength: 150 }),
});

/** A library as one string, aliases and conflicts included, so "identical" means byte for byte. */
const dump = (library: SyncedLibrary): string => JSON.stringify({ ...library, aliases: [...library.aliases].sort() });

const WORD = /[wc]-[a-z]-\d+/g;

/**
 * Words a device typed that no later edit removed must all be in the merged note: for each version no one
 * edited further, the words it added to the versions it was edited from.
 */
function missingWords(device: SimDevice): string[] {
  const state = device.replica.snapshotState;
  const library = device.replica.library();
  const missing: string[] = [];
  for (const [id, ids] of paperGroups(state).groups) {
    if (!groupLive(state, ids)) continue;
    const joined = joinGroup(state, ids);
    const note = library.papers.find((paper) => paper.id === id)!.note;
    for (const head of noteHeads(joined.notes)) {
      const version = joined.notes.get(head)!;
      const inherited = new Set(version.parents.flatMap((parent) => joined.notes.get(parent)?.text.match(WORD) ?? []));
      for (const word of version.text.match(WORD) ?? []) {
        if (!inherited.has(word) && !note.includes(word)) missing.push(`${id}: ${word}`);
      }
    }
  }
  return missing;
}

/**
 * What users need of papers imported on several devices, against what the simulation knows each id is: every
 * id no deletion removed (its deleting device had not seen it) is in the library, under the paper it is one
 * with (unless an older Paperqueue's deletion was made, which takes the whole paper); each paper no one deleted is in it once, every id imported of it resolving to that one paper, with
 * every highlight added to it and not deleted; ids of two papers (the same short title, say) never resolve to
 * one. Papers whose year a person changed are left out of the grouping checks (the change may make them one).
 */
function identityProblems(sim: Simulation): string[] {
  const { truth } = sim;
  const library = sim.devices[0]!.replica.library();
  const shown = new Map(library.papers.map((paper) => [paper.id, paper]));
  const problems: string[] = [];
  const keptFor = new Map<string, Set<string>>();
  const papersIn = new Map<string, Set<string>>();
  for (const [id, paper] of truth.paperOf) {
    const kept = resolveId(library, id);
    if (!truth.deletedIds.has(id) && !truth.oldDeletes && !shown.has(kept)) problems.push(`lost: ${paper} (${id})`);
    if (!keptFor.has(paper)) keptFor.set(paper, new Set());
    keptFor.get(paper)!.add(kept);
    if (!shown.has(kept) || truth.reidentified.has(paper)) continue;
    if (!papersIn.has(kept)) papersIn.set(kept, new Set());
    papersIn.get(kept)!.add(paper);
  }
  for (const [paper, kept] of keptFor) {
    if (truth.deleted.has(paper) || truth.reidentified.has(paper)) continue;
    if (kept.size > 1) problems.push(`not joined: ${paper} as ${[...kept].sort().join(', ')}`);
  }
  for (const [kept, papers] of papersIn) {
    if (papers.size > 1) problems.push(`merged: ${[...papers].sort().join(' and ')} as ${kept}`);
  }
  for (const [highlight, paper] of truth.highlights) {
    if (truth.deleted.has(paper) || truth.unhighlighted.has(highlight) || truth.reidentified.has(paper)) continue;
    const ids = [...truth.paperOf].filter(([, p]) => p === paper).map(([id]) => resolveId(library, id));
    const found = ids.some((id) => shown.get(id)?.annotations.some((a) => a.id === highlight));
    if (!found) problems.push(`highlight lost: ${highlight} of ${paper}`);
  }
  return problems;
}

describe('sync convergence (simulated devices and engine)', { timeout: TIMEOUT }, () => {
  it('devices that have all changes hold identical libraries, whatever the order, duplicates, cuts and clocks', () => {
    fc.assert(
      fc.property(scenario, ({ skews, actions }) => {
        const sim = new Simulation(skews);
        for (const action of actions) sim.run(action);
        sim.settle();
        const [first, ...rest] = sim.devices.map((device) => dump(device.replica.library()));
        for (const other of rest) expect(other).toBe(first);
        for (const device of sim.devices) expect(missingWords(device)).toEqual([]);
        expect(identityProblems(sim)).toEqual([]);

        // Taking everything in again changes nothing.
        sim.settle();
        expect(dump(sim.devices[0]!.replica.library())).toBe(first);

        // A device that arrives last, from every op in any order, holds the same library.
        const late = new SyncReplica('z000000000000000');
        const ops = sim.devices.flatMap((device) => device.ops);
        late.receive(ops.reverse());
        expect(dump(late.library())).toBe(first);
      }),
      { numRuns: RUNS, ...(SEED && { seed: Number(SEED) }) },
    );
  });
});
