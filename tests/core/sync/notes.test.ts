import { describe, expect, it } from 'vitest';
import { makeStamp } from '../../../electron/core/sync/hlc';
import { CONFLICT_END, CONFLICT_START, mergeNote, mergeText } from '../../../electron/core/sync/notes';
import type { NoteVersion } from '../../../electron/core/sync/state';
import { T0, deliver, draft, edit, importPaper, makeDevices, shown, syncAll } from './helpers';

const version = (minute: number, device: string, parents: string[], text: string): NoteVersion => ({
  mark: { hlc: makeStamp(T0 + minute * 60_000, 0, device.padEnd(16, '0')), seq: minute + 1 },
  parents,
  text,
});

describe('note merges', () => {
  it('merges edits of different lines from their common version', () => {
    expect(mergeText('one\nTWO\nthree', 'one\ntwo\nthree', 'one\ntwo\nthree\nfour')).toEqual({
      text: 'one\nTWO\nthree\nfour',
      conflict: false,
    });
  });

  it('keeps both sides of the same line, between markers that name each edit', () => {
    const { text, conflict } = mergeText('mine', 'base', 'theirs', 'edited A', 'edited B');
    expect(conflict).toBe(true);
    expect(text).toBe(`${CONFLICT_START} edited A\nmine\n=======\ntheirs\n${CONFLICT_END} edited B`);
  });

  it('reads a set of versions the same whatever order they were added in', () => {
    const versions: [string, NoteVersion][] = [
      ['a:1', version(0, 'a', [], 'intro\n\nmethods\n\nresults')],
      ['a:2', version(1, 'a', ['a:1'], 'Intro.\n\nmethods\n\nresults')],
      ['b:1', version(2, 'b', ['a:1'], 'intro\n\nmethods\n\nresults\n\nB adds a line')],
      ['c:1', version(3, 'c', ['a:1'], 'intro\n\nmethods, as C reads them\n\nresults')],
    ];
    const merged = mergeNote(new Map(versions));
    expect(merged).toEqual({ text: 'Intro.\n\nmethods, as C reads them\n\nresults\n\nB adds a line' });
    expect(mergeNote(new Map([...versions].reverse()))).toEqual(merged);
  });

  it('with no common version known, keeps both notes whole and lists the conflict', () => {
    const merged = mergeNote(
      new Map([
        ['a:1', version(0, 'a', [], 'Read on the train.')],
        ['b:1', version(5, 'b', ['gone:9'], 'Cite in chapter 2.')],
      ]),
    );
    expect(merged.text).toContain('Read on the train.');
    expect(merged.text).toContain('Cite in chapter 2.');
    expect(merged.conflict?.versions.map((v) => v.id)).toEqual(['a:1', 'b:1']);
    expect(merged.conflict?.versions[1]).toMatchObject({ time: '2026-12-02T09:05Z', text: 'Cite in chapter 2.' });
  });

  it('two devices typing into the same note: every word kept, the conflict listed until someone settles it', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const { id } = importPaper(a!, draft('Three-way merges of notes'), time.now);
    edit(a!, id, (p) => ({ ...p, note: 'Summary: TBD\n\nQuestions:\n- none' }));
    syncAll([a!, b!]);
    time.now += 1000;
    edit(a!, id, (p) => ({ ...p, note: 'Summary: a diff3 merge\n\nQuestions:\n- none' }));
    edit(b!, id, (p) => ({ ...p, note: 'Summary: keeps both sides\n\nQuestions:\n- what is a word?' }));
    syncAll([a!, b!]);
    const library = a!.replica.library();
    expect(library).toEqual(b!.replica.library());
    const note = shown(a!, id)!.note;
    for (const words of ['a diff3 merge', 'keeps both sides', 'what is a word?']) expect(note).toContain(words);
    expect(note).toContain(CONFLICT_START);
    expect(library.conflicts).toEqual([expect.objectContaining({ paperId: id, kind: 'note' })]);

    // Typing elsewhere in the note leaves the markers, and the conflict listed.
    time.now += 1000;
    edit(a!, id, (p) => ({ ...p, note: `${p.note}\n- one more question` }));
    deliver(a!, b!);
    expect(b!.replica.library().conflicts).toEqual([expect.objectContaining({ paperId: id })]);
    // Settling it on B (the note saved without the markers) clears the conflict everywhere.
    time.now += 1000;
    edit(b!, id, (p) => ({
      ...p,
      note: 'Summary: a diff3 merge that keeps both sides\n\nQuestions:\n- what is a word?\n- one more question',
    }));
    deliver(b!, a!);
    expect(a!.replica.library().conflicts).toEqual([]);
    expect(shown(a!, id)!.note).toBe(
      'Summary: a diff3 merge that keeps both sides\n\nQuestions:\n- what is a word?\n- one more question',
    );
  });
});
