import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { foreground } from '../foreground';
import type { LibraryStore } from '../store/store';
import { workOutLikeness } from './inbox-scores';
import { likenessFor, takeLikeness } from './likeness';
import { LIKENESS_CACHE_FILE_NAME, readLikenessCache, writeLikenessCache, type LikenessState } from './likeness-cache';
import { TextModel } from './model';
import { breathe } from './slices';
import {
  MODEL_CACHE_FILE_NAME,
  modelStateOf,
  readModelCache,
  textPrint,
  writeModelCache,
  type ModelState,
} from './model-cache';
import { signalsFor } from './signals';
import { buildInThread, readInThread } from './worker-model';

/** Libraries from this size keep their model in a file between runs (as the search index, from 5,000 papers). */
const MODEL_CACHE_MIN_PAPERS = 5000;
/** Papers fingerprinted between turns of the event loop while a model is being kept. */
const PRINT_CHUNK = 5000;
/**
 * Terms per paper in a first model of the titles (see `firstModel`): its heaviest, the rarest words and phrases of
 * its title. Titles share common words: working out 40,000 inbox papers' likeness over 100,000 titles took 39 s
 * with every term of each, 1-1.7 s with the 8 heaviest and 0.5 s with 5 (at load 5 on 2 cores).
 */
const FIRST_MODEL_TERMS = 5;
/** Papers worked out whole since the likeness was last kept (or taken from its file) before it is kept again. */
const KEEP_LIKENESS_AFTER = 1000;

/** The library's model, and for a large library where it is coming from while it is not in yet. */
type Loading = {
  model: TextModel;
  /** Settles once the model's first build (in a worker thread) has begun: no file an earlier run kept fits. */
  building?: Promise<void>;
  /** The likeness an earlier run kept, read beside the model's file. */
  likeness?: Promise<LikenessState | undefined>;
  /** A model of the titles alone, For you's first ranking while the model is built (see `firstModel`). */
  first?: TextModel;
};

const models = new WeakMap<LibraryStore, Loading>();
/** Model files being read before their library was open (`prefetchModel`), by path, until taken. */
const prefetched = new Map<string, Promise<ModelState | undefined>>();

/**
 * Start reading the model an earlier run kept in `dataDir`, in a worker thread, before the library is open: a
 * start of the app (browser mode, the desktop window) then has it read and checked on the other core while the
 * library opens on this one, where it was read after, while the page loaded (about 0.5 s at 100,000 papers).
 * The library's model takes it (loadingOf) or, a library too small to keep its model in a file, lets it go
 * (warmModel). Settles once the file is read.
 */
export async function prefetchModel(dataDir: string): Promise<void> {
  const path = join(dataDir, MODEL_CACHE_FILE_NAME);
  if (prefetched.has(path) || !existsSync(path)) return;
  const read = readInThread(path).then((file) => file && modelStateOf(file));
  prefetched.set(path, read);
  await read;
}

/** The prefetched model file in `path`, if one was started (and no longer kept here), else undefined. */
function takePrefetched(path: string): Promise<ModelState | undefined> | undefined {
  const read = prefetched.get(path);
  prefetched.delete(path);
  return read;
}
/** Models that have been built (or read from their file) once: catching up with a change is quick from then on. */
const ready = new WeakSet<TextModel>();

/** The library's model, built on first use (or taken from the file an earlier run kept) and kept current. */
export async function modelFor(store: LibraryStore): Promise<TextModel> {
  const loading = loadingOf(store);
  const { model } = loading;
  await model.update();
  if (!foreground.servesPages) {
    // Nothing to serve meanwhile (the CLI): every paper taken from a kept model is checked against its text,
    // and one edited while the model's file was not looking (another tool, a sync merge) weighed again, first.
    await model.checked;
    await model.update();
  }
  if (!ready.has(model)) {
    // Once, before anything is worked out from the model: the likeness an earlier run kept over this build.
    const kept = await loading.likeness;
    loading.likeness = undefined;
    if (!ready.has(model) && kept && model.buildId === kept.buildId) {
      takeLikeness(model, signalsFor(store, model), kept.likeness);
    }
    ready.add(model);
    loading.first?.dispose();
    loading.first = undefined;
  }
  return model;
}

/**
 * While a large library's model is being built (readyModel gives none), a model of its titles alone, each paper by
 * its FIRST_MODEL_TERMS heaviest terms: built here (about a second of the event loop, in chunks, at 100,000
 * papers, where the whole text takes about 11 s of CPU in the model's thread), kept current with the library,
 * and let go once the model is in. Undefined once the model is in, or for a library whose model is not built in
 * a thread.
 */
export async function firstModel(store: LibraryStore): Promise<TextModel | undefined> {
  const loading = loadingOf(store);
  if (ready.has(loading.model) || !loading.building) return undefined;
  const first = (loading.first ??= new TextModel(store, { titlesOnly: true, termsPerPaper: FIRST_MODEL_TERMS }));
  await first.update();
  return first;
}

/**
 * The library's model if it is in, else undefined, its build started: a large library's first build takes
 * seconds (in a worker thread), and For you answers meanwhile rather than wait. A model an earlier run kept
 * in a file is waited for (a second at most); a small library's model is built at once (a fraction of a second).
 */
export async function readyModel(store: LibraryStore): Promise<TextModel | undefined> {
  const { model, building } = loadingOf(store);
  // A one-shot command (the CLI) shows no page meanwhile and answers once: it waits for the whole model.
  if (ready.has(model) || !building || !foreground.servesPages) return modelFor(store);
  const loaded = modelFor(store).then(
    () => true,
    // Its failure is For you's to show when it asks again, not an unhandled rejection here.
    () => false,
  );
  return (await Promise.race([loaded, building.then(() => false)])) ? model : undefined;
}

/**
 * Every inbox paper's likeness worked out (in slices: inbox-scores.ts). When much of it was worked out here, it
 * is also kept in its file beside the library, so that the next start takes it rather than work it out again:
 * `kept` settles once written (a ranking need not wait for it).
 */
export async function scoreInbox(store: LibraryStore): Promise<{ kept: Promise<void> }> {
  await workOutLikeness(store, modelFor);
  const model = await modelFor(store);
  const buildId = model.buildId;
  if (!buildId || !cachePath(store)) return { kept: Promise.resolve() };
  const likeness = likenessFor(model, signalsFor(store, model));
  if (likeness.worked < KEEP_LIKENESS_AFTER) return { kept: Promise.resolve() };
  // Copied now: the likeness moves on with the next decision while the file is written.
  const state: LikenessState = { buildId, likeness: likeness.kept() };
  // A cache is only a shortcut: a failed write leaves the next start to work the likeness out.
  const path = join(store.dataDir, LIKENESS_CACHE_FILE_NAME);
  return { kept: writeLikenessCache(path, state).catch(() => undefined) };
}

/**
 * Start the library's model now (read from its file, or built in a worker thread), then work out every inbox
 * paper's likeness in slices, so For you's first ranking waits for neither: scoring a large inbox takes
 * seconds (about 2 s of CPU at 100,000 papers), more than reading the model's file. The scores are those a
 * first ranking would work out, kept for it. A small library builds its model when For you first asks (a
 * fraction of a second).
 */
export async function warmModel(store: LibraryStore): Promise<void> {
  if (!cachePath(store)) {
    void takePrefetched(join(store.dataDir, MODEL_CACHE_FILE_NAME));
    return;
  }
  // A first start (no file an earlier run kept fits): the first model too, for For you meanwhile.
  void loadingOf(store).building?.then(() => warmFirstModel(store));
  await modelFor(store);
  await (
    await scoreInbox(store)
  ).kept;
}

/**
 * Build the first model (see `firstModel`) and work out every inbox paper's likeness over it, in slices, until the
 * model is in: so that For you's first ranking at a first start waits for neither (about 1.5 s of CPU at 100,000
 * papers, where the model takes 11 s in its thread).
 */
async function warmFirstModel(store: LibraryStore): Promise<void> {
  const { model } = loadingOf(store);
  const first = await firstModel(store).catch(() => undefined);
  if (!first) return;
  const current = async (): Promise<TextModel> => {
    await first.update();
    return first;
  };
  // Its failure is For you's to show when it asks, not an unhandled rejection here.
  await workOutLikeness(store, current, () => ready.has(model)).catch(() => undefined);
}

function loadingOf(store: LibraryStore): Loading {
  let loading = models.get(store);
  if (loading) return loading;
  const model = new TextModel(store);
  loading = { model };
  models.set(store, loading);
  const path = cachePath(store);
  if (path) {
    let begun = (): void => undefined;
    loading.building = new Promise((resolve) => (begun = resolve));
    loading.likeness = readLikenessCache(join(store.dataDir, LIKENESS_CACHE_FILE_NAME));
    // The file an earlier run kept; else the first build, in a worker thread, which also keeps the file.
    model.kept = [
      () => takePrefetched(path) ?? readModelCache(path),
      () => {
        begun();
        return buildInThread(store, path);
      },
    ];
    // After a build, once the update that made it is over (the model is as the file keeps it until the next change).
    model.onBuilt = () => setImmediate(() => void keep(model, path));
  }
  return loading;
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
