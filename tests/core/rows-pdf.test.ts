import { describe, expect, it } from 'vitest';
import { queryPage, type ListQuery } from '../../electron/core/query';
import { searchedRows, toRow } from '../../electron/core/rows';
import type { Paper } from '../../electron/core/schema';
import { matchWords } from '../../electron/core/search/snippet';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run } from './helpers';

const HASH = 'c'.repeat(64);
const marked = (text: string, marks: [number, number][]) => marks.map(([s, e]) => text.slice(s, e));
const listQuery = (q: Partial<ListQuery>): ListQuery => ({ status: 'all', sort: 'queue', offset: 0, ...q });

/** Attach a PDF of `pages` pages to a paper (as the attachment store records it), with pages read if given. */
function attach(store: LibraryStore, id: string, pages: number, furthest?: number): Paper {
  const paper = store.get(id)!;
  const at = paper.createdAt;
  const next: Paper = {
    ...paper,
    attachments: [{ hash: HASH, name: 'paper.pdf', size: 1000, pages, attachedAt: at }],
    ...(furthest && {
      progress: { attachment: HASH, page: furthest, offset: 0, furthest, pages, seen: '', days: [], updatedAt: at },
    }),
  };
  store.replace(next);
  return next;
}

/** The rows papers.rows gives the list for a search: its page, then each row's matches. */
function rowsFor(store: LibraryStore, text: string) {
  const result = queryPage(store.catalog, listQuery({ text, limit: 200 }));
  return searchedRows(store.catalog, result, matchWords(text));
}

describe('list rows of papers with PDFs', () => {
  it('say how many pages the PDF has and how far it has been read', async () => {
    const store = await openTempStore();
    const plain = await run(store, 'papers.add', { title: 'No PDF here' });
    const fresh = await run(store, 'papers.add', { title: 'A PDF not opened yet' });
    const begun = await run(store, 'papers.add', { title: 'A PDF half read' });
    attach(store, fresh.id, 14);
    attach(store, begun.id, 14, 7);
    const { rows } = await run(store, 'papers.rows', {});
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(plain.id)!.pdf).toBeUndefined();
    expect(byId.get(fresh.id)!.pdf).toEqual({ pages: 14 });
    expect(byId.get(begun.id)!.pdf).toEqual({ pages: 14, furthest: 7 });
    // Progress in another PDF than the one the reader opens says nothing about this one.
    const other = {
      ...store.get(begun.id)!,
      progress: { ...store.get(begun.id)!.progress!, attachment: 'd'.repeat(64) },
    };
    expect(toRow(other).pdf).toEqual({ pages: 14 });
  });

  it('say where a search matched only in the PDF: the page, and the passage with the words marked', async () => {
    const store = await openTempStore();
    const inTitle = await run(store, 'papers.add', { title: 'Walrus migration' });
    const inPdf = await run(store, 'papers.add', { title: 'Arctic fauna', abstract: 'Seals and their kin.' });
    const half = await run(store, 'papers.add', { title: 'Tusks of the walrus', abstract: 'Ivory.' });
    attach(store, inPdf.id, 3);
    attach(store, half.id, 1);
    store.catalog.setPdfText(inPdf.id, [
      'Introduction.\nNothing here.',
      'Methods. We counted every\nWalrus on the ice ﬂoe, and the walruses’ calves.',
      'The walrus again, later.',
    ]);
    store.catalog.setPdfText(half.id, ['Walrus tusks are ivory; a ﬂoe.']);

    const rows = rowsFor(store, 'walrus floe');
    expect(rows.map((row) => row.id)).toEqual([inPdf.id, half.id]);
    const [pdfRow, halfRow] = rows;
    expect(pdfRow!.pdfMatch?.page).toBe(2);
    const snippet = pdfRow!.pdfMatch!.snippet;
    expect(snippet.text).toBe('Methods. We counted every Walrus on the ice floe, and the walruses’ calves.');
    expect(marked(snippet.text, snippet.marks)).toEqual(['Walrus', 'floe', 'walruses']);
    expect(pdfRow!.match).toEqual({ titleMarks: [] });
    // One word in the title and both in the PDF: a PDF match, with the title's word marked too.
    expect(halfRow!.pdfMatch?.page).toBe(1);
    expect(marked(half.title, halfRow!.match!.titleMarks)).toEqual(['walrus']);

    // Papers that match in their own fields come first and show where, as before, with no PDF match.
    const walrus = rowsFor(store, 'walrus');
    expect(walrus.map((row) => row.id)).toEqual([inTitle.id, half.id, inPdf.id]);
    expect(walrus[0]!.pdfMatch).toBeUndefined();
    expect(walrus[1]!.pdfMatch).toBeUndefined();
    expect(walrus[2]!.pdfMatch?.page).toBe(2);
    // The list's count counts them all, through papers.rows.
    const listed = await run(store, 'papers.rows', { text: 'walrus', limit: 200 });
    expect(listed.total).toBe(3);
    expect(listed.rows.map((row) => row.id)).toEqual([inTitle.id, half.id, inPdf.id]);
  });

  it('mark the word a typo found in a PDF, in a passage from the start of its page', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Sea mammals' });
    attach(store, paper.id, 2);
    store.catalog.setPdfText(paper.id, ['Cover page.', 'Pinnipeds include seals and the walrus.']);
    store.catalog.pdfSearch.startBuild();
    store.catalog.pdfSearch.step(Infinity);
    const [row] = rowsFor(store, 'pinipeds');
    // The word the typo found is marked (as in the other fields), the passage from the page's start.
    expect(row!.pdfMatch).toEqual({
      page: 2,
      snippet: { text: 'Pinnipeds include seals and the walrus.', marks: [[0, 9]] },
    });
  });

  it('find words written with accents, ligatures or capitals in the PDF', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Untitled' });
    attach(store, paper.id, 3);
    store.catalog.setPdfText(paper.id, ['nothing', 'A NAÏVE ﬁrst try at Müller’s method.', 'naive']);
    for (const [text, words] of [
      ['naive first', ['NAÏVE', 'first']],
      ['muller', ['Müller']],
    ] as const) {
      const [row] = rowsFor(store, text);
      const snippet = row!.pdfMatch!.snippet;
      expect(row!.pdfMatch!.page).toBe(2);
      expect(marked(snippet.text, snippet.marks)).toEqual(words);
    }
  });
});

describe('searched rows', () => {
  it('read each abstract once, for the preview and the passage (a large library reads them back from a file)', async () => {
    const store = await openTempStore();
    const reads = new Map<string, number>();
    for (let i = 0; i < 5; i++) {
      const { id } = await run(store, 'papers.add', {
        title: `Walrus survey ${i}`,
        abstract: `Counting walruses on the ice, season ${i}: a census of haul-outs.`,
      });
      // The paper as a shelved one is: its abstract a getter that reads it again each time.
      const paper = { ...store.get(id)! };
      const abstract = paper.abstract;
      Object.defineProperty(paper, 'abstract', {
        enumerable: true,
        get: () => {
          reads.set(id, (reads.get(id) ?? 0) + 1);
          return abstract;
        },
      });
      store.replace(paper);
    }
    // The index takes the papers' new text on its next search (one that shows no row, so none is kept).
    expect(rowsFor(store, 'narwhal')).toHaveLength(0);
    for (const id of reads.keys()) reads.set(id, 0);
    // "censsu" is read as a typo of "census": the passage marks it, which reads the abstract for typos too.
    const rows = rowsFor(store, 'walrus censsu');
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect(row.preview).toMatch(/^Counting walruses on the ice/);
      expect(row.match?.passage?.field).toBe('abstract');
      expect(reads.get(row.id)).toBe(1);
    }
  });
});
