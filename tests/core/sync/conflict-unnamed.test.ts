import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/store/store';
import { detachSync, setUpSync, syncStatus, type SyncStatus } from '../../../electron/core/sync/attach';
import { machineNamer } from '../../../electron/core/sync/conflict-labels';
import type { SyncSession } from '../../../electron/core/sync/session';
import { cliIn } from '../../cli/child';
import { run, tempDir } from '../helpers';

type Machine = { data: string; store: LibraryStore; session: SyncSession };

async function machine(shared: string, name: string): Promise<Machine> {
  const data = await tempDir();
  const store = await LibraryStore.open(data);
  return { data, store, session: await setUpSync(store, shared, name) };
}

const conflictsOf = async (store: LibraryStore) =>
  ((await syncStatus(store)) as Extract<SyncStatus, { setUp: true }>).conflicts;

describe('a conflict side saved by an older Paperqueue (no name in the version)', () => {
  it('is shown by the name its device has in the folder, while the marker keeps `device <id start>`', async () => {
    const shared = await tempDir();
    const laptop = await machine(shared, 'Laptop');
    const desk = await machine(shared, 'Desk upstairs');
    const { id } = await run(laptop.store, 'papers.add', { title: 'A Paper Both Machines Annotate' });
    await run(laptop.store, 'notes.save', { id, note: 'Intro\nmiddle\nend' });
    await laptop.session.syncNow();
    await desk.session.syncNow();
    // The desk saves the way a Paperqueue from before names were recorded did: its versions carry none.
    (await desk.session.loaded()).name = undefined;
    await run(laptop.store, 'notes.save', { id, note: 'Intro from the laptop\nmiddle\nend' });
    await run(desk.store, 'notes.save', { id, note: 'Intro from the desk\nmiddle\nend' });
    await laptop.session.syncNow();
    await desk.session.syncNow();
    await laptop.session.syncNow();

    const deskId = desk.session.settings.device.id;
    const fallback = `device ${deskId.slice(0, 6)}`;
    for (const store of [laptop.store, desk.store]) {
      const [conflict, ...more] = await conflictsOf(store);
      expect(more).toEqual([]);
      expect([conflict!.ours.device, conflict!.theirs.device].sort()).toEqual(['Desk upstairs', 'Laptop']);
      // The note's text is the merge's, the same on every device: its marker still says what it said.
      expect(conflict!.merged).toContain(`on ${fallback}`);
      expect(conflict!.merged).not.toContain('Desk upstairs');
      expect(store.get(id)!.note).toBe(conflict!.merged);
    }
    for (const { store } of [laptop, desk]) {
      await detachSync(store);
      await store.flush();
    }
    // `paperqueue sync status` names both machines too.
    const status = await cliIn(laptop.data, 'sync', 'status');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/\((Laptop \/ Desk upstairs|Desk upstairs \/ Laptop)\)/);
    expect(status.stdout).not.toContain(fallback);
  }, 60_000);

  it('keeps the fallback when no device of the folder has that id start, or two have it', () => {
    const name = machineNamer([
      { id: '7k3m9xaaaaaaaaaa', name: 'Desk upstairs' },
      { id: 'q0q0q0aaaaaaaaaa' },
      { id: 'zzzzzzaaaaaaaaaa', name: 'One' },
      { id: 'zzzzzzbbbbbbbbbb', name: 'Other' },
      { id: 'hhhhhhaaaaaaaaaa', name: 'Bad\u202e\n<<<<<<< name' },
    ]);
    expect(name('device 7k3m9x')).toBe('Desk upstairs');
    expect(name('device 000000')).toBe('device 000000');
    // Known, but without a name; and a start two devices share.
    expect(name('device q0q0q0')).toBe('device q0q0q0');
    expect(name('device zzzzzz')).toBe('device zzzzzz');
    // A name is a person's text: sanitised as markers sanitise it.
    expect(name('device hhhhhh')).toBe('Bad < name');
    // A version that carried a name keeps it.
    expect(name('Laptop')).toBe('Laptop');
  });
});
