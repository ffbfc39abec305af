import { describe, expect, it } from 'vitest';
import { on, pause, snapshotOf, twoMachines } from './report-machines';

describe('a status that arrives in a snapshot', () => {
  it('checks a status that arrives only in another device’s snapshot the same way', async () => {
    const { laptop, desktop, laptopSync, desktopSync, ids, status, close } = await twoMachines();
    try {
      await status(laptop, 'Alpha', 'read');
      await status(laptop, 'Beta', 'read');
      await laptopSync.syncNow();
      await pause(20);
      // Beta before the desktop has seen the laptop's "read"; Alpha after.
      await status(desktop, 'Beta', 'queued');
      await desktopSync.syncNow();
      expect(desktop.get(ids.Alpha!)?.status).toBe('read');
      await status(desktop, 'Alpha', 'reading');
      await desktopSync.syncNow();
      await snapshotOf(desktopSync);

      // The laptop joins the snapshot first: the desktop's changes it holds are not taken in again from its log.
      await laptopSync.syncNow();
      expect(laptop.get(ids.Alpha!)?.status).toBe('reading');
      expect(laptop.get(ids.Beta!)?.status).toBe('queued');
      const { lastSync, notices } = await on(laptop);
      expect(lastSync!.received).toEqual([expect.objectContaining({ name: 'Desktop' })]);
      expect(lastSync!.overruled.count).toBe(1);
      expect(lastSync!.notes).toEqual(['Your “read” on “Beta” was replaced by Desktop’s later “queued”.']);
      expect(notices).toHaveLength(1);
    } finally {
      await close();
    }
  }, 30_000);
});
