import fc from 'fast-check';
import { createPaper, type PaperDraft } from '../../../electron/core/paper';
import { STATUSES, type Paper } from '../../../electron/core/schema';
import type { Op } from '../../../electron/core/sync/changes';
import { segmentName, snapshotName } from '../../../electron/core/sync/device';
import { encodeFile } from '../../../electron/core/sync/envelope';
import { resolveId } from '../../../electron/core/sync/materialize';
import { readDeviceFiles } from '../../../electron/core/sync/reader';
import { titleKey } from '../../../electron/core/text';
import { SyncReplica } from '../../../electron/core/sync/replica';
import { paperLine } from '../../../electron/core/sync/snapshot';
import { DAY, HOUR, T0, highlight } from './helpers';

/**
 * A deterministic simulation of devices syncing through a folder replicated by an unreliable engine: each
 * device writes its own segments (small, so there are many) and snapshots as the real writer encodes them;
 * the engine hands files to other devices late, out of order, again, cut short, or as conflict copies, and a
 * receiver reads what it has with the real reader.
 */

const pdf = (hash: string, name: string): NonNullable<PaperDraft['attachments']>[number] => ({
  hash: hash.repeat(64),
  name,
  size: 1000,
  pages: 1,
  attachedAt: '2026-12-01T10:00:00.000Z',
});

/**
 * Works imported on several devices, each with the paper it is (`paper`): some are one paper by arXiv id,
 * DOI, title, attached PDF (its checksum), or, for titles that identify nothing ("Attention", "Reply", none),
 * citation key and title or content; some share a title and are still two papers (another year, another
 * key or content).
 */
export const WORKS: (PaperDraft & { paper: string })[] = [
  { paper: 'vaswani', title: 'Attention is all you need', arxivId: '1706.03762', authors: ['Ashish Vaswani'] },
  { paper: 'vaswani', title: 'Attention Is All You Need.', arxivId: '1706.03762', year: 2017 },
  { paper: 'crdt', title: 'Conflict-free replicated data types', doi: '10.1007/978-3-642-24550-3_29' },
  { paper: 'crdt', title: 'Conflict-Free Replicated Data Types' },
  { paper: 'hlc2014', title: 'Hybrid logical clocks for the rest of us', year: 2014 },
  { paper: 'hlc2015', title: 'Hybrid logical clocks for the rest of us', year: 2015 },
  // Short titles: two papers called "Attention", told apart by their keys; one also has its PDF attached.
  { paper: 'posner', title: 'Attention', authors: ['Michael Posner'], year: 1980, citationKey: 'posner1980attention' },
  {
    paper: 'posner',
    title: 'Attention',
    authors: ['Michael Posner'],
    year: 1980,
    citationKey: 'Posner1980Attention',
    attachments: [pdf('b', 'posner.pdf')],
  },
  {
    paper: 'pashler',
    title: 'Attention',
    authors: ['Harold Pashler'],
    year: 1998,
    citationKey: 'pashler1998attention',
  },
  // Two replies of one author and year, as an export keys them (the second gets an "a").
  {
    paper: 'reply',
    title: 'Reply',
    authors: ['Jane Smith'],
    year: 2019,
    venue: 'Nature',
    citationKey: 'smith2019reply',
  },
  {
    paper: 'reply-a',
    title: 'Reply',
    authors: ['Jane Smith'],
    year: 2019,
    venue: 'Science',
    citationKey: 'smith2019replya',
  },
  // Without a key, content decides.
  { paper: 'comment', title: 'Comment', authors: ['Jane Smith'], year: 2019, venue: 'Nature' },
  { paper: 'comment-science', title: 'Comment', authors: ['Jane Smith'], year: 2019, venue: 'Science' },
  // Untitled.
  { paper: 'untitled', title: '', authors: ['Anonymous'], year: 2020, citationKey: 'anon2020' },
  { paper: 'untitled-b', title: '', authors: ['Anonymous'], year: 2020, citationKey: 'anon2020b' },
  // One PDF imported with other metadata on two devices (a scan named after its file, a full record).
  { paper: 'scan', title: 'scan0001', attachments: [pdf('a', 'scan0001.pdf')] },
  {
    paper: 'scan',
    title: 'Scalable replicated data types',
    authors: ['Marc Shapiro'],
    attachments: [pdf('a', 'shapiro.pdf')],
  },
];

/** Works that share a title that identifies nothing, and are two papers: WORKS' indices. */
const NAMESAKES: [number, number][] = [];
for (const [i, a] of WORKS.entries()) {
  const b = WORKS.findIndex((other, j) => j > i && other.title === a.title && other.paper !== a.paper);
  if (b >= 0 && !titleKey(a.title)) NAMESAKES.push([i, b]);
}

const SEGMENT_SIZE = 4;
const TAGS = ['ml', 'ML', 'sync', 'to read'];

export type Action =
  | { kind: 'import'; device: number; work: number }
  /** The same work imported on two devices before either has the other's import. */
  | { kind: 'importOnTwo'; device: number; other: number; work: number }
  /** Two papers with one short title (NAMESAKES), one on each device. */
  | { kind: 'importNamesakes'; device: number; other: number; pair: number }
  | { kind: 'status'; device: number; pick: number; status: (typeof STATUSES)[number] }
  | { kind: 'tag'; device: number; pick: number; tag: number; on: boolean }
  | { kind: 'note'; device: number; pick: number; mode: 'append' | 'replace' | 'clear'; line: number }
  | { kind: 'year'; device: number; pick: number; year: number }
  | { kind: 'highlight'; device: number; pick: number; mode: 'add' | 'edit' | 'delete'; which: number }
  | { kind: 'delete'; device: number; pick: number }
  /** A deletion as an older Paperqueue recorded it: of the kept id alone, without `observed`. */
  | { kind: 'oldDelete'; device: number; pick: number }
  | { kind: 'snapshot'; device: number }
  | {
      kind: 'deliver';
      from: number;
      to: number;
      file: number;
      mode: 'whole' | 'truncated' | 'conflict' | 'stale';
      cut: number;
    }
  | { kind: 'tick'; ms: number };

const device = fc.nat(7);
const pick = fc.nat(20);
export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('import' as const), device, work: fc.nat(WORKS.length - 1) }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('importOnTwo' as const),
      device,
      other: device,
      work: fc.nat(WORKS.length - 1),
    }),
    weight: 2,
  },
  fc.record({
    kind: fc.constant('importNamesakes' as const),
    device,
    other: device,
    pair: fc.nat(NAMESAKES.length - 1),
  }),
  fc.record({ kind: fc.constant('status' as const), device, pick, status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('tag' as const), device, pick, tag: fc.nat(TAGS.length - 1), on: fc.boolean() }),
  {
    arbitrary: fc.record({
      kind: fc.constant('note' as const),
      device,
      pick,
      mode: fc.constantFrom('append' as const, 'append' as const, 'replace' as const, 'clear' as const),
      line: fc.nat(5),
    }),
    weight: 3,
  },
  fc.record({ kind: fc.constant('year' as const), device, pick, year: fc.constantFrom(2014, 2015, 2017) }),
  fc.record({
    kind: fc.constant('highlight' as const),
    device,
    pick,
    mode: fc.constantFrom('add' as const, 'edit' as const, 'delete' as const),
    which: fc.nat(3),
  }),
  fc.record({ kind: fc.constant('delete' as const), device, pick }),
  fc.record({ kind: fc.constant('oldDelete' as const), device, pick }),
  fc.record({ kind: fc.constant('snapshot' as const), device }),
  {
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: device,
      to: device,
      file: fc.nat(40),
      mode: fc.constantFrom('whole' as const, 'truncated' as const, 'conflict' as const, 'stale' as const),
      cut: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    weight: 4,
  },
  fc.record({ kind: fc.constant('tick' as const), ms: fc.oneof(fc.nat(5000), fc.constant(DAY)) }),
);

/** Clock offsets a device may have: right, an hour and a bit fast, two days slow, five days fast. */
export const SKEWS = [0, 3 * HOUR, -2 * DAY, 5 * DAY];

export type SimDevice = {
  id: string;
  replica: SyncReplica;
  ops: Op[];
  /** This device's own files, by path below its folder. */
  files: Map<string, string>;
  /** Every version each of its files had, oldest first: an engine may deliver an old one after a new one. */
  versions: Map<string, string[]>;
  /** What the engine has handed this device of each other device's folder. */
  inbox: Map<string, Map<string, string>>;
  skew: number;
  typed: number;
  /** The PDFs this device has imported: importing one again finds its paper there (import-match.ts). */
  pdfs: Set<string>;
};

/** What the simulation knows the library should be: the paper each id was imported as, what users did. */
export type Truth = {
  /** Each imported id's paper (WORKS' `paper`). */
  paperOf: Map<string, string>;
  /** Papers deleted on some device (a later import may bring one back: no promise either way). */
  deleted: Set<string>;
  /**
   * The ids a deletion removed: those its device had in the paper it deleted. Every other id is kept, under the
   * paper it is one with: no one who saw it deleted it.
   */
  deletedIds: Set<string>;
  /**
   * An older Paperqueue's deletion was made: it takes every id of the paper it resolves to, even one its device
   * never saw (the loss observed deletions fixed), so no id is promised to stay.
   */
  oldDeletes: boolean;
  /** Papers whose identity a person changed (a year): which papers they are one with is theirs to say. */
  reidentified: Set<string>;
  /** Highlights added, by id, with the paper they were added to. */
  highlights: Map<string, string>;
  /** Highlights some device deleted. */
  unhighlighted: Set<string>;
};

export class Simulation {
  readonly devices: SimDevice[];
  readonly truth: Truth = {
    paperOf: new Map(),
    deleted: new Set(),
    deletedIds: new Set(),
    oldDeletes: false,
    reidentified: new Set(),
    highlights: new Map(),
    unhighlighted: new Set(),
  };
  private now = T0;

  constructor(skews: number[]) {
    this.devices = skews.map((skew, i) => {
      const id = `${String.fromCharCode(97 + i)}${'0'.repeat(15)}`;
      return {
        id,
        replica: new SyncReplica(id, () => this.now + skew),
        ops: [],
        files: new Map(),
        versions: new Map(),
        inbox: new Map(),
        skew,
        typed: 0,
        pdfs: new Set<string>(),
      };
    });
  }

  run(action: Action): void {
    if (action.kind === 'tick') {
      this.now += action.ms;
      return;
    }
    if (action.kind === 'deliver') {
      const from = this.devices[action.from % this.devices.length]!;
      const to = this.devices[action.to % this.devices.length]!;
      if (from !== to) this.deliver(from, to, action);
      return;
    }
    const device = this.devices[action.device % this.devices.length]!;
    this.now += 10;
    if (action.kind === 'snapshot') {
      const state = device.replica.snapshotState;
      const lines = [JSON.stringify({ seen: Object.fromEntries(state.seen) })];
      for (const [id, paper] of state.papers) lines.push(paperLine(id, paper));
      const seq = state.seen.get(device.id) ?? 0;
      this.write(
        device,
        `snapshots/${snapshotName(seq)}`,
        encodeFile({ kind: 'snapshot', device: device.id, seq }, lines),
      );
      return;
    }
    if (action.kind === 'import') {
      this.import(device, action.work);
      return;
    }
    if (action.kind === 'importOnTwo') {
      const other = this.devices[action.other % this.devices.length]!;
      this.import(device, action.work);
      if (other !== device) this.import(other, action.work);
      return;
    }
    if (action.kind === 'importNamesakes') {
      const [one, two] = NAMESAKES[action.pair]!;
      this.import(device, one);
      this.import(this.devices[action.other % this.devices.length]!, two);
      return;
    }
    const papers = device.replica.library().papers;
    const before = papers[action.pick % Math.max(1, papers.length)];
    if (!before) return;
    if (action.kind === 'oldDelete') {
      this.truth.oldDeletes = true;
      for (const [id, other] of this.truth.paperOf)
        if (resolveId(device.replica.library(), id) === before.id) this.truth.deleted.add(other);
      this.record(device, device.replica.record(before.id, [{ op: 'delete' }]));
      return;
    }
    const after = action.kind === 'delete' ? undefined : this.change(device, structuredClone(before), action);
    const paper = this.truth.paperOf.get(before.id)!;
    if (action.kind === 'delete') {
      // The ids of the paper shown here go, and every work they are: two works a changed year made one (hlc2015
      // set to 2014 and joined by hlc2014's import) are deleted together, as the person deleted the one paper
      // they saw. An id this device has not seen (the same work imported on another, not yet arrived) stays.
      const library = device.replica.library();
      for (const [id, other] of this.truth.paperOf) {
        if (resolveId(library, id) !== before.id) continue;
        this.truth.deletedIds.add(id);
        this.truth.deleted.add(other);
      }
    }
    if (action.kind === 'year' && after?.year !== before.year) this.truth.reidentified.add(paper);
    if (action.kind === 'highlight') {
      const kept = new Set(after!.annotations.map((a) => a.id));
      for (const a of before.annotations) if (!kept.has(a.id)) this.truth.unhighlighted.add(a.id);
      for (const id of kept) if (!this.truth.highlights.has(id)) this.truth.highlights.set(id, paper);
    }
    this.record(device, device.replica.recordPaper(before, after));
  }

  /** Import a work on a device, unless the device has its PDF already (the import would find it there). */
  private import(device: SimDevice, work: number): void {
    const draft = WORKS[work]!;
    const hashes = (draft.attachments ?? []).map((a) => a.hash);
    if (hashes.some((hash) => device.pdfs.has(hash))) return;
    for (const hash of hashes) device.pdfs.add(hash);
    this.now += 10;
    const at = new Date(this.now + device.skew).toISOString();
    const paper = createPaper(draft, { format: 'bibtex', name: 'sim.bib', importedAt: at }, 1, at);
    this.truth.paperOf.set(paper.id, draft.paper);
    this.record(device, device.replica.recordPaper(undefined, paper, { weak: true }));
  }

  private change(device: SimDevice, paper: Paper, action: Action): Paper {
    const at = new Date(this.now + device.skew).toISOString();
    switch (action.kind) {
      case 'status':
        return { ...paper, status: action.status, history: [...paper.history, { status: action.status, at }] };
      case 'tag':
        return {
          ...paper,
          tags: action.on
            ? [...paper.tags, TAGS[action.tag]!]
            : paper.tags.filter((t) => t.toLowerCase() !== TAGS[action.tag]!.toLowerCase()),
        };
      case 'note': {
        const lines = paper.note === '' ? [] : paper.note.split('\n');
        const word = `w-${device.id[0]}-${device.typed++}`;
        if (action.mode === 'append') lines.push(word);
        else if (action.mode === 'replace' && lines.length > 0) lines[action.line % lines.length] = word;
        else if (action.mode === 'clear') lines.length = 0;
        return { ...paper, note: lines.join('\n') };
      }
      case 'year':
        return { ...paper, year: action.year };
      case 'highlight': {
        // A new highlight has an id of its own (as the app's are random); an edit or deletion picks one shown.
        const shown = paper.annotations[action.which % Math.max(1, paper.annotations.length)];
        const comment = `c-${device.id[0]}-${device.typed++}`;
        if (action.mode === 'add')
          return { ...paper, annotations: [...paper.annotations, highlight(`h-${comment}`, comment, at)] };
        if (!shown) return paper;
        const rest = paper.annotations.filter((a) => a.id !== shown.id);
        if (action.mode === 'delete') return { ...paper, annotations: rest };
        return {
          ...paper,
          annotations: [...rest, { ...highlight(shown.id, comment, at), createdAt: shown.createdAt }],
        };
      }
      default:
        return paper;
    }
  }

  private record(device: SimDevice, ops: Op[]): void {
    device.ops.push(...ops);
    const touched = new Set(ops.map((op) => Math.floor((op.seq - 1) / SEGMENT_SIZE)));
    for (const segment of touched) {
      const first = segment * SEGMENT_SIZE + 1;
      const lines = device.ops.slice(first - 1, first - 1 + SEGMENT_SIZE).map((op) => JSON.stringify(op));
      this.write(
        device,
        `log/${segmentName(first)}`,
        encodeFile({ kind: 'segment', device: device.id, seq: first }, lines),
      );
    }
  }

  private write(device: SimDevice, path: string, text: string): void {
    device.files.set(path, text);
    device.versions.set(path, [...(device.versions.get(path) ?? []), text]);
  }

  private deliver(from: SimDevice, to: SimDevice, action: Extract<Action, { kind: 'deliver' }>): void {
    const paths = [...from.files.keys()].sort();
    const path = paths[action.file % Math.max(1, paths.length)];
    if (path === undefined) return;
    const text = from.files.get(path)!;
    let inbox = to.inbox.get(from.id);
    if (!inbox) to.inbox.set(from.id, (inbox = new Map<string, string>()));
    if (action.mode === 'whole') inbox.set(path, text);
    // An engine writing in place: the receiver's copy is cut short until the next delivery.
    else if (action.mode === 'truncated') inbox.set(path, text.slice(0, Math.floor(text.length * action.cut)));
    // An old version arriving after a newer one.
    else if (action.mode === 'stale') {
      const versions = from.versions.get(path)!;
      inbox.set(path, versions[Math.floor((versions.length - 1) * action.cut)]!);
    } else
      inbox.set(
        path.replace(/(\.\w+)$/, `.sync-conflict-20261202-101010-${from.id.slice(0, 7).toUpperCase()}$1`),
        text,
      );
    this.take(to, from.id);
  }

  /** What a device does when its engine has changed files: read that device's folder and take in what is whole. */
  private take(to: SimDevice, from: string): void {
    const read = readDeviceFiles(
      from,
      [...to.inbox.get(from)!].map(([path, text]) => ({ path, text })),
    );
    for (const snapshot of read.snapshots) to.replica.absorb(snapshot.papers, snapshot.seen);
    to.replica.receive(read.ops);
  }

  /** The engine catches up: every file, whole, everywhere. */
  settle(): void {
    for (const to of this.devices) {
      for (const from of this.devices) {
        if (from === to) continue;
        let inbox = to.inbox.get(from.id);
        if (!inbox) to.inbox.set(from.id, (inbox = new Map<string, string>()));
        for (const [path, text] of from.files) inbox.set(path, text);
        this.take(to, from.id);
      }
    }
  }
}
