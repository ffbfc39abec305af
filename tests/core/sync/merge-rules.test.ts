import { describe, expect, it } from 'vitest';
import { resolveId } from '../../../electron/core/sync/materialize';
import {
  DAY,
  HOUR,
  T0,
  deliver,
  draft,
  edit,
  highlight,
  importPaper,
  makeDevices,
  remove,
  shown,
  syncAll,
} from './helpers';

/** Two devices that both hold one paper imported on the first. */
function pair(skews: number[] = []) {
  const time = { now: T0 };
  const [a, b] = makeDevices(2, time, skews) as [ReturnType<typeof makeDevices>[0], ReturnType<typeof makeDevices>[0]];
  const { id } = importPaper(a, draft('Sync through a folder without a server'), time.now);
  syncAll([a, b]);
  return { time, a, b, id };
}

describe('sync merge rules', () => {
  it('fields: the last writer by clock wins, whichever change arrives first', () => {
    const { time, a, b, id } = pair();
    time.now += 1000;
    edit(a, id, (p) => ({ ...p, title: 'Title from A', year: 2020 }));
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, title: 'Title from B' }));
    deliver(b, a, (ops) => ops.reverse());
    deliver(a, b);
    for (const device of [a, b]) {
      expect(shown(device, id)).toMatchObject({ title: 'Title from B', year: 2020 });
    }
    expect(a.replica.library()).toEqual(b.replica.library());
  });

  it('fields: clearing an optional field is a write like any other', () => {
    const { time, a, b, id } = pair();
    edit(a, id, (p) => ({ ...p, venue: 'NeurIPS' }));
    syncAll([a, b]);
    time.now += 1000;
    edit(b, id, (p) => {
      delete p.venue;
      return p;
    });
    syncAll([a, b]);
    expect(shown(a, id)!.venue).toBeUndefined();
    expect(a.replica.library()).toEqual(b.replica.library());
  });

  it('tags: adds and removes by tag, without case, the later one winning', () => {
    const { time, a, b, id } = pair();
    edit(a, id, (p) => ({ ...p, tags: ['sync', 'crdt'] }));
    syncAll([a, b]);
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, tags: ['crdt', 'Later'] }));
    time.now += 1000;
    edit(a, id, (p) => ({ ...p, tags: [...p.tags, 'CRDT ', 'mine'] }));
    syncAll([a, b]);
    expect(shown(a, id)!.tags).toEqual(['crdt', 'Later', 'mine']);
    expect(a.replica.library()).toEqual(b.replica.library());
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, tags: p.tags.filter((t) => t !== 'crdt') }));
    syncAll([a, b]);
    expect(shown(a, id)!.tags).toEqual(['Later', 'mine']);
  });

  it('status: the later change wins; the history is the union of both, in time order', () => {
    const { time, a, b, id } = pair();
    time.now += 1000;
    edit(a, id, (p) => ({
      ...p,
      status: 'reading',
      history: [...p.history, { status: 'reading', at: iso(time.now) }],
    }));
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, status: 'queued', history: [...p.history, { status: 'queued', at: iso(time.now) }] }));
    syncAll([a, b]);
    const paper = shown(a, id)!;
    expect(paper.status).toBe('queued');
    expect(paper.history.map((h) => h.status)).toEqual(['inbox', 'reading', 'queued']);
    expect(a.replica.library()).toEqual(b.replica.library());
  });

  it('status: the same status set on two devices is one change in the history, the first', () => {
    const { time, a, b, id } = pair();
    time.now += 1000;
    const first = iso(time.now);
    edit(a, id, (p) => ({ ...p, status: 'read', history: [...p.history, { status: 'read', at: first }] }));
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, status: 'read', history: [...p.history, { status: 'read', at: iso(time.now) }] }));
    syncAll([a, b]);
    expect(shown(b, id)!.history).toEqual([
      { status: 'inbox', at: iso(T0) },
      { status: 'read', at: first },
    ]);
  });

  it('status: changes at the same instant end with the status the paper has, as the library wrote them', () => {
    const { time, a, b, id } = pair();
    time.now += 1000;
    const at = iso(time.now);
    // Queued, then dismissed, within one millisecond: the history must end dismissed, not queued.
    edit(a, id, (p) => ({
      ...p,
      status: 'dismissed',
      history: [...p.history, { status: 'queued', at }, { status: 'dismissed', at }],
    }));
    syncAll([a, b]);
    for (const device of [a, b]) {
      expect(shown(device, id)!.status).toBe('dismissed');
      expect(shown(device, id)!.history).toEqual([
        { status: 'inbox', at: iso(T0) },
        { status: 'queued', at },
        { status: 'dismissed', at },
      ]);
    }
  });

  it('an import never undoes what a person did, whatever the clocks say', () => {
    const time = { now: T0 };
    // B's clock is a day ahead, so its import is "later" than everything A did.
    const [a, b] = makeDevices(2, time, [0, DAY]);
    const paper = importPaper(a!, draft('Attention is all you need', { arxivId: '1706.03762' }), time.now);
    time.now += HOUR;
    edit(a!, paper.id, (p) => ({
      ...p,
      status: 'read',
      history: [...p.history, { status: 'read', at: iso(time.now) }],
      tags: ['classic'],
      note: 'Read twice.',
    }));
    time.now += HOUR;
    const other = importPaper(b!, draft('Attention Is All You Need', { arxivId: '1706.03762', year: 2017 }), time.now);
    syncAll([a!, b!]);
    for (const device of [a!, b!]) {
      const library = device.replica.library();
      expect(library.papers).toHaveLength(1);
      expect(library.papers[0]).toMatchObject({ id: paper.id, status: 'read', tags: ['classic'], note: 'Read twice.' });
      // What the import brought and the paper lacked is filled in; the id imported first is kept.
      expect(library.papers[0]!.year).toBe(2017);
      expect(resolveId(library, other.id)).toBe(paper.id);
      // B's import is no return to the inbox in the history either.
      expect(library.papers[0]!.history).toEqual([
        { status: 'inbox', at: iso(T0) },
        { status: 'read', at: iso(T0 + HOUR) },
      ]);
    }
    expect(a!.replica.library()).toEqual(b!.replica.library());
  });

  it('the same paper imported on two devices: by DOI, or by title when nothing tells them apart', () => {
    const time = { now: T0 };
    const [a, b] = makeDevices(2, time);
    const byDoi = importPaper(a!, draft('One title', { doi: '10.1000/xyz' }), time.now);
    const byTitle = importPaper(a!, draft('Deterministic merges of research libraries', { year: 2024 }), time.now);
    const apart = importPaper(a!, draft('A series on replicated data, part one', { volume: '1' }), time.now);
    time.now += 1000;
    const doiCopy = importPaper(b!, draft('Another spelling of the title', { doi: '10.1000/XYZ' }), time.now);
    const titleCopy = importPaper(b!, draft('Deterministic Merges of Research Libraries.', { year: 2024 }), time.now);
    importPaper(b!, draft('A series on replicated data, part one', { volume: '2' }), time.now);
    syncAll([a!, b!]);
    const library = b!.replica.library();
    expect(library.papers).toHaveLength(4);
    expect(resolveId(library, doiCopy.id)).toBe(byDoi.id);
    expect(resolveId(library, titleCopy.id)).toBe(byTitle.id);
    expect(library.papers.filter((p) => p.title === apart.title)).toHaveLength(2);
    // A change made on B under its own id lands on the merged paper.
    time.now += 1000;
    edit(b!, doiCopy.id, (p) => ({ ...p, tags: ['merged'] }));
    syncAll([a!, b!]);
    expect(shown(a!, byDoi.id)!.tags).toEqual(['merged']);
    expect(a!.replica.library()).toEqual(b!.replica.library());
  });

  it('annotations: add-wins, a deletion removes only the version it saw', () => {
    const { time, a, b, id } = pair();
    edit(a, id, (p) => ({ ...p, annotations: [highlight('h1', 'first', iso(time.now))] }));
    syncAll([a, b]);
    time.now += 1000;
    // A deletes h1 while B, not knowing, edits its comment later.
    edit(a, id, (p) => ({ ...p, annotations: [] }));
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, annotations: [{ ...p.annotations[0]!, comment: 'edited' }] }));
    syncAll([a, b]);
    expect(shown(a, id)!.annotations.map((h) => h.comment)).toEqual(['edited']);
    // A deletion made after seeing the edit removes it everywhere.
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, annotations: [] }));
    syncAll([a, b]);
    expect(shown(a, id)!.annotations).toEqual([]);
    expect(a.replica.library()).toEqual(b.replica.library());
  });

  it('annotations: an edit the deletion did not see outlives it, even one made before it by the clock', () => {
    const { time, a, b, id } = pair();
    edit(a, id, (p) => ({ ...p, annotations: [highlight('h1', 'first', iso(time.now))] }));
    syncAll([a, b]);
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, annotations: [{ ...p.annotations[0]!, comment: 'edited' }] }));
    time.now += 1000;
    edit(a, id, (p) => ({ ...p, annotations: [] }));
    syncAll([a, b]);
    // The deletion saw version 1; B's edit is version 2 and is later than it: add-wins keeps it.
    expect(shown(b, id)!.annotations.map((h) => h.comment)).toEqual(['edited']);
    expect(a.replica.library()).toEqual(b.replica.library());
  });

  it('deletion: a tombstone removes the paper everywhere; a later change brings it back, an older one does not', () => {
    const { time, a, b, id } = pair();
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, note: 'Before the deletion.' }));
    time.now += 1000;
    remove(a, id);
    syncAll([a, b]);
    expect(shown(a, id)).toBeUndefined();
    expect(shown(b, id)).toBeUndefined();
    // Re-importing it later (a new id, the same work) shows it again, with what the tombstone kept.
    time.now += 1000;
    const again = importPaper(b, draft('Sync through a folder without a server'), time.now);
    syncAll([a, b]);
    expect(shown(a, again.id)).toMatchObject({ note: 'Before the deletion.' });
    expect(a.replica.library()).toEqual(b.replica.library());
  });

  it('a device whose clock is days behind still wins with an edit made after seeing the other', () => {
    const { time, a, b, id } = pair([0, -3 * DAY]);
    time.now += 1000;
    edit(a, id, (p) => ({ ...p, title: 'Edited on A' }));
    deliver(a, b);
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, title: 'Edited on B after seeing A' }));
    deliver(b, a);
    expect(shown(a, id)!.title).toBe('Edited on B after seeing A');
    expect(a.replica.library()).toEqual(b.replica.library());
  });

  it('a device whose clock is days ahead does not drag the others along, and is reported', () => {
    const { time, a, b, id } = pair([0, 2 * DAY]);
    time.now += 1000;
    edit(b, id, (p) => ({ ...p, title: 'From the future' }));
    deliver(b, a);
    expect(a.replica.skewed.get(b.replica.device)).toBeGreaterThan(2 * DAY - HOUR);
    // A's own clock stays near real time for other papers…
    const other = importPaper(a, draft('Another paper entirely, imported later'), time.now);
    const stamp = a.ops.find((op) => op.paper === other.id)!.hlc;
    expect(parseInt(stamp.slice(0, 12), 16)).toBeLessThan(time.now + 2 * 60_000);
    // …while an edit made after seeing B's still wins over it.
    edit(a, id, (p) => ({ ...p, title: 'Fixed on A' }));
    deliver(a, b);
    expect(shown(b, id)!.title).toBe('Fixed on A');
  });

  it('changes taken in twice, or before the import they follow, change nothing more', () => {
    const { time, a, b, id } = pair();
    time.now += 1000;
    edit(a, id, (p) => ({ ...p, tags: ['x'], note: 'n' }));
    const [c] = makeDevices(3, time).slice(2);
    deliver(a, c!, (ops) => [...ops].reverse());
    deliver(a, c!);
    deliver(b, c!);
    expect(c!.replica.library()).toEqual(a.replica.library());
    // A change whose paper has not arrived waits.
    const [d] = makeDevices(4, time).slice(3);
    d!.replica.receive(a.ops.slice(-1));
    expect(d!.replica.library().papers).toEqual([]);
    expect(d!.replica.library().pending).toEqual([id]);
  });
});

const iso = (ms: number): string => new Date(ms).toISOString();
