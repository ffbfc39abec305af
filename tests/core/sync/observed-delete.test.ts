import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../../electron/core/sync/report';
import { T0, deliver, draft, edit, importPaper, makeDevices, remove, shown, syncAll } from './helpers';

const HLC = 'Hybrid logical clocks for the rest of us';

/**
 * A deletion removes the paper its device showed: the ids it had in it, and no more. Another device's import
 * it never saw (of the same work, or of one a changed year made the same) keeps the paper on every device.
 */
describe('a paper deleted on one device while another imported it unseen', () => {
  it('keeps the import a changed year joined to the deleted paper (hlc2015 set to 2014, hlc2014 imported)', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const theirs = importPaper(b!, draft(HLC, { year: 2015 }), (time.now += 1000));
    edit(b!, theirs.id, (paper) => ({ ...paper, year: 2014, note: 'Read on the desk.' }));
    // A never saw B's paper: it imports the 2014 one, which B's corrected copy now is one paper with.
    const mine = importPaper(a!, draft(HLC, { year: 2014 }), (time.now += 1000));
    time.now += 1000;
    remove(b!, theirs.id);
    syncAll([a!, b!]);
    for (const device of [a!, b!]) {
      expect(device.replica.library().papers).toHaveLength(1);
      expect(shown(device, mine.id)).toMatchObject({ title: HLC, year: 2014 });
    }
    expect(b!.replica.library()).toEqual(a!.replica.library());
  });

  it('keeps the same work imported on another device before the deletion arrived there', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const mine = importPaper(a!, draft(HLC), (time.now += 1000));
    const theirs = importPaper(b!, draft(HLC), (time.now += 1000));
    time.now += 1000;
    remove(b!, theirs.id);
    syncAll([a!, b!]);
    for (const device of [a!, b!]) expect(shown(device, mine.id)).toMatchObject({ title: HLC });
    expect(b!.replica.library()).toEqual(a!.replica.library());
  });

  it('tells the deleting device which machine keeps it, when the paper comes back under that machine’s id', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const mine = importPaper(a!, draft(HLC), (time.now += 1000));
    const theirs = importPaper(b!, draft(HLC), (time.now += 1000));
    time.now += 1000;
    remove(b!, theirs.id);
    const report = new ReportBuilder(b!.replica, new Map([[a!.replica.device, 'Laptop']]));
    deliver(a!, b!);
    const back = shown(b!, mine.id)!;
    // A's import is kept (it was born first): its own id carries no deletion of B's, another of the paper's does.
    expect(back.id).toBe(mine.id);
    report.applied(back.id, undefined, back);
    expect(report.finish(1, 0, () => undefined).kept.papers).toEqual([
      { paperId: mine.id, title: HLC, device: a!.replica.device, name: 'Laptop' },
    ]);
  });

  it('removes every id of the paper the deleting device showed, its own and the other device’s', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const theirs = importPaper(b!, draft(HLC, { year: 2015 }), (time.now += 1000));
    edit(b!, theirs.id, (paper) => ({ ...paper, year: 2014 }));
    const mine = importPaper(a!, draft(HLC, { year: 2014 }), (time.now += 1000));
    // B has A's import now: one paper there, which B deletes whole.
    deliver(a!, b!);
    expect(b!.replica.library().papers).toHaveLength(1);
    time.now += 1000;
    remove(b!, theirs.id);
    syncAll([a!, b!]);
    for (const device of [a!, b!]) {
      expect(device.replica.library().papers).toEqual([]);
      expect(shown(device, mine.id)).toBeUndefined();
    }
  });
});
