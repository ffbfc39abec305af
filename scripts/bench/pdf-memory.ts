/**
 * Run as a child of the bench: open the library in argv[2] (argv[3] papers), give the papers with a PDF
 * (argv[4] of them) their text as the store does at open, let both search indexes get ready, and print
 * this fresh process's memory as one line of JSON: RSS before any forced collection, the heap and the
 * array buffers (where PDF text is kept) after collections a second apart.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LibraryStore } from '../../electron/core/store/store';
import { makeVocabulary } from './data';
import { feedPdfText } from './pdf';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const tick = () => new Promise((resolve) => setImmediate(resolve));

const [dir, size, pdfs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
if (!dir || !(size > 0) || !(pdfs >= 0)) throw new Error('usage: pdf-memory.ts DATA_DIR PAPERS PDFS');
const store = await LibraryStore.open(dir, { readOnly: 'measuring' });
while (!store.catalog.search.ready) await tick();
if (pdfs > 0) {
  feedPdfText(store, makeVocabulary(), size, pdfs);
  const search = store.catalog.pdfSearch;
  while (search.building || search.unread > 0 || search.pendingChanges > 0) await tick();
}
const { rss } = process.memoryUsage();
// Buffers freed by a collection are given back a little later: collect, wait, and collect again.
gc();
await new Promise((resolve) => setTimeout(resolve, 1000));
gc();
const { heapUsed, arrayBuffers } = process.memoryUsage();
process.stdout.write(`${JSON.stringify({ rss, heapUsed, arrayBuffers })}\n`);
store.catalog.dispose();
