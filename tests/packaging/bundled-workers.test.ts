import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../electron/core/paper';
import type { FromModelThread, ModelText } from '../../electron/core/insight/model-thread';
import type { FromThread, SearchedText } from '../../electron/core/search/build-thread';
import { newDevice } from '../../electron/core/sync/device';
import { readSyncFolder } from '../../electron/core/sync/folder';
import { DeviceLog } from '../../electron/core/sync/log-writer';
import type { FromReadThread, ToReadThread } from '../../electron/core/sync/read-thread';
import { SyncReplica } from '../../electron/core/sync/replica';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out', 'main');

/**
 * What `npm run build` made of the worker threads and the CLI, run as the app and bin/paperqueue.mjs run them:
 * a worker file the bundle cannot load would only show as a slower first start (the core falls back to
 * building on its own thread), so it is checked here, on the built files.
 */
describe('the built main-process code', () => {
  it.each(['build-worker.mjs', join('chunks', 'build-worker.mjs')])(
    "builds a search index in the bundle's worker thread (%s), at a lower priority",
    async (file) => {
      const worker = new Worker(join(OUT, file));
      try {
        // Each paper's searched fields as the library's thread sends them: title, authors, abstract, note,
        // tags, highlights, arXiv id.
        const papers: SearchedText[] = [
          ['Sparse attention for long documents', ['Ada Lovelace'], '', '', [], [], null],
          ['Bayesian estimation of differential privacy', [], 'We bound the privacy loss.', '', [], [], '2411.01234'],
        ];
        const reply = new Promise<FromThread>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        worker.postMessage({ kind: 'papers', from: 0, papers });
        worker.postMessage({ kind: 'build', count: papers.length, cachePath: undefined });
        const built = await reply;
        expect(built.kind).toBe('built');
        if (built.kind !== 'built') return;
        expect(new TextDecoder().decode(built.text).split('\n')).toEqual(
          expect.arrayContaining(['sparse', 'bayesian', 'privacy']),
        );
        if (process.platform === 'linux') expect(built.priority).toBeGreaterThan(0);
      } finally {
        await worker.terminate();
      }
    },
  );

  it.each(['read-worker.mjs', join('chunks', 'read-worker.mjs')])(
    "reads a sync folder in the bundle's worker thread (%s), at a lower priority, as the library's thread reads it",
    async (file) => {
      const syncDir = await mkdtemp(join(tmpdir(), 'paperqueue-bundle-sync-'));
      const worker = new Worker(join(OUT, file));
      try {
        const device = newDevice('Laptop');
        const { log } = await DeviceLog.open(syncDir, device);
        const replica = new SyncReplica(device.id);
        const at = new Date().toISOString();
        const paper = createPaper(
          { title: 'Replicated logs', authors: [] },
          { format: 'bibtex', name: 'a.bib', importedAt: at },
          1,
          at,
        );
        await log.append(replica.recordPaper(undefined, paper, { weak: true }));
        const parts: FromReadThread[] = [];
        const done = new Promise<void>((resolve, reject) => {
          worker.on('message', (message: FromReadThread) => {
            parts.push(message);
            if (message.kind === 'done' || message.kind === 'failed') resolve();
            // The thread sends each next part when asked, as the library's thread asks (read-folder.ts).
            else worker.postMessage({ kind: 'more', id: 1 } satisfies ToReadThread);
          });
          worker.once('error', reject);
        });
        worker.postMessage({ kind: 'read', id: 1, folder: syncDir, known: [] } satisfies ToReadThread);
        await done;
        const last = parts.at(-1)!;
        expect(last.kind).toBe('done');
        if (last.kind !== 'done') return;
        const expected = await readSyncFolder(syncDir, new Map());
        expect(parts.flatMap((part) => (part.kind === 'ops' ? part.ops : []))).toEqual(expected.ops);
        expect(last.read.devices).toEqual(expected.devices);
        if (process.platform === 'linux') expect(last.priority).toBeGreaterThan(0);
      } finally {
        await worker.terminate();
        await rm(syncDir, { recursive: true, force: true, maxRetries: 5 });
      }
    },
  );

  it.each(['model-worker.mjs', join('chunks', 'model-worker.mjs')])(
    "builds the relevance model in the bundle's worker thread (%s), at a lower priority",
    async (file) => {
      const worker = new Worker(join(OUT, file));
      try {
        const reply = new Promise<FromModelThread>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        });
        const papers: ModelText[] = [
          ['pa000001', 'Sparse attention for long documents', 'Attention over long documents, sparsely.'],
          ['pa000002', 'Bayesian estimation of differential privacy', 'We bound the privacy loss.'],
        ];
        worker.postMessage({ kind: 'papers', papers });
        worker.postMessage({ kind: 'build', cachePath: undefined });
        const built = await reply;
        expect(built.kind).toBe('built');
        if (built.kind !== 'built') return;
        expect(built.state.ids).toEqual(['pa000001', 'pa000002']);
        expect(built.state.docs).toBe(2);
        if (process.platform === 'linux') expect(built.priority).toBeGreaterThan(0);
      } finally {
        await worker.terminate();
      }
    },
  );

  it('runs the CLI from its bundle while the bundle is newer than the sources', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-bundle-'));
    try {
      const bundle = await stat(join(OUT, 'cli.js'));
      expect(bundle.isFile()).toBe(true);
      const run = (...args: string[]) =>
        new Promise<string>((resolve, reject) =>
          execFile(
            process.execPath,
            [join(ROOT, 'bin', 'paperqueue.mjs'), ...args, '--data', dataDir],
            (e, out, err) => (e ? reject(new Error(err)) : resolve(out)),
          ),
        );
      // A PDF goes through the bundle's copy of the text worker (out/main/chunks/extract-worker.mjs).
      const pdf = join(ROOT, '..', 'shared', 'pdfs', 'tracemonkey.pdf');
      const added = await run(
        'import',
        await stat(pdf).then(
          () => pdf,
          () => join(ROOT, 'tests', 'fixtures', 'jbig2', 'scanned.pdf'),
        ),
      );
      expect(added).toMatch(/^Added /);
      expect(await run('list')).toMatch(/1 paper/);
      const library = JSON.parse(await readFile(join(dataDir, 'library.json'), 'utf8')) as { papers: unknown[] };
      expect(library.papers).toHaveLength(1);
    } finally {
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
