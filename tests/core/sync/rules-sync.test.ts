import { readFile, writeFile, mkdir } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../../electron/core/store/store';
import { deviceDir, newDeviceId } from '../../../electron/core/sync/device';
import { deviceRulesFile, syncRules } from '../../../electron/core/sync/rules-sync';
import { openTempStore, run, tempDir } from '../helpers';

type Device = { store: LibraryStore; dataDir: string; device: string };

async function device(): Promise<Device> {
  const store = await openTempStore();
  return { store, dataDir: store.dataDir, device: newDeviceId() };
}

const patterns = (d: Device) => d.store.rules.map((r) => `${r.action} ${r.pattern}`);
const sync = (d: Device, syncDir: string | undefined) => syncRules({ ...d, syncDir });
async function add(d: Device, pattern: string, action: 'boost' | 'dim' = 'boost') {
  const added = await run(d.store, 'rules.add', { pattern, action });
  return added.id;
}
const remove = (d: Device, id: string) => run(d.store, 'rules.remove', { id });

describe('keyword rules on every device', () => {
  it('each device takes in the rules added and removed on the others, whatever the order of the passes', async () => {
    const shared = await tempDir();
    const [home, work] = await Promise.all([device(), device()]);
    const privacy = await add(home, 'privacy');
    await add(work, 'quantum', 'dim');
    await sync(home, shared);
    expect((await sync(work, shared)).changed).toBe(true);
    await sync(home, shared);
    expect(patterns(home)).toEqual(patterns(work));
    expect(patterns(home).sort()).toEqual(['boost privacy', 'dim quantum']);

    // Removed at work: gone at home too, and not brought back by home's older state.
    await remove(work, privacy);
    await sync(home, shared);
    await sync(work, shared);
    await sync(home, shared);
    expect(patterns(home)).toEqual(['dim quantum']);
    expect(patterns(work)).toEqual(['dim quantum']);
    // Written again by a person, it is a new rule, and it lives.
    await add(home, 'privacy');
    await sync(home, shared);
    await sync(work, shared);
    expect(patterns(work).sort()).toEqual(['boost privacy', 'dim quantum']);
    // A pass with nothing new changes nothing and writes no change event.
    expect((await sync(work, shared)).changed).toBe(false);
  });

  it('the same words added on two devices are one rule, and removing it removes it everywhere', async () => {
    const shared = await tempDir();
    const [home, work] = await Promise.all([device(), device()]);
    await add(home, 'diffusion');
    await add(work, 'diffusion');
    for (const d of [home, work, home]) await sync(d, shared);
    expect(patterns(home)).toEqual(['boost diffusion']);
    expect(home.store.rules).toEqual(work.store.rules);

    await remove(home, home.store.rules[0]!.id);
    for (const d of [home, work, home]) await sync(d, shared);
    expect(patterns(home)).toEqual([]);
    expect(patterns(work)).toEqual([]);
  });

  it('remembers a removal made while the sync folder is away, and spreads it when the folder is back', async () => {
    const shared = await tempDir();
    const [home, work] = await Promise.all([device(), device()]);
    const id = await add(home, 'graph neural');
    for (const d of [home, work]) await sync(d, shared);
    expect(patterns(work)).toEqual(['boost graph neural']);

    await remove(home, id);
    await sync(home, undefined);
    await sync(home, shared);
    await sync(work, shared);
    expect(patterns(work)).toEqual([]);
  });

  it('waits for another device’s file the engine has not finished writing, and loses nothing meanwhile', async () => {
    const shared = await tempDir();
    const [home, work] = await Promise.all([device(), device()]);
    await add(home, 'privacy');
    await sync(home, shared);
    const file = deviceRulesFile(shared, home.device);
    const whole = await readFile(file, 'utf8');
    await writeFile(file, whole.slice(0, whole.length >> 1));
    await add(work, 'quantum');
    const early = await sync(work, shared);
    expect(early.unreadable).toEqual([`${file} is not complete JSON yet`]);
    expect(patterns(work)).toEqual(['boost quantum']);

    await writeFile(file, whole);
    await mkdir(deviceDir(shared, 'not-a-device'), { recursive: true });
    await sync(work, shared);
    expect(patterns(work).sort()).toEqual(['boost privacy', 'boost quantum']);
  });
});

const RUNS = Math.max(Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 10, 1);
const WORDS = ['privacy', 'quantum', 'diffusion', 'graph'];

describe('keyword rules converge', () => {
  it('three devices adding, removing and syncing in any order end with the same rules once all have synced', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), at: fc.nat(2), word: fc.constantFrom(...WORDS) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat(2), which: fc.nat(5) }),
      fc.record({ kind: fc.constant('sync' as const), at: fc.nat(2), away: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        const shared = await tempDir();
        const devices = await Promise.all([device(), device(), device()]);
        for (const s of steps) {
          const d = devices[s.at]!;
          if (s.kind === 'add') {
            if (!d.store.rules.some((r) => r.pattern === s.word)) await add(d, s.word);
          } else if (s.kind === 'remove') {
            const rule = d.store.rules[s.which % Math.max(d.store.rules.length, 1)];
            if (rule) await remove(d, rule.id);
          } else await sync(d, s.away ? undefined : shared);
        }
        for (let round = 0; round < 2; round++) for (const d of devices) await sync(d, shared);
        expect(devices[1].store.rules).toEqual(devices[0].store.rules);
        expect(devices[2].store.rules).toEqual(devices[0].store.rules);
        for (const d of devices) d.store.catalog.dispose();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
