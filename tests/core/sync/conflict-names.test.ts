import { describe, expect, it } from 'vitest';
import { OpSchema, type Op } from '../../../electron/core/sync/changes';
import { MARKER_NAME_MAX, markerName, readLabel } from '../../../electron/core/sync/conflict-labels';
import { splitConflict } from '../../../electron/core/sync/conflicts';
import { makeStamp } from '../../../electron/core/sync/hlc';
import { materialize } from '../../../electron/core/sync/materialize';
import { CONFLICT_END, CONFLICT_START, hasConflictMarkers, mergeNote } from '../../../electron/core/sync/notes';
import { paperLine, parsePaperLine } from '../../../electron/core/sync/snapshot';
import { emptyPaper, type NoteVersion } from '../../../electron/core/sync/state';
import { T0, draft, edit, importPaper, makeDevices, shown, syncAll, type TestDevice } from './helpers';

const version = (seconds: number, device: string, parents: string[], text: string, by?: string): NoteVersion => ({
  mark: { hlc: makeStamp(T0 + seconds * 1000, 0, device.padEnd(16, '0')), seq: seconds + 1 },
  parents,
  text,
  ...(by !== undefined && { by }),
});

/** A base both machines had, then the same line edited on each within one minute (09:00:10 and 09:00:40). */
const sameMinute = (laptop?: string, desk?: string): [string, NoteVersion][] => [
  ['a:1', version(0, 'a', [], 'Intro\nmiddle\nend', laptop)],
  ['a:2', version(10, 'a', ['a:1'], 'Intro, laptop\nmiddle\nend', laptop)],
  ['b:1', version(40, 'b', ['a:1'], 'Intro, desk\nmiddle\nend', desk)],
];

/** Every order of a list (the order versions arrive in). */
const orders = <T>(items: T[]): T[][] =>
  items.length <= 1
    ? [items]
    : items.flatMap((item, i) => orders([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

describe('the markers of a note conflict name the machine of each side', () => {
  it('as the machine called itself when it saved that version, beside the time: two edits in one minute told apart', () => {
    const merged = mergeNote(new Map(sameMinute('Laptop', 'Desk')));
    expect(merged.text).toBe(
      [
        `${CONFLICT_START} edited 2026-12-02T09:00Z on Laptop`,
        'Intro, laptop',
        '=======',
        'Intro, desk',
        `${CONFLICT_END} edited 2026-12-02T09:00Z on Desk`,
        'middle',
        'end',
      ].join('\n'),
    );
    expect(merged.conflict?.versions).toEqual([
      {
        id: 'a:2',
        time: '2026-12-02T09:00Z',
        deviceId: 'a'.padEnd(16, '0'),
        device: 'Laptop',
        text: 'Intro, laptop\nmiddle\nend',
      },
      {
        id: 'b:1',
        time: '2026-12-02T09:00Z',
        deviceId: 'b'.padEnd(16, '0'),
        device: 'Desk',
        text: 'Intro, desk\nmiddle\nend',
      },
    ]);
    const sides = splitConflict(merged.text)!;
    expect(sides.ours).toMatchObject({
      device: 'Laptop',
      time: '2026-12-02T09:00Z',
      text: 'Intro, laptop\nmiddle\nend',
    });
    expect(sides.theirs).toMatchObject({ device: 'Desk', time: '2026-12-02T09:00Z', text: 'Intro, desk\nmiddle\nend' });
  });

  it('gives the same text whatever order the versions arrived in, three machines included', () => {
    const versions: [string, NoteVersion][] = [
      ...sameMinute('Laptop', 'Desk'),
      ['c:1', version(50, 'c', ['a:1'], 'Intro, tablet\nmiddle\nend, tablet', 'Tablet')],
    ];
    const texts = new Set(orders(versions).map((order) => mergeNote(new Map(order)).text));
    expect(texts.size).toBe(1);
    const [text] = texts;
    for (const name of ['Laptop', 'Desk', 'Tablet']) expect(text).toContain(` on ${name}`);
  });

  it('on devices that received the edits in different orders, with each replica recording its own name', () => {
    const time = { now: T0 };
    const devices = makeDevices(3, time);
    const [laptop, desk, tablet] = devices as [TestDevice, TestDevice, TestDevice];
    [laptop.replica.name, desk.replica.name, tablet.replica.name] = ['Laptop', 'Desk', 'Tablet'];
    const { id } = importPaper(laptop, draft('Names in conflict markers'), time.now);
    edit(laptop, id, (p) => ({ ...p, note: 'Intro\nmiddle\nend' }));
    syncAll(devices);
    time.now += 1000;
    edit(laptop, id, (p) => ({ ...p, note: 'Intro, laptop\nmiddle\nend' }));
    time.now += 1000;
    edit(desk, id, (p) => ({ ...p, note: 'Intro, desk\nmiddle\nend' }));
    // The tablet hears of the desk's edit first, the laptop of its own first: the same note on all three.
    tablet.replica.receive([...desk.ops].reverse());
    tablet.replica.receive(laptop.ops);
    syncAll(devices);
    const notes = devices.map((device) => shown(device, id)!.note);
    expect(new Set(notes).size).toBe(1);
    expect(notes[0]).toMatch(/^<<<<<<< edited 2026-12-02T09:00Z on Laptop\n/m);
    expect(notes[0]).toMatch(/^>>>>>>> edited 2026-12-02T09:00Z on Desk$/m);
    // The device's name travels in the op itself, as its log holds it.
    const saved = desk.ops.filter((op) => op.op === 'note').at(-1)!;
    expect(OpSchema.parse(JSON.parse(JSON.stringify(saved)))).toMatchObject({ op: 'note', by: 'Desk' });
  });

  it('a machine renamed later: its old conflict reads as it did, still a conflict; its new edits carry the new name', () => {
    const time = { now: T0 };
    const devices = makeDevices(2, time);
    const [laptop, desk] = devices as [TestDevice, TestDevice];
    [laptop.replica.name, desk.replica.name] = ['Laptop', 'Desk'];
    const { id } = importPaper(laptop, draft('A machine renamed'), time.now);
    edit(laptop, id, (p) => ({ ...p, note: 'one\ntwo' }));
    syncAll(devices);
    edit(laptop, id, (p) => ({ ...p, note: 'ONE\ntwo' }));
    edit(desk, id, (p) => ({ ...p, note: 'One!\ntwo' }));
    syncAll(devices);
    const before = shown(desk, id)!.note;
    expect(before).toContain(' on Laptop');

    laptop.replica.name = 'Work laptop';
    expect(materialize(desk.replica.snapshotState).papers.find((p) => p.id === id)?.note).toBe(before);
    // Typing below the markers on the renamed machine: the markers stay as they were, still a conflict.
    time.now += 60_000;
    edit(laptop, id, (p) => ({ ...p, note: `${p.note}\nthree` }));
    syncAll(devices);
    expect(shown(desk, id)!.note).toBe(`${before}\nthree`);
    expect(desk.replica.library().conflicts).toEqual([expect.objectContaining({ paperId: id })]);
    const latest = laptop.ops.filter((op): op is Extract<Op, { op: 'note' }> => op.op === 'note').at(-1);
    expect(latest?.by).toBe('Work laptop');
  });

  it('a version with no name (an older Paperqueue saved it) is named by the start of its device id', () => {
    const merged = mergeNote(new Map(sameMinute(undefined, 'Desk')));
    expect(merged.text).toContain(`${CONFLICT_START} edited 2026-12-02T09:00Z on device a00000\n`);
    expect(merged.conflict?.versions[0]).toMatchObject({ deviceId: 'a'.padEnd(16, '0'), device: 'device a00000' });
    // A name that is nothing once cleaned (only spaces and controls) is no name.
    expect(mergeNote(new Map(sameMinute(' \n\t', 'Desk'))).text).toBe(merged.text);
  });

  it('a hostile name stays one bounded line of text: no newline, no marker, no directional override', () => {
    const hostile = `Evil\n>>>>>>> edited 2026-01-01T00:00Z\r\n=======\u2028<img src=x onerror=alert(1)>\u202Eevil${'x'.repeat(300)}`;
    const cleaned = markerName(hostile)!;
    expect(cleaned).not.toMatch(/[\n\r\u2028\u202E]|<<|==|>>/);
    expect(Array.from(cleaned).length).toBeLessThanOrEqual(MARKER_NAME_MAX);
    expect(cleaned).toBe('Evil > edited 2026-01-01T00:00Z = <img…');

    const merged = mergeNote(new Map(sameMinute(hostile, 'Desk')));
    const lines = merged.text.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`${CONFLICT_START} edited 2026-12-02T09:00Z on ${cleaned}`);
    expect(lines.filter((line) => /^(<<<<<<<|=======|>>>>>>>)/.test(line))).toHaveLength(3);
    expect(hasConflictMarkers(merged.text)).toBe(true);
    const sides = splitConflict(merged.text)!;
    expect(sides.ours).toMatchObject({ device: cleaned, text: 'Intro, laptop\nmiddle\nend' });
    expect(sides.theirs).toMatchObject({ device: 'Desk', text: 'Intro, desk\nmiddle\nend' });
  });

  it('a note merged before machines were named (the old labels) is still a conflict until settled', () => {
    const old = `${CONFLICT_START} edited 2026-12-02T09:00Z\nmine\n=======\ntheirs\n${CONFLICT_END} edited 2026-12-02T09:05Z\nend`;
    expect(hasConflictMarkers(old)).toBe(true);
    expect(readLabel('edited 2026-12-02T09:00Z')).toEqual({ time: '2026-12-02T09:00Z' });
    expect(splitConflict(old)).toEqual({
      hunks: 1,
      ours: { label: 'edited 2026-12-02T09:00Z', time: '2026-12-02T09:00Z', text: 'mine\nend' },
      theirs: { label: 'edited 2026-12-02T09:05Z', time: '2026-12-02T09:05Z', text: 'theirs\nend' },
    });
    // Saved with the old markers in (one version): still listed until saved without them.
    const saved = mergeNote(new Map([['a:1', version(0, 'a', [], old, 'Laptop')]]));
    expect(saved).toMatchObject({ text: old, conflict: { versions: [{ id: 'a:1', device: 'Laptop' }] } });
    expect(hasConflictMarkers('mine\n=======\ntheirs')).toBe(false);
  });

  it("keeps a version's name through a snapshot line", () => {
    const paper = emptyPaper();
    for (const [id, note] of sameMinute('Laptop', undefined)) paper.notes.set(id, note);
    const [, read] = parsePaperLine(paperLine('p1', paper))!;
    expect([...read.notes.values()].map((note) => note.by)).toEqual(['Laptop', 'Laptop', undefined]);
    expect(mergeNote(read.notes).text).toBe(mergeNote(paper.notes).text);
  });
});
