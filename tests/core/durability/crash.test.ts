import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paper } from '../../../electron/core/schema';
import { parseLibrary } from '../../../electron/core/store/library-file';
import { acquireLock } from '../../../electron/core/store/lock';
import { LibraryStore } from '../../../electron/core/store/store';
import { tempDir } from '../helpers';
import { bundleChildren, exited, jsonLines, startChild } from './children';
import type { Mutation } from './crash-writer';

/**
 * Real SIGKILLs: 200 in a developer's run, 80 in CI (where `npm test` must stay well under 20 minutes on 2
 * cores, and this file alone took 48 s of it); PAPERQUEUE_CRASH_KILLS=5000 for a long soak.
 */
const KILLS = Math.max(Number(process.env.PAPERQUEUE_CRASH_KILLS) || (process.env.CI ? 80 : 200), 2);
/** Independent libraries killed side by side, so the run time is the child start-up divided by the cores. */
const LANES = 3;

type Line = { opening?: number; ready?: number; intent?: Mutation; durable?: Mutation };
type Seen = { title: string; note: string; status: Paper['status'] };
type Model = Map<string, Seen>;
type Stats = { kills: number; durable: number; inFlight: number; inFlightLanded: number; duringOpen: number };

let writer: string;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const bundle = await bundleChildren({ 'crash-writer': 'crash-writer.ts' });
  writer = bundle.paths['crash-writer'];
  dispose = bundle.dispose;
});
afterAll(() => dispose?.());

const TEMP = /\.tmp$/;

async function tempFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => TEMP.test(name));
}

function project(papers: readonly Paper[]): Model {
  return new Map(papers.map((p) => [p.id, { title: p.title, note: p.note, status: p.status }]));
}

/** The model after `mutation`; an added paper's id is only known from the disk, found by its unique title. */
function applied(model: Model, mutation: Mutation, disk: Model): Model {
  const next = new Map(model);
  if (mutation.op === 'add') {
    const id = [...disk].find(([, seen]) => seen.title === mutation.title)?.[0] ?? `(missing) ${mutation.title}`;
    next.set(id, { title: mutation.title, note: '', status: 'inbox' });
  } else {
    const seen = next.get(mutation.id);
    if (!seen) throw new Error(`the child changed ${mutation.id}, which the model does not have`);
    next.set(
      mutation.id,
      mutation.op === 'note' ? { ...seen, note: mutation.note } : { ...seen, status: mutation.status },
    );
  }
  return next;
}

const sorted = (model: Model) => JSON.stringify([...model].sort(([x], [y]) => x.localeCompare(y)));
const same = (a: Model, b: Model) => sorted(a) === sorted(b);

/** One child life: start, kill at a random moment, then check the library as the next start would see it. */
async function killOnce(dir: string, model: Model, stats: Stats): Promise<Model> {
  const child = startChild(writer, [dir]);
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  // One kill in five lands while the library is being opened (lock, read, start-up backup), the rest while writing:
  // a random moment after the child announces its 1st to 4th write. Counting writes rather than milliseconds makes
  // every kill land mid-work however slow the machine is (a slow disk once left too few writes durable to mean much).
  const duringOpen = Math.random() < 0.2;
  const writesBeforeKill = 1 + Math.floor(Math.random() * 4);
  const delay = duringOpen ? Math.random() * 15 : Math.random() * 30;
  let timer: NodeJS.Timeout | undefined;
  let intents = 0;
  const lines = jsonLines(child, (line) => {
    const { opening, intent } = line as Line;
    if (intent) intents++;
    const due = duringOpen ? opening !== undefined : intents === writesBeforeKill;
    if (timer === undefined && due) timer = setTimeout(() => child.kill('SIGKILL'), delay);
  }) as Line[];
  const ended = await exited(child);
  clearTimeout(timer);
  expect(ended, `the writer ended by itself: ${stderr}`).toBe('SIGKILL');
  stats.kills++;
  if (duringOpen && !lines.some((l) => l.ready)) stats.duringOpen++;

  for (const folder of [dir, join(dir, 'backups')]) {
    const temps = await tempFiles(folder);
    // A killed write may leave its temp file, and a kill while taking the lock the lock's; the next process
    // sweeps both (the lock's when it takes the lock, the library's when it opens), so neither kind piles up.
    const locks = temps.filter((name) => name.startsWith('library.lock.'));
    expect(locks.length, `lock temp files piling up in ${folder}: ${locks.join(', ')}`).toBeLessThanOrEqual(1);
    expect(temps.length - locks.length, `temp files piling up in ${folder}: ${temps.join(', ')}`).toBeLessThanOrEqual(
      1,
    );
  }

  // library.json parses and validates, whatever moment the kill hit.
  const file = join(dir, 'library.json');
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const disk = bytes ? project(parseLibrary(file, bytes).papers) : new Map<string, Seen>();
  // Every next child opens it normally (lock takeover, read, start-up backup) or fails the test above. Half
  // the time this process opens it too; the other half the next child backs the library up at its start, so
  // kills also land in the middle of backups.
  if (Math.random() < 0.5) {
    const lock = await acquireLock(dir, 'the crash harness check');
    expect(lock.acquired, 'a dead process still holds the lock').toBe(true);
    try {
      expect(same(project([...(await LibraryStore.open(dir)).all()]), disk)).toBe(true);
    } finally {
      if (lock.acquired) await lock.release();
    }
  }

  // Every mutation reported durable, in order; at most one more (its intent printed) may or may not have landed.
  let expected = model;
  let pending: Mutation | undefined;
  for (const line of lines) {
    if (line.intent) pending = line.intent;
    if (line.durable) {
      expected = applied(expected, line.durable, disk);
      pending = undefined;
      stats.durable++;
    }
  }

  if (pending) stats.inFlight++;
  if (!same(disk, expected)) {
    const withPending = pending ? applied(expected, pending, disk) : undefined;
    expect(
      withPending && same(disk, withPending),
      `library.json after the kill is neither the durable state nor the durable state plus the write in flight ` +
        `(${JSON.stringify(pending)})`,
    ).toBe(true);
    stats.inFlightLanded++;
  }

  return disk;
}

async function lane(kills: number, stats: Stats): Promise<string> {
  const dir = await tempDir();
  let model: Model = new Map();
  for (let i = 0; i < kills; i++) model = await killOnce(dir, model, stats);
  return dir;
}

describe('crash harness', () => {
  it(
    `keeps every write reported durable across ${KILLS} SIGKILLs at random moments`,
    async () => {
      const stats: Stats = { kills: 0, durable: 0, inFlight: 0, inFlightLanded: 0, duringOpen: 0 };
      const perLane = Math.ceil(KILLS / LANES);
      const dirs = await Promise.all(Array.from({ length: LANES }, () => lane(perLane, stats)));
      console.log(`crash harness: ${JSON.stringify(stats)}`);
      expect(stats.kills).toBeGreaterThanOrEqual(KILLS);
      // The kills really landed mid-work: many with a write in flight, and the harness saw hundreds of writes
      // (each writing child gets 0 to 3 writes durable before the write it is killed in, 1.5 on average).
      expect(stats.durable).toBeGreaterThanOrEqual(KILLS / 2);
      expect(stats.inFlight).toBeGreaterThanOrEqual(KILLS / 4);

      // Processes that are not killed clean up what the crashed ones left and write normally. Two in a row, so
      // that the second finds the library changed since the last backup and writes into backups/ too.
      for (const dir of dirs) {
        for (let run = 0; run < 2; run++) {
          const file = join(dir, 'library.json');
          const before = project(parseLibrary(file, await readFile(file)).papers);
          const child = startChild(writer, [dir, 'once']);
          const lines = jsonLines(child) as Line[];
          expect(await exited(child)).toBe(0);
          const last = lines.find((l) => l.durable)?.durable;
          expect(last).toBeDefined();
          const after = project(parseLibrary(file, await readFile(file)).papers);
          expect(same(after, applied(before, last!, after))).toBe(true);
        }
        expect(await tempFiles(dir)).toEqual([]);
        expect(await tempFiles(join(dir, 'backups'))).toEqual([]);
      }
    },
    KILLS * 2_000,
  );
});
