import { existsSync } from 'node:fs';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../electron/core/attachments/files';
import { loadPdfTextsOf } from '../../../electron/core/attachments/load-texts';
import { LibraryStore } from '../../../electron/core/store/store';
import { openTempStore, run, tempDir } from '../helpers';

/** The real PDFs of ../shared/pdfs (from PDF.js's test suite). */
const PDFS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'pdfs');
const pdf = (name: string) => join(PDFS, name);
const haveAll = existsSync(pdf('tracemonkey.pdf')) && existsSync(pdf('TAMReview.pdf'));

/*
 * A paper's second PDF (supplementary material, the published version of a preprint) is searched as its first is.
 * tracemonkey.pdf (14 pages) is the first; TAMReview.pdf (23 pages, a review whose last page names its editors,
 * "Kevin Crowston" among them) the second: "crowston" is in the second only, "doubles" in the first only.
 */

/** The papers a list search finds, and where the rows say it matched in their PDFs. */
async function search(store: LibraryStore, text: string) {
  const { rows } = await run(store, 'papers.rows', { text, offset: 0, limit: 50 });
  return rows.map((row) => ({ id: row.id, page: row.pdfMatch?.page, pdf: row.pdfMatch?.pdf?.name }));
}

async function paperWithBoth(store: LibraryStore) {
  const paper = await run(store, 'papers.add', { title: 'Some paper' });
  const first = await run(store, 'attachments.add', { paperId: paper.id, path: pdf('tracemonkey.pdf') });
  const second = await run(store, 'attachments.add', { paperId: paper.id, path: pdf('TAMReview.pdf') });
  return { id: paper.id, first: first.attachment.hash, second: second.attachment.hash };
}

describe.skipIf(!haveAll)("a paper's several PDFs", () => {
  it('are each searched, a passage naming the PDF it is in and the page in that PDF', async () => {
    const store = await openTempStore();
    const alone = await run(store, 'papers.add', { title: 'Another paper' });
    await run(store, 'attachments.add', { paperId: alone.id, path: pdf('tracemonkey.pdf') });
    const { id, second } = await paperWithBoth(store);
    expect(await search(store, 'crowston')).toEqual([{ id, page: 23, pdf: 'TAMReview.pdf' }]);
    // A quoted phrase too, and the row's passage is the second PDF's, the words marked.
    const { rows } = await run(store, 'papers.rows', { text: '"Kevin Crowston"', offset: 0, limit: 50 });
    expect(rows.map((row) => row.id)).toEqual([id]);
    const match = rows[0]!.pdfMatch!;
    expect(match).toMatchObject({ page: 23, pdf: { hash: second, name: 'TAMReview.pdf' } });
    const marked = match.snippet.marks.map(([from, to]) => match.snippet.text.slice(from, to));
    expect(marked).toEqual(['Kevin Crowston']);
    // The first PDF's words are found in it, named too; a paper with one PDF says "the PDF" (no name).
    const doubles = await search(store, 'doubles');
    expect(doubles).toContainEqual({ id, page: 5, pdf: 'tracemonkey.pdf' });
    expect(doubles).toContainEqual({ id: alone.id, page: 5, pdf: undefined });
  });

  it('lose the text of the one removed, and keep the others', async () => {
    const store = await openTempStore();
    const a = await paperWithBoth(store);
    await run(store, 'attachments.remove', { paperId: a.id, hash: a.second });
    expect(await search(store, 'crowston')).toEqual([]);
    // One PDF left: its passage says "the PDF" again.
    expect(await search(store, 'doubles')).toEqual([{ id: a.id, page: 5, pdf: undefined }]);

    const b = await paperWithBoth(store);
    await run(store, 'attachments.remove', { paperId: b.id, hash: b.first });
    expect(await search(store, 'crowston')).toEqual([{ id: b.id, page: 23, pdf: undefined }]);
    expect(await search(store, 'doubles')).toEqual([{ id: a.id, page: 5, pdf: undefined }]);
    // Attached again, the first comes after the second, and both are searched.
    await run(store, 'attachments.add', { paperId: b.id, path: pdf('tracemonkey.pdf') });
    expect(await search(store, 'crowston')).toEqual([{ id: b.id, page: 23, pdf: 'TAMReview.pdf' }]);
    expect(await search(store, 'doubles')).toContainEqual({ id: b.id, page: 5, pdf: 'tracemonkey.pdf' });
  });

  it('lose the text of a PDF detached elsewhere (a paper replaced as sync merges it)', async () => {
    const store = await openTempStore();
    const { id, first } = await paperWithBoth(store);
    const paper = store.get(id)!;
    store.replace({ ...paper, attachments: paper.attachments!.filter((a) => a.hash !== first) });
    expect(await search(store, 'doubles')).toEqual([]);
    expect(await search(store, 'crowston')).toEqual([{ id, page: 23, pdf: undefined }]);
    store.replace({ ...paper, attachments: [] });
    expect(await search(store, 'crowston')).toEqual([]);
  });

  it('are all found again by a fresh start, from the text cache, or extracted again where it was lost', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const { id, second } = await paperWithBoth(store);
    await store.flush();

    const reopened = await LibraryStore.open(dir);
    // From the cache: a search waits for it, not for the extraction of lost texts.
    await reopened.pdfTextsCached;
    expect(await search(reopened, 'crowston')).toEqual([{ id, page: 23, pdf: 'TAMReview.pdf' }]);
    expect(await search(reopened, 'doubles')).toEqual([{ id, page: 5, pdf: 'tracemonkey.pdf' }]);
    await reopened.pdfTextsLoaded;
    await reopened.flush();

    // The second PDF's cached text lost: read again from the PDF.
    await rm(join(dir, 'attachments', 'text', `${second}.json`));
    const again = await LibraryStore.open(dir);
    await again.pdfTextsLoaded;
    expect(await search(again, 'crowston')).toEqual([{ id, page: 23, pdf: 'TAMReview.pdf' }]);
    expect(await search(again, 'doubles')).toEqual([{ id, page: 5, pdf: 'tracemonkey.pdf' }]);
    await again.flush();
  });

  it('include a second PDF that arrives later (from the sync folder)', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const { id, second } = await paperWithBoth(store);
    await store.flush();
    // This device has the paper's record but not yet the second PDF's file, nor its text.
    const file = join(dir, 'attachments', `${second}.pdf`);
    const aside = join(await tempDir(), 'second.pdf');
    await copyFile(file, aside);
    await rm(file);
    await rm(join(dir, 'attachments', 'text', `${second}.json`));
    const device = await LibraryStore.open(dir);
    await device.pdfTextsLoaded;
    expect(await search(device, 'crowston')).toEqual([]);
    expect(sha256(await readFile(aside))).toBe(second);
    await copyFile(aside, file);
    await loadPdfTextsOf(device, new Set([second]));
    expect(await search(device, 'crowston')).toEqual([{ id, page: 23, pdf: 'TAMReview.pdf' }]);
    expect(await search(device, 'doubles')).toEqual([{ id, page: 5, pdf: 'tracemonkey.pdf' }]);
    await device.flush();
  });
});

describe("a paper's PDFs behind a long one", () => {
  it("are read for the row's passage and for a phrase from their own start, not the first PDF's", async () => {
    const store = await openTempStore();
    const added = await run(store, 'papers.add', { title: 'A book and its errata' });
    const attachment = (name: string) => ({
      hash: sha256(Buffer.from(name)),
      name,
      size: 1000,
      pages: 1,
      attachedAt: '2026-01-01T00:00:00.000Z',
    });
    const [book, errata] = [attachment('book.pdf'), attachment('errata.pdf')];
    store.replace({ ...store.get(added.id)!, attachments: [book, errata] });
    // Some 2 MB of text first: past the bytes a row or a phrase reads of one PDF.
    const pages = Array.from({ length: 400 }, (_, i) => `Page ${i + 1}. ${'Lorem ipsum dolor sit amet. '.repeat(180)}`);
    store.setPdfParts(added.id, [
      { hash: book.hash, pages },
      { hash: errata.hash, pages: ['Corrections.', 'On page 12 the marmoset should read tamarin.'] },
    ]);
    for (const text of ['marmoset', '"marmoset should read"']) {
      const { rows } = await run(store, 'papers.rows', { text, offset: 0, limit: 50 });
      expect(rows.map((row) => row.pdfMatch)).toEqual([
        {
          page: 2,
          pdf: { hash: errata.hash, name: 'errata.pdf' },
          snippet: expect.objectContaining({ text: 'On page 12 the marmoset should read tamarin.' }) as unknown,
        },
      ]);
    }
    await store.flush();
  });
});
