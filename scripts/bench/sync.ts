import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LibraryStore } from '../../electron/core/store/store';
import { attachSync, detachSync } from '../../electron/core/sync/attach';
import { snapshotDir } from '../../electron/core/sync/device';
import { DeviceLog } from '../../electron/core/sync/log-writer';
import { writeSyncSettings } from '../../electron/core/sync/settings';
import { makeVocabulary, type Vocabulary } from './data';
import { idleUntil } from './measure';
import { prepareSync, type Fixture } from './sync-fixture';

/** The figures of `npm run bench -- --json` under the key `sync` (issue #16's table). */
export type SyncResult = {
  papers: number;
  changes: number;
  merge_10k_ms: number;
  /** The longest the event loop was blocked while merging. */
  merge_10k_max_block_ms: number;
  bytes_per_change: number;
  open_ms: number;
  open_with_backlog_ms: number;
  /** The merge of that backlog, which runs after the open, in the background. */
  backlog_merge_ms: number;
  snapshot_100k_ms: number;
  /** CPU time (process.cpuUsage: every thread of the process) of the same steps: comparable under load. */
  merge_10k_cpu_ms: number;
  /** Loading the saved state and indexing it for the merges, in the background after an open (once a process). */
  load_ms: number;
  load_cpu_ms: number;
  /**
   * What the merge queued after it, in slices and pieces (not part of the merge's time): the library checked
   * against the state loaded (once a process, after its first merge), a snapshot and the saved state.
   */
  housekeeping_ms: number;
  housekeeping_cpu_ms: number;
  housekeeping_max_block_ms: number;
  /** The folder was read in the worker thread, and the thread's CPU time for it. */
  read_thread: boolean;
  read_thread_cpu_ms: number;
  open_cpu_ms: number;
  open_with_backlog_cpu_ms: number;
  snapshot_100k_cpu_ms: number;
  /** The machine's 1-minute load average when the merge started (2 cores: above 2, others want the CPU too). */
  load: number;
};

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** CPU milliseconds of the whole process (all threads) since `from`. */
const cpuSince = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

/**
 * A plain open of the library, timed. Its search index is built and its cache file written (as after an app's
 * first start), then the store is let go: the opens compared after it find the cache, no second index build
 * competes with the merge, and the merge runs in a heap holding one library, as an app's does (this store,
 * kept until the end of measureSync, added about 260 MB to the heap the merge's collections went through).
 */
async function openPlain(dataDir: string): Promise<{ openMs: number; openCpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const plain = await LibraryStore.open(dataDir, {});
  const openMs = performance.now() - start;
  const openCpuMs = cpuSince(cpu);
  await idleUntil(() => plain.catalog.search.cacheWritten !== undefined);
  await plain.catalog.search.cacheWritten;
  await plain.flush();
  plain.catalog.dispose();
  return { openMs, openCpuMs };
}

/**
 * A library of `papers` papers that another device also holds, and `changes` changes that device made since
 * (status, tags, notes, highlights on random papers), waiting in the sync folder: how long this device takes
 * to merge them, how big they are, what they cost an open, and what a snapshot of the library costs.
 */
export async function measureSync(
  vocab: Vocabulary,
  papers = 100_000,
  changes = 10_000,
  /**
   * `profile`: write a CPU profile of the merge alone (the library's thread) to this file. `fixture`: a folder
   * keeping the prepared library and sync folder between runs (made on the first), for A/B runs of the merge.
   */
  options: { profile?: string; fixture?: string } = {},
): Promise<SyncResult> {
  const root = await mkdtemp(join(tmpdir(), 'paperqueue-bench-sync-'));
  try {
    const shared = join(root, 'sync');
    const dataDir = join(root, 'data');
    let fixture: Fixture;
    if (options.fixture && (await stat(join(options.fixture, 'fixture.json')).catch(() => undefined))) {
      await cp(options.fixture, root, { recursive: true });
      fixture = JSON.parse(await readFile(join(root, 'fixture.json'), 'utf8')) as Fixture;
      // The settings name the folder where it was made.
      await writeSyncSettings(dataDir, { folder: shared, device: fixture.local });
    } else {
      fixture = await prepareSync(vocab, papers, changes, shared, dataDir);
      await writeFile(join(root, 'fixture.json'), JSON.stringify(fixture));
      if (options.fixture) await cp(root, options.fixture, { recursive: true });
    }
    const { local } = fixture;

    // A plain open, then an open with the backlog waiting (sync attached; its merge runs afterwards).
    const { openMs, openCpuMs } = await openPlain(dataDir);
    let start = performance.now();
    let cpu = process.cpuUsage();
    const opened = await LibraryStore.open(dataDir, {});
    const session = (await attachSync(opened))!;
    const openWithBacklogMs = performance.now() - start;
    const openWithBacklogCpuMs = cpuSince(cpu);

    // The merge itself, the replica already loaded (as in a running app): its time and longest block.
    start = performance.now();
    cpu = process.cpuUsage();
    await session.loaded();
    await session.prepared;
    // A running app: its search index is ready before changes arrive.
    await idleUntil(() => opened.catalog.search.ready);
    const loadMs = performance.now() - start;
    const loadCpuMs = cpuSince(cpu);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const load = loadavg()[0]!;
    const profiler = options.profile ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    start = performance.now();
    cpu = process.cpuUsage();
    await session.syncNow();
    const mergeMs = performance.now() - start;
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      await writeFile(options.profile!, JSON.stringify(profile));
      profiler.disconnect();
    }
    const mergeBlock = loop.max;
    loop.reset();
    const mergeCpuMs = cpuSince(cpu);
    // What the merge queued after it (a snapshot and the saved state, when due), in the background.
    start = performance.now();
    cpu = process.cpuUsage();
    await session.enqueue(() => Promise.resolve());
    const housekeepingMs = performance.now() - start;
    const housekeepingCpuMs = cpuSince(cpu);
    loop.disable();
    const afterBlock = loop.max;
    loop.disable();
    const backlogMergeMs = mergeMs + openWithBacklogMs;
    if (opened.size !== papers) throw new Error(`The merged library has ${opened.size} papers, not ${papers}`);

    // A snapshot of the whole library, as this device writes one from time to time.
    const { log } = await DeviceLog.open(shared, local);
    start = performance.now();
    cpu = process.cpuUsage();
    const name = await log.writeSnapshot(session.replica!.snapshotState);
    const snapshotMs = performance.now() - start;
    const snapshotCpuMs = cpuSince(cpu);
    const snapshotBytes = (await stat(join(snapshotDir(shared, local.id), name))).size;
    await detachSync(opened);
    await opened.flush();
    void snapshotBytes;

    return {
      papers,
      changes,
      merge_10k_ms: round(mergeMs),
      merge_10k_max_block_ms: round(mergeBlock / 1e6),
      load_ms: round(loadMs),
      load_cpu_ms: round(loadCpuMs),
      housekeeping_ms: round(housekeepingMs),
      housekeeping_cpu_ms: round(housekeepingCpuMs),
      housekeeping_max_block_ms: round(afterBlock / 1e6),
      read_thread: session.reader.report?.thread ?? false,
      read_thread_cpu_ms: round(session.reader.report?.cpuMs ?? 0),
      bytes_per_change: fixture.bytesPerChange,
      open_ms: round(openMs),
      open_with_backlog_ms: round(openWithBacklogMs),
      backlog_merge_ms: round(backlogMergeMs),
      snapshot_100k_ms: round(snapshotMs),
      merge_10k_cpu_ms: round(mergeCpuMs),
      open_cpu_ms: round(openCpuMs),
      open_with_backlog_cpu_ms: round(openWithBacklogCpuMs),
      snapshot_100k_cpu_ms: round(snapshotCpuMs),
      load: Math.round(load * 10) / 10,
    };
  } finally {
    // A store's search index may still be writing its cache file there: rm retries (ENOTEMPTY).
    await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

// Run alone, for profiling and A/B runs of the sync figures only:
//   node --import tsx scripts/bench/sync.ts [--papers 100000] [--changes 10000] [--profile merge.cpuprofile]
//     [--fixture DIR]   (DIR keeps the prepared library between runs: the first run makes it)
if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({
    options: {
      papers: { type: 'string', default: '100000' },
      changes: { type: 'string', default: '10000' },
      profile: { type: 'string' },
      fixture: { type: 'string' },
    },
  });
  const result = await measureSync(makeVocabulary(), Number(values.papers), Number(values.changes), {
    ...(values.profile && { profile: values.profile }),
    ...(values.fixture && { fixture: values.fixture }),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
