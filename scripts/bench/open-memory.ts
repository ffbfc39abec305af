/**
 * Run as a child of the bench: open the library in argv[2] as the app does, let the search index get ready,
 * build the relevance model (For you) and let the backup be written, then print this fresh process's memory as one line of JSON. A fresh process
 * shows what the app holds, without the bench's own garbage (generated papers, earlier sizes). RSS is
 * taken as the app would have it, before any forced collection; the heap after one (what stays live).
 * The bench runs it bundled (measure.ts), as the app runs its core: `rssRuntime` is then this process's RSS
 * before it opens the library, Node and the bundle loaded. Run through tsx (`node --import tsx open-memory.ts
 * DIR`) it also holds tsx's loader, whose hooks run in a thread of their own: about 31 MB the app does not have.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const rssRuntime = process.memoryUsage().rss;
const { modelFor } = await import('../../electron/core/insight/library-model');
const { LibraryStore, SHELF_MIN_FILE_BYTES } = await import('../../electron/core/store/store');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const dir = process.argv[2];
if (!dir) throw new Error('usage: open-memory.ts DATA_DIR');
// As the app and browser mode open it.
const store = await LibraryStore.open(dir, { shelveAbstractsFrom: SHELF_MIN_FILE_BYTES });
while (!store.catalog.search.ready) await new Promise((resolve) => setImmediate(resolve));
const model = await modelFor(store);
await store.flush();
const { rss } = process.memoryUsage();
gc();
const { heapUsed } = process.memoryUsage();
const report = {
  rss,
  rssRuntime,
  heapUsed,
  papers: store.size,
  fromCache: store.catalog.search.fromCache,
  modelFromFile: model.fromFile,
  // How this process was run (measure.ts runs a bundle by plain Node; a test checks it).
  execArgv: process.execArgv,
  entry: process.argv[1],
};
process.stdout.write(`${JSON.stringify(report)}\n`);
store.catalog.dispose();
