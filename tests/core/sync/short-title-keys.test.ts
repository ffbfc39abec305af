import { describe, expect, it } from 'vitest';
import { sameLooseRecords } from '../../../electron/core/import-by-key';
import { T0, importPaper, makeDevices, syncAll } from './helpers';

/** Two replies of one author and year, as an export keys them: the second gets an "a" after its key. */
const REPLY = { title: 'Reply', authors: ['Jane Smith'], year: 2019, venue: 'Nature', citationKey: 'smith2019reply' };
const REPLY_A = { ...REPLY, venue: 'Science', citationKey: 'smith2019replya' };

describe('papers whose title identifies nothing, each with a key of its own', () => {
  it('stay two papers after sync when their keys differ, even where an export would have keyed one after the other', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const first = importPaper(a!, REPLY, (time.now += 1000));
    const second = importPaper(b!, REPLY_A, (time.now += 1000));
    syncAll([a!, b!]);
    for (const device of [a!, b!]) {
      const library = device.replica.library();
      expect(library.papers.map((paper) => paper.citationKey).sort()).toEqual(['smith2019reply', 'smith2019replya']);
      expect(library.aliases.size).toBe(0);
      expect(library.papers.map((paper) => paper.id).sort()).toEqual([first.id, second.id].sort());
    }
  });

  it('are still found by the key an export gives a record that has none', () => {
    expect(sameLooseRecords(REPLY, REPLY_A)).toBe(false);
    const keyless = { ...REPLY, citationKey: undefined };
    // "smith2019replya" is what an export writes for a keyless record when "smith2019reply" is taken.
    expect(sameLooseRecords(keyless, REPLY_A)).toBe(true);
    expect(sameLooseRecords(REPLY_A, keyless)).toBe(true);
  });
});
