import { parentPort, workerData } from 'node:worker_threads';
import type { Paper } from '../schema';
import { ShelfReader, type AbstractRef } from '../store/shelf-read';
import type { LibraryStore } from '../store/store';
import { useThreadHold } from '../thread-hold';
import { TextModel } from './model';
import { readModelFile, textPrint, writeModelCache, type ModelFile, type ModelState } from './model-cache';

/**
 * A paper as the thread gets it: the only fields the model reads; an abstract kept on disk as where it lies,
 * for the thread to read there (as the search index's thread does).
 */
export type ModelText = [id: string, title: string, abstract: string | AbstractRef];

/** What the library's thread sends: the papers in chunks, then `build`; or, alone, `read` (a model's file). */
export type ToModelThread =
  | { kind: 'papers'; papers: ModelText[] }
  | { kind: 'build'; cachePath: string | undefined }
  | { kind: 'read'; path: string };

/** What the thread answers: the model as its file would keep it (arrays moved, not copied), or why not. */
export type FromModelThread =
  | { kind: 'built'; state: ModelState; priority: number | undefined; cpuMs: number }
  | { kind: 'read'; file: ModelFile | undefined }
  | { kind: 'failed'; message: string };

export function modelText(paper: Paper, refOf?: (paper: Paper) => AbstractRef | undefined): ModelText {
  return [paper.id, paper.title, refOf?.(paper) ?? paper.abstract];
}

/** The thread's reader of abstracts kept on disk. */
const shelf = new ShelfReader();

/**
 * The library the thread's model reads: the papers sent, which never change (the library's thread catches
 * up with changes made meanwhile, as after reading a kept model from its file).
 */
function sentLibrary(texts: ModelText[]): LibraryStore {
  const papers = texts.map(([id, title, abstract]) =>
    typeof abstract === 'string'
      ? ({ id, title, abstract } as Paper)
      : // Read where it lies each time it is asked for (the model reads the papers in order, a pass or two).
        ({
          id,
          title,
          get abstract() {
            return shelf.read(abstract);
          },
        } as Paper),
  );
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const library = {
    size: papers.length,
    all: () => papers,
    get: (id: string) => byId.get(id),
    onChange: () => () => undefined,
  };
  return library as unknown as LibraryStore;
}

/**
 * Build the model over the papers sent and answer with its state, fingerprinted as the papers were sent; or read
 * and check a model's file, and answer with its parts.
 */
export function serveModelBuild(priority: number | undefined): void {
  const port = parentPort!;
  useThreadHold((workerData as { hold?: unknown } | null)?.hold);
  let texts: ModelText[] = [];
  port.on('message', (message: ToModelThread) => {
    if (message.kind === 'papers') {
      for (const text of message.papers) texts.push(text);
      return;
    }
    if (message.kind === 'read') {
      void readModelFile(message.path, false).then((file) => {
        port.postMessage({ kind: 'read', file } satisfies FromModelThread, file?.parts ?? []);
      });
      return;
    }
    const started = process.cpuUsage();
    const library = sentLibrary(texts);
    texts = [];
    const model = new TextModel(library);
    model
      .update()
      .then(async () => {
        const built = model.state();
        if (!built) throw new Error('the model was not left as built');
        const ids: string[] = [];
        const fingerprints = new Uint32Array(2 * built.papers.length);
        built.papers.forEach((paper, slot) => {
          ids.push(paper!.id);
          textPrint(paper!, fingerprints, 2 * slot);
        });
        // Copies where the model's arrays are views of larger ones: each part moves whole.
        const state: ModelState = {
          buildId: built.buildId,
          ids,
          fingerprints,
          docs: built.docs,
          df: built.df.slice(),
          dfOver: built.dfOver,
          terms: built.terms.slice(),
          weights: built.weights.slice(),
          index: built.index,
        };
        // A cache is only a shortcut: a failed write leaves the next start to build, as it would without one.
        if (message.cachePath !== undefined) await writeModelCache(message.cachePath, state).catch(() => undefined);
        const used = process.cpuUsage(started);
        const reply: FromModelThread = { kind: 'built', state, priority, cpuMs: (used.user + used.system) / 1000 };
        const parts = [state.fingerprints, state.df, state.dfOver, state.terms, state.weights];
        const moved = [...parts, ...Object.values(state.index)].map((part) => part.buffer);
        port.postMessage(reply, [...new Set(moved)]);
      })
      .catch((error: unknown) =>
        port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
  });
}
