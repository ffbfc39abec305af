import { Worker } from 'node:worker_threads';
import type { LibraryStore } from '../store/store';
import { readModelFile, type ModelFile, type ModelState } from './model-cache';
import { abstractRef } from '../store/abstract-shelf';
import { modelText, type FromModelThread, type ModelText, type ToModelThread } from './model-thread';
import { foreground } from '../foreground';
import { breathe } from './slices';

/** Papers sent to the thread per message (a few ms of copying), the event loop given a turn between messages. */
const CHUNK = 500;

/** What the last build in a thread reported: for the bench and for tests. */
export type ModelThreadReport = { priority: number | undefined; cpuMs: number; wallMs: number };
export const modelThreadReports = new WeakMap<LibraryStore, ModelThreadReport>();

/**
 * The relevance model's first build, in a worker thread at nice 10 (model-worker.mjs), so the library's own
 * thread keeps answering: each paper's id, title and abstract go to the thread in chunks, and the model comes
 * back as its file would keep it (ids, fingerprints, arrays; with `cachePath` the thread also writes that file),
 * taken in as a kept model is (each paper found in the library, its text checked afterwards: model.ts).
 * Undefined if the thread cannot start or fails: the model is then built here.
 */
export async function buildInThread(
  store: LibraryStore,
  cachePath: string | undefined,
): Promise<ModelState | undefined> {
  const started = performance.now();
  let thread: Worker;
  try {
    thread = new Worker(new URL('./model-worker.mjs', import.meta.url), {
      execArgv: [],
      // It holds back while the page is in use (thread-hold.ts).
      workerData: { hold: foreground.threads.flag },
    });
  } catch {
    return undefined;
  }
  // Background work: it never keeps a one-shot command (the CLI) alive.
  thread.unref();
  const answer = new Promise<FromModelThread | undefined>((resolve) => {
    thread.once('message', resolve);
    thread.once('error', () => resolve(undefined));
    thread.once('exit', () => resolve(undefined));
  });
  let chunk: ModelText[] = [];
  for (const paper of store.all()) {
    chunk.push(modelText(paper, abstractRef));
    if (chunk.length < CHUNK) continue;
    thread.postMessage({ kind: 'papers', papers: chunk } satisfies ToModelThread);
    chunk = [];
    // A hand-over: it gives way to For you's first model, which a ranking waits for meanwhile.
    await breathe('bulk');
  }
  thread.postMessage({ kind: 'papers', papers: chunk } satisfies ToModelThread);
  thread.postMessage({ kind: 'build', cachePath } satisfies ToModelThread);
  const reply = await answer;
  void thread.terminate();
  if (reply?.kind !== 'built') return undefined;
  modelThreadReports.set(store, {
    priority: reply.priority,
    cpuMs: reply.cpuMs,
    wallMs: performance.now() - started,
  });
  return { ...reply.state, builtInThread: true };
}

/**
 * The model's file in `path` read and checked in a worker thread (model-worker.mjs, nice 10), its parts moved
 * here, not copied: a start reads it (113 MB at 100,000 papers, about 0.3 s of reading and summing) on the other
 * core while the library opens on this one. Undefined if the file is missing or damaged; if the thread cannot
 * start or fails, the file is read here instead.
 */
export async function readInThread(path: string): Promise<ModelFile | undefined> {
  let thread: Worker;
  try {
    thread = new Worker(new URL('./model-worker.mjs', import.meta.url), { execArgv: [] });
  } catch {
    return readModelFile(path, true);
  }
  // It never keeps a one-shot command alive.
  thread.unref();
  const reply = await new Promise<FromModelThread | undefined>((resolve) => {
    thread.once('message', resolve);
    thread.once('error', () => resolve(undefined));
    thread.once('exit', () => resolve(undefined));
    thread.postMessage({ kind: 'read', path } satisfies ToModelThread);
  });
  void thread.terminate();
  return reply?.kind === 'read' ? reply.file : readModelFile(path, true);
}
