/**
 * The reader bench's library: a 350-page book joined from the real PDFs of ../shared/pdfs with pdf-lib, and
 * a fresh library holding it and tracemonkey.pdf, attached through the command table and served as browser
 * mode serves it.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { call } from '../../electron/core/dispatch';
import { LibraryStore } from '../../electron/core/store/store';
import { startServer, type RunningServer } from '../../electron/server/server';
import { SHARED_PDFS } from './pdf-files';

export const BOOK_PAGES = 350;
/** Left out of the book: pdf-lib cannot copy the pages of an encrypted PDF. */
const NOT_IN_BOOK = new Set(['issue6010_1.pdf']);
export const PAPER_TITLE = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';
export const BOOK_TITLE = 'A Book of Three Hundred and Fifty Pages';

/**
 * A book of `pages` pages: the pages of every PDF in `dir` (but the encrypted one), in name order, copied
 * again and again until there are enough. Each round copies afresh (a page object belongs to one place in
 * a page tree), so the book is about as large as the pages it repeats.
 */
export async function makeBook(dir: string, pages: number): Promise<{ bytes: Uint8Array; sources: string }> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pdf') && !NOT_IN_BOOK.has(name)).sort();
  const sources: PDFDocument[] = [];
  const used: string[] = [];
  for (const name of names) {
    try {
      const doc = await PDFDocument.load(await readFile(join(dir, name)));
      if (doc.getPageCount() === 0) continue;
      sources.push(doc);
      used.push(`${name} (${doc.getPageCount()})`);
    } catch {
      // A file pdf-lib cannot read stays out of the book.
    }
  }
  if (sources.length === 0) throw new Error(`no PDF in ${dir} could be read by pdf-lib`);
  const book = await PDFDocument.create();
  book.setTitle(BOOK_TITLE);
  while (book.getPageCount() < pages) {
    for (const source of sources) {
      const left = pages - book.getPageCount();
      if (left <= 0) break;
      const indices = source.getPageIndices().slice(0, left);
      for (const page of await book.copyPages(source, indices)) book.addPage(page);
    }
  }
  return { bytes: await book.save(), sources: used.join(', ') };
}

export type Setup = { store: LibraryStore; server: RunningServer; bookNote: string };

/** A fresh library with tracemonkey.pdf and the book attached (dispatch in this process), served here. */
export async function setUp(work: string, rendererDir: string): Promise<Setup> {
  const book = await makeBook(SHARED_PDFS, BOOK_PAGES);
  const bookPath = join(work, 'book-350.pdf');
  await writeFile(bookPath, book.bytes);
  const dataDir = join(work, 'data');
  // A library kept between runs alone (PAPERQUEUE_BENCH_READER_DATA) starts each run as it was first made,
  // so the book opens at page 1 again.
  const pristine = process.env.PAPERQUEUE_BENCH_READER_DATA ? join(work, 'pristine') : undefined;
  const kept = pristine !== undefined && existsSync(pristine);
  if (kept) {
    await rm(dataDir, { recursive: true, force: true });
    await cp(pristine, dataDir, { recursive: true });
  }
  const store = await LibraryStore.open(dataDir);
  const options = { store, caller: 'host' as const };
  let bookAttachMs = 0;
  let server: RunningServer;
  try {
    if (!kept)
      for (const [title, path] of [
        [PAPER_TITLE, join(SHARED_PDFS, 'tracemonkey.pdf')],
        [BOOK_TITLE, bookPath],
      ] as const) {
        const paper = await call(options, 'papers.add', { title });
        if (!paper.ok) throw new Error(paper.error.message);
        const start = performance.now();
        const attached = await call(options, 'attachments.add', { paperId: paper.value.id, path });
        if (!attached.ok) throw new Error(`attaching ${path}: ${attached.error.message}`);
        if (title === BOOK_TITLE) {
          bookAttachMs = performance.now() - start;
          if (attached.value.attachment.pages !== BOOK_PAGES)
            throw new Error(`the book has ${attached.value.attachment.pages} pages, not ${BOOK_PAGES}`);
        }
      }
    if (pristine && !kept) {
      await store.flush();
      await cp(dataDir, pristine, { recursive: true, filter: (path) => !/lock/i.test(basename(path)) });
    }
    server = await startServer({ store, staticDir: rendererDir });
  } catch (error) {
    store.catalog.dispose();
    await store.flush().catch(() => undefined);
    throw error;
  }
  const bookNote =
    `the book: ${BOOK_PAGES} pages, ${(book.bytes.length / 1e6).toFixed(1)} MB, made with pdf-lib from ` +
    `${book.sources} repeated in turn; attaching it took ${(bookAttachMs / 1000).toFixed(1)} s`;
  return { store, server, bookNote };
}
