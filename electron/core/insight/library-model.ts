import { join } from 'node:path';
import type { LibraryStore } from '../store/store';
import { breathe, TextModel } from './model';
import { MODEL_CACHE_FILE_NAME, readModelCache, textPrint, writeModelCache, type ModelState } from './model-cache';

/** Libraries from this size keep their model in a file between runs (as the search index, from 5,000 papers). */
const MODEL_CACHE_MIN_PAPERS = 5000;
/** Papers fingerprinted between turns of the event loop while a model is being kept. */
const PRINT_CHUNK = 5000;

const models = new WeakMap<LibraryStore, TextModel>();

/** The library's model, built on first use (or taken from the file an earlier run kept) and kept current. */
export async function modelFor(store: LibraryStore): Promise<TextModel> {
  const model = modelOf(store);
  await model.update();
  return model;
}

/**
 * Read the library's kept model now, if it has one, so For you's first ranking need not wait for it;
 * a library without one builds its model when For you first asks (the build is seconds at 100,000 papers).
 */
export async function warmModel(store: LibraryStore): Promise<void> {
  const path = cachePath(store);
  if (path && (await readable(path))) await modelFor(store);
}

function modelOf(store: LibraryStore): TextModel {
  let model = models.get(store);
  if (model) return model;
  model = new TextModel(store);
  models.set(store, model);
  const path = cachePath(store);
  if (path) {
    const built = model;
    built.kept = () => readModelCache(path);
    // After a build, once the update that made it is over (the model is as the file keeps it until the next change).
    built.onBuilt = () => setImmediate(() => void keep(built, path));
  }
  return model;
}

function cachePath(store: LibraryStore): string | undefined {
  return store.size >= MODEL_CACHE_MIN_PAPERS ? join(store.dataDir, MODEL_CACHE_FILE_NAME) : undefined;
}

async function readable(path: string): Promise<boolean> {
  const { access } = await import('node:fs/promises');
  return access(path).then(
    () => true,
    () => false,
  );
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
