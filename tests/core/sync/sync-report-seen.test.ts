import { describe, expect, it } from 'vitest';
import { on, pause, twoMachines } from './report-machines';

describe('a status another machine changed after seeing this one’s is no conflict', () => {
  it('reports a status changed on the desktop after it received the laptop’s as an ordinary change', async () => {
    const { laptop, desktop, laptopSync, desktopSync, ids, status, close } = await twoMachines();
    try {
      await status(laptop, 'Alpha', 'read');
      await status(laptop, 'Beta', 'reading');
      await laptopSync.syncNow();
      await desktopSync.syncNow();
      expect(desktop.get(ids.Alpha!)?.status).toBe('read');
      // The desktop has seen "read" and "reading", and changes them: once on Alpha, twice on Beta.
      await pause(20);
      await status(desktop, 'Alpha', 'reading');
      await status(desktop, 'Beta', 'read');
      await pause(5);
      await status(desktop, 'Beta', 'dismissed');
      await desktopSync.syncNow();

      await laptopSync.syncNow();
      expect(laptop.get(ids.Alpha!)?.status).toBe('reading');
      expect(laptop.get(ids.Beta!)?.status).toBe('dismissed');
      const { lastSync, notices } = await on(laptop);
      expect(lastSync!.received).toEqual([expect.objectContaining({ name: 'Desktop' })]);
      expect(lastSync!.received[0]!.changes).toBeGreaterThanOrEqual(3);
      expect(lastSync!.overruled).toEqual({ count: 0, papers: [] });
      expect(lastSync!.notes).toEqual([]);
      expect(notices).toEqual([]);
    } finally {
      await close();
    }
  }, 30_000);

  it('reports a status the desktop set without having seen the laptop’s as replaced, and only that', async () => {
    const { laptop, desktop, laptopSync, desktopSync, ids, status, close } = await twoMachines();
    try {
      // Beta: the desktop sees the laptop's "reading", not its later "read". Gamma: the desktop sees "read".
      await status(laptop, 'Beta', 'reading');
      await status(laptop, 'Gamma', 'read');
      await laptopSync.syncNow();
      await desktopSync.syncNow();
      await pause(5);
      await status(laptop, 'Alpha', 'read');
      await status(laptop, 'Beta', 'read');
      await laptopSync.syncNow();
      await pause(20);
      // The desktop, not having synced since: Alpha and Beta are set not knowing the laptop's; Gamma knowing.
      await status(desktop, 'Alpha', 'queued');
      await status(desktop, 'Beta', 'dismissed');
      await status(desktop, 'Gamma', 'reading');
      await desktopSync.syncNow();

      await laptopSync.syncNow();
      expect([ids.Alpha!, ids.Beta!, ids.Gamma!].map((id) => laptop.get(id)?.status)).toEqual([
        'queued',
        'dismissed',
        'reading',
      ]);
      const { lastSync, notices } = await on(laptop);
      expect(lastSync!.overruled.count).toBe(2);
      expect(lastSync!.overruled.papers.map(({ title, ours, theirs }) => ({ title, ours, theirs }))).toEqual([
        { title: 'Alpha', ours: 'read', theirs: 'queued' },
        { title: 'Beta', ours: 'read', theirs: 'dismissed' },
      ]);
      expect(lastSync!.notes).toEqual([
        'Your “read” on “Alpha” was replaced by Desktop’s later “queued”.',
        'Your “read” on “Beta” was replaced by Desktop’s later “dismissed”.',
      ]);
      expect(notices).toHaveLength(1);
    } finally {
      await close();
    }
  }, 30_000);
});
