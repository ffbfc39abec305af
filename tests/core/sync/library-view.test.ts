import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../electron/core/schema';
import type { SyncReplica } from '../../../electron/core/sync/replica';
import { SKEWS, Simulation, actionArb } from './simulation';

/**
 * Runs per property; PAPERQUEUE_FUZZ_RUNS=2000 for a soak, as for the command fuzzer. PAPERQUEUE_FUZZ_SEED replays
 * the runs of a seed fast-check reported.
 */
const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 30;
const SEED = process.env.PAPERQUEUE_FUZZ_SEED;
/** A soak's runs take their time, the more so on a busy machine: a limit, never a measure. */
const TIMEOUT = Math.max(30_000, RUNS * 500);

/**
 * What a store kept up to date by the view would hold: each id the view has to read again is read and
 * applied as merge-into-store.ts applies it (a paper put or removed, an alias removed and its kept id read).
 */
function follow(replica: SyncReplica, shown: Map<string, Paper>): void {
  const { view } = replica;
  const done = new Set<string>();
  while (view.waiting > 0) {
    for (const id of view.take(16)) {
      done.add(id);
      const reading = view.read(id);
      if (reading.kind === 'pending') continue;
      if (reading.kind === 'alias') {
        shown.delete(id);
        if (!done.has(reading.kept)) view.touch([reading.kept]);
        continue;
      }
      for (const member of view.group(id) ?? []) if (member !== id) shown.delete(member);
      if (reading.paper) shown.set(id, reading.paper);
      else shown.delete(id);
    }
  }
}

const scenario = fc.record({
  skews: fc.array(fc.constantFrom(...SKEWS), { minLength: 2, maxLength: 4 }),
  actions: fc.array(actionArb, { minLength: 20, maxLength: 150 }),
  every: fc.integer({ min: 1, max: 12 }),
});

describe('the library read one paper at a time', { timeout: TIMEOUT }, () => {
  it('holds, paper by paper, exactly the library read whole, however often it is brought up to date', () => {
    fc.assert(
      fc.property(scenario, ({ skews, actions, every }) => {
        const sim = new Simulation(skews);
        const shown = sim.devices.map(() => new Map<string, Paper>());
        actions.forEach((action, n) => {
          sim.run(action);
          if (n % every === 0) sim.devices.forEach((device, i) => follow(device.replica, shown[i]!));
        });
        sim.settle();
        sim.devices.forEach((device, i) => {
          follow(device.replica, shown[i]!);
          const whole = device.replica.library();
          const byId = (papers: Iterable<Paper>) => [...papers].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(byId(shown[i]!.values())).toEqual(byId(whole.papers));
          expect([...device.replica.view.aliases].sort()).toEqual([...whole.aliases].sort());
          expect(device.replica.view.conflictList()).toEqual(whole.conflicts);
        });
      }),
      { numRuns: RUNS, ...(SEED && { seed: Number(SEED) }) },
    );
  });
});
