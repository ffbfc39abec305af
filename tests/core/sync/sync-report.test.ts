import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/store/store';
import { detachSync, setUpSync, syncStatus, type SyncStatus } from '../../../electron/core/sync/attach';
import { run, tempDir } from '../helpers';

type On = Extract<SyncStatus, { setUp: true }>;
const on = async (store: LibraryStore): Promise<On> => (await syncStatus(store)) as On;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A laptop and a desktop, each its own data folder, syncing through one real folder, with four papers on both. */
async function twoMachines() {
  const [shared, a, b] = await Promise.all([tempDir(), tempDir(), tempDir()]);
  const laptop = await LibraryStore.open(a);
  const desktop = await LibraryStore.open(b);
  const ids: Record<string, string> = {};
  for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta']) ids[title] = (await run(laptop, 'papers.add', { title })).id;
  const laptopSync = await setUpSync(laptop, shared, 'Laptop');
  const desktopSync = await setUpSync(desktop, shared, 'Desktop');
  await laptopSync.syncNow();
  const close = async () => {
    for (const store of [laptop, desktop]) {
      await detachSync(store);
      await store.flush();
    }
  };
  return { laptop, desktop, laptopSync, desktopSync, ids, close };
}

describe('a sync says what it did', () => {
  it('counts what came in and went out, names papers kept though deleted here, and statuses replaced', async () => {
    const { laptop, desktop, laptopSync, desktopSync, ids, close } = await twoMachines();
    try {
      expect(desktop.size).toBe(4);
      // The laptop deletes Beta and Delta and marks Alpha read; then, not having synced, the desktop writes a
      // note on Beta, marks Delta read, Alpha queued, and deletes Gamma.
      await run(laptop, 'papers.remove', { ids: [ids.Beta!, ids.Delta!] });
      await run(laptop, 'papers.setStatus', { ids: [ids.Alpha!], status: 'read' });
      await laptopSync.syncNow();
      await pause(20);
      await run(desktop, 'notes.save', { id: ids.Beta!, note: 'Worth a second look.' });
      await run(desktop, 'papers.setStatus', { ids: [ids.Delta!], status: 'read' });
      await run(desktop, 'papers.setStatus', { ids: [ids.Alpha!], status: 'queued' });
      await run(desktop, 'papers.remove', { ids: [ids.Gamma!] });
      await desktopSync.syncNow();
      // The desktop's changes are later: its papers stand there, and it has nothing to be told but counts.
      const there = await on(desktop);
      expect(there.lastSync?.kept.count).toBe(0);
      expect(there.lastSync?.overruled.count).toBe(0);
      expect(there.lastSync?.received).toEqual([expect.objectContaining({ name: 'Laptop' })]);
      expect(there.lastSync!.received[0]!.changes).toBeGreaterThanOrEqual(3);
      expect(there.notices).toEqual([]);

      await laptopSync.syncNow();
      // The merge rules are as they were: Beta and Delta are back, Alpha is queued, Gamma gone.
      expect(laptop.get(ids.Beta!)?.note).toBe('Worth a second look.');
      expect(laptop.get(ids.Delta!)?.status).toBe('read');
      expect(laptop.get(ids.Alpha!)?.status).toBe('queued');
      expect(laptop.get(ids.Gamma!)).toBeUndefined();

      const status = await on(laptop);
      const report = status.lastSync!;
      expect(report.received).toEqual([expect.objectContaining({ name: 'Desktop' })]);
      const received = report.received[0]!.changes;
      expect(received).toBeGreaterThanOrEqual(4);
      expect(report.sent).toBe(0);
      expect(report.kept.count).toBe(2);
      expect(report.kept.papers.map((paper) => paper.title).sort()).toEqual(['Beta', 'Delta']);
      expect(report.kept.papers.every((paper) => paper.name === 'Desktop')).toBe(true);
      expect(report.overruled.papers).toEqual([
        expect.objectContaining({
          paperId: ids.Alpha,
          title: 'Alpha',
          ours: 'read',
          theirs: 'queued',
          name: 'Desktop',
        }),
      ]);
      expect(report.removed.papers).toEqual([expect.objectContaining({ title: 'Gamma', name: 'Desktop' })]);
      expect(report.summary).toBe(`Received ${received} changes from Desktop; sent nothing; 4 papers changed here.`);
      expect(report.notes).toContain(
        'Kept 2 papers you deleted, because Desktop changed them after: “Beta” and “Delta”.',
      );
      expect(report.notes).toContain('Your “read” on “Alpha” was replaced by Desktop’s later “queued”.');
      expect(report.notes).toContain('Removed 1 paper deleted on Desktop: “Gamma”.');
      expect(status.notices).toHaveLength(1);

      // A sync with nothing new says so, and the notice stays for the app until the person has seen it.
      await laptopSync.syncNow();
      const later = await on(laptop);
      expect(later.lastSync?.summary).toBe('Received nothing new; sent nothing.');
      expect(later.lastSync?.notes).toEqual([]);
      expect(later.notices.map((notice) => notice.at)).toEqual([report.at]);
    } finally {
      await close();
    }
  }, 30_000);

  it('counts the changes this machine sent since the last sync, and names at most a few papers', async () => {
    const { laptop, desktop, laptopSync, desktopSync, close } = await twoMachines();
    try {
      const titles = Array.from({ length: 7 }, (_, i) => `Paper ${i + 1}`);
      const added: string[] = [];
      for (const title of titles) added.push((await run(desktop, 'papers.add', { title })).id);
      await desktopSync.syncNow();
      await laptopSync.syncNow();
      await run(laptop, 'papers.remove', { ids: added });
      await laptopSync.syncNow();
      expect((await on(laptop)).lastSync?.sent).toBe(7);
      await pause(20);
      for (const id of added) await run(desktop, 'tags.set', { ids: [id], tags: ['keep'], mode: 'add' });
      await desktopSync.syncNow();
      await laptopSync.syncNow();
      const report = (await on(laptop)).lastSync!;
      expect(report.kept.count).toBe(7);
      expect(report.notes[0]).toBe(
        'Kept 7 papers you deleted, because Desktop changed them after: “Paper 1”, “Paper 2” and 5 more.',
      );
    } finally {
      await close();
    }
  }, 30_000);
});
