import { describe, expect, it } from 'vitest';
import type { PaperDraft } from '../../../electron/core/paper';
import { T0, edit, importPaper, makeDevices, shown, syncAll } from './helpers';

/** One work imported on two devices before either synced, then corrected on one: what each device shows. */
function importedTwiceThenCorrected(draft: PaperDraft, correct: Partial<PaperDraft>) {
  const time = { now: T0 };
  const [a, b] = makeDevices(2, time);
  const mine = importPaper(a!, draft, (time.now += 1000));
  const theirs = importPaper(b!, draft, (time.now += 1000));
  edit(b!, theirs.id, (paper) => ({ ...paper, note: 'Read on the desk.' }));
  syncAll([a!, b!]);
  expect(a!.replica.library().papers).toHaveLength(1);
  time.now += 1000;
  edit(a!, mine.id, (paper) => ({ ...paper, ...correct }));
  syncAll([a!, b!]);
  return { devices: [a!, b!], mine, theirs };
}

describe('a person correcting a paper imported on two devices', () => {
  const cases: [string, PaperDraft, Partial<PaperDraft>][] = [
    [
      'a short title joined by its key',
      { title: 'Attention', authors: ['Michael Posner'], year: 1980, citationKey: 'posner1980attention' },
      { year: 1981 },
    ],
    ['a short title joined by its content', { title: 'Reply', authors: ['Jane Smith'], year: 2019 }, { year: 2020 }],
    ['a title joined as one work', { title: 'Hybrid logical clocks for the rest of us', year: 2014 }, { year: 2015 }],
    [
      'a title joined as one work, its first author',
      { title: 'Hybrid logical clocks for the rest of us', authors: ['S. Kulkarni'] },
      { authors: ['M. Demirbas'] },
    ],
  ];
  for (const [what, draft, correct] of cases) {
    it(`keeps it one paper, corrected, with both devices' notes: ${what}`, () => {
      const { devices, mine, theirs } = importedTwiceThenCorrected(draft, correct);
      for (const device of devices) {
        const library = device.replica.library();
        expect(library.papers).toHaveLength(1);
        expect(library.papers[0]).toMatchObject({ id: mine.id, ...correct, note: 'Read on the desk.' });
        expect(shown(device, theirs.id)?.id).toBe(mine.id);
      }
    });
  }
});
