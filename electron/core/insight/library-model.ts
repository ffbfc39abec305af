import { join } from 'node:path';
import type { LibraryStore } from '../store/store';
import { workOutLikeness } from './inbox-scores';
import { breathe, TextModel } from './model';
import { MODEL_CACHE_FILE_NAME, readModelCache, textPrint, writeModelCache, type ModelState } from './model-cache';
import { buildInThread } from './worker-model';

/** Libraries from this size keep their model in a file between runs (as the search index, from 5,000 papers). */
const MODEL_CACHE_MIN_PAPERS = 5000;
/** Papers fingerprinted between turns of the event loop while a model is being kept. */
const PRINT_CHUNK = 5000;

const models = new WeakMap<LibraryStore, TextModel>();
/** Models that have been built (or read from their file) once: catching up with a change is quick from then on. */
const ready = new WeakSet<TextModel>();

/** The library's model, built on first use (or taken from the file an earlier run kept) and kept current. */
export async function modelFor(store: LibraryStore): Promise<TextModel> {
  const model = modelOf(store);
  await model.update();
  ready.add(model);
  return model;
}

/**
 * The library's model if it has been built, else undefined, its build started: a large library's first
 * build takes seconds (in a worker thread), and For you answers meanwhile rather than wait. A small
 * library's model is built at once (a fraction of a second).
 */
export async function readyModel(store: LibraryStore): Promise<TextModel | undefined> {
  const model = modelOf(store);
  if (ready.has(model) || !cachePath(store)) return modelFor(store);
  // Its failure is For you's to show when it asks again, not an unhandled rejection here.
  modelFor(store).catch(() => undefined);
  return undefined;
}

/**
 * Start the library's model now (read from its file, or built in a worker thread), then work out every inbox
 * paper's likeness in slices, so For you's first ranking waits for neither: scoring a large inbox takes
 * seconds (about 2 s of CPU at 100,000 papers), more than reading the model's file. The scores are those a
 * first ranking would work out, kept for it. A small library builds its model when For you first asks (a
 * fraction of a second).
 */
export async function warmModel(store: LibraryStore): Promise<void> {
  if (!cachePath(store)) return;
  await modelFor(store);
  await workOutLikeness(store, modelFor);
}

function modelOf(store: LibraryStore): TextModel {
  let model = models.get(store);
  if (model) return model;
  model = new TextModel(store);
  models.set(store, model);
  const path = cachePath(store);
  if (path) {
    const built = model;
    // The file an earlier run kept; else the first build, in a worker thread, which also keeps the file.
    built.kept = [() => readModelCache(path), () => buildInThread(store, path)];
    // After a build, once the update that made it is over (the model is as the file keeps it until the next change).
    built.onBuilt = () => setImmediate(() => void keep(built, path));
  }
  return model;
}

function cachePath(store: LibraryStore): string | undefined {
  return store.size >= MODEL_CACHE_MIN_PAPERS ? join(store.dataDir, MODEL_CACHE_FILE_NAME) : undefined;
}

/**
 * Write the model to its file: each paper's fingerprint in chunks, then the arrays. A change meanwhile
 * leaves the file as it was (the model has moved on from the state being written).
 */
async function keep(model: TextModel, path: string): Promise<void> {
  const first = model.state();
  if (!first) return;
  const { papers } = first;
  const fingerprints = new Uint32Array(2 * papers.length);
  const ids: string[] = [];
  for (let slot = 0; slot < papers.length; slot++) {
    const paper = papers[slot]!;
    ids.push(paper.id);
    textPrint(paper, fingerprints, 2 * slot);
    if (slot % PRINT_CHUNK === PRINT_CHUNK - 1) {
      await breathe();
      if (model.state()?.papers !== papers) return;
    }
  }
  const state = model.state();
  if (state?.papers !== papers) return;
  const kept: ModelState = { ...state, ids, fingerprints, df: state.df.slice() };
  // A cache is only a shortcut: a failed write leaves the next run to build, as it would without one.
  await writeModelCache(path, kept).catch(() => undefined);
}
