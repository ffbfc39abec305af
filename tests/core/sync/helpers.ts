import { createPaper, type PaperDraft } from '../../../electron/core/paper';
import type { Annotation, Paper } from '../../../electron/core/schema';
import type { Op } from '../../../electron/core/sync/changes';
import { SyncReplica } from '../../../electron/core/sync/replica';

/** 2026-12-02T09:00:00Z, the time every simulated clock starts from. */
export const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A device for tests: its replica, a clock the test moves, and every op it recorded, in order. */
export type TestDevice = {
  replica: SyncReplica;
  ops: Op[];
  /** Offset of this device's clock from true time (a clock hours or days off). */
  skew: number;
};

/** Devices named by 16-character ids that sort a < b < c…, all reading the shared `time`. */
export function makeDevices(count: number, time: { now: number }, skews: number[] = []): TestDevice[] {
  return Array.from({ length: count }, (_, i) => {
    const skew = skews[i] ?? 0;
    const id = `${String.fromCharCode(97 + i)}${'0'.repeat(15)}`;
    return { replica: new SyncReplica(id, () => time.now + skew), ops: [], skew };
  });
}

/** Record a change of a device's view of one paper; `edit` gets the paper as the device shows it. */
export function edit(device: TestDevice, id: string, change: (paper: Paper) => Paper): Paper {
  const before = shown(device, id);
  if (!before) throw new Error(`${device.replica.device} does not show ${id}`);
  const after = change(structuredClone(before));
  device.ops.push(...device.replica.recordPaper(before, after));
  return after;
}

/** Import a paper on a device, as an import does (weak: it never undoes what a person did). */
export function importPaper(device: TestDevice, draft: PaperDraft, now: number): Paper {
  const at = new Date(now).toISOString();
  const paper = createPaper(draft, { format: 'bibtex', name: 'test.bib', importedAt: at }, 1, at);
  device.ops.push(...device.replica.recordPaper(undefined, paper, { weak: true }));
  return paper;
}

export function remove(device: TestDevice, id: string): void {
  device.ops.push(...device.replica.recordPaper(shown(device, id), undefined));
}

/** The paper a device shows under `id` (an alias resolves). */
export function shown(device: TestDevice, id: string): Paper | undefined {
  const library = device.replica.library();
  const target = library.aliases.get(id) ?? id;
  return library.papers.find((paper) => paper.id === target);
}

/** Deliver every op of `from` to `to`, in the order given (default: as recorded). */
export function deliver(from: TestDevice, to: TestDevice, order: (ops: Op[]) => Op[] = (ops) => ops): void {
  to.replica.receive(order([...from.ops]));
}

/** Everyone receives everyone's ops. */
export function syncAll(devices: TestDevice[]): void {
  for (const to of devices) for (const from of devices) if (from !== to) deliver(from, to);
}

export function highlight(id: string, comment: string, at: string): Annotation {
  return {
    id,
    target: 'abstract',
    quote: 'We study',
    prefix: '',
    suffix: ' things',
    start: 0,
    end: 8,
    color: 'yellow',
    comment,
    createdAt: at,
    updatedAt: at,
  };
}

export const draft = (title: string, extra: Partial<PaperDraft> = {}): PaperDraft => ({
  title,
  authors: ['Ada Lovelace'],
  abstract: 'We study things.',
  ...extra,
});
