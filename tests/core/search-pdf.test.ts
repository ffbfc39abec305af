import { beforeAll, describe, expect, it } from 'vitest';
import { searchableText } from '../../electron/core/pdf/page-text';
import { queryPage, queryPapers, sortPapers, type ListQuery } from '../../electron/core/query';
import type { Paper } from '../../electron/core/schema';
import { Catalog } from '../../electron/core/search/catalog';
import { foldedWords, searchedFields } from '../../electron/core/search/tokenize';
import { seeded } from './helpers';
import { pdfPages as extractedPages } from './pdf/files';
import { bare, ids, pick, query, randomListQuery, randomPaper, randomQuery, referenceFilter } from './search-reference';
import type { Random } from './search-reference';

let tracemonkey: string[] = [];
beforeAll(async () => {
  tracemonkey = await extractedPages('tracemonkey.pdf');
}, 60_000);

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A catalog over `papers`, and a PDF text for some of them. */
function catalogOf(papers: Paper[], texts: Record<string, string[]> = {}): Catalog {
  const catalog = new Catalog();
  catalog.reset(papers);
  for (const [id, pages] of Object.entries(texts)) catalog.setPdfText(id, pages);
  return catalog;
}

const find = (catalog: Catalog, text: string, q: Partial<ListQuery> = {}) =>
  ids(queryPapers(catalog, query({ text, ...q })));

describe('search in the text of PDFs', () => {
  it('finds a word only in a paper’s PDF after the papers with it in their fields, with the page', () => {
    const random = seeded(31);
    const paper = (id: string, rank: number, patch: Partial<Paper> & { title: string }): Paper =>
      bare(random, { id, rank, status: 'queued', ...patch });
    const papers = [
      paper('tm', 1, { title: 'Trace-based just-in-time type specialization' }),
      paper('title', 3, { title: 'Nanojit and friends' }),
      paper('abstract', 2, { title: 'A compiler', abstract: 'We extend nanojit.' }),
      paper('none', 0, { title: 'Unrelated' }),
    ];
    const catalog = catalogOf(papers, { tm: tracemonkey });
    // The paper names its compiler, NANOJIT, on pages 7, 8 and 11.
    const pagesWith = (word: RegExp) =>
      tracemonkey.flatMap((page, i) => (word.test(searchableText(page)) ? [i + 1] : []));
    expect(pagesWith(/nanojit/i)).toEqual([7, 8, 11]);
    expect(find(catalog, 'nanojit')).toEqual(['abstract', 'title', 'tm']);
    expect(find(catalog, 'nanojit', { sort: 'title' })).toEqual(['abstract', 'title', 'tm']);
    expect(find(catalog, 'nanojit', { sort: 'title', order: 'desc' })).toEqual(['title', 'abstract', 'tm']);
    expect(find(catalog, 'nanojit', { status: 'inbox' })).toEqual([]);
    const result = queryPage(catalog, query({ text: 'nanojit', limit: 200 }));
    expect(result.total).toBe(3);
    expect(result.pdfFrom).toBe(2);
    // Before the background has built the PDF index, the page is found by reading; after, the index knows it.
    expect(result.pdfPages[0]).toBe(0);
    catalog.pdfSearch.startBuild();
    catalog.pdfSearch.step(Infinity);
    expect(queryPage(catalog, query({ text: 'nanojit', limit: 200 })).pdfPages).toEqual([7]);
    // The page of the rarest word: "equilibrium" is only on page 5.
    expect(queryPage(catalog, query({ text: 'trace equilibrium' })).pdfPages).toEqual([5]);
    // Words mean every word: all of them in the fields, or all of them in the PDF.
    expect(find(catalog, 'nanojit compiler')).toEqual(['abstract', 'tm']);
    expect(find(catalog, 'nanojit friends')).toEqual(['title']);
    expect(find(catalog, 'luajit equilibrium')).toEqual(['tm']);
    // The count and the pages of a list count both kinds.
    const page = queryPage(catalog, query({ text: 'nanojit', offset: 1, limit: 1 }));
    expect({ total: page.total, ids: ids(page.page), pdfFrom: page.pdfFrom }).toEqual({
      total: 3,
      ids: ['title'],
      pdfFrom: 1,
    });
    const last = queryPage(catalog, query({ text: 'nanojit', offset: 2, limit: 5 }));
    expect({ ids: ids(last.page), pdfFrom: last.pdfFrom, pages: last.pdfPages }).toEqual({
      ids: ['tm'],
      pdfFrom: 0,
      pages: [7],
    });
  });

  it('reads ligatures and words broken across lines as they are read', async () => {
    const ligatures = await extractedPages('copy_paste_ligatures.pdf');
    expect(ligatures.join('')).toContain('ﬁ');
    const random = seeded(32);
    const catalog = catalogOf([bare(random, { id: 'lig', title: 'One' }), bare(random, { id: 'made', title: 'Two' })], {
      lig: ligatures,
      made: ['A ﬁne eﬀort, e-\nvery day.', 'Dy-\nnamic lan-\nguages, state-\nof-the-art.'],
    });
    expect(find(catalog, 'fine')).toEqual(['made']);
    expect(find(catalog, 'effort every')).toEqual(['made']);
    expect(find(catalog, 'dynamic languages')).toEqual(['made']);
    expect(find(catalog, 'abcdefffffiflffifflststghijklmno')).toEqual(['lig']);
    expect(queryPage(catalog, query({ text: 'languages' })).pdfPages).toEqual([0]);
  });

  it('keeps a paper’s PDF text when the paper is replaced, and drops it when it or the text goes', () => {
    const random = seeded(33);
    const paper = bare(random, { id: 'p', title: 'Paper', status: 'inbox', rank: 1 });
    const other = bare(random, { id: 'q', title: 'Other', status: 'inbox', rank: 2 });
    const catalog = catalogOf([paper, other], { p: ['zebra crossing'], q: ['zebra stripes'] });
    expect(find(catalog, 'zebra')).toEqual(['p', 'q']);
    catalog.replace({ ...paper, title: 'Paper, renamed', status: 'read' });
    expect(find(catalog, 'zebra crossing')).toEqual(['p']);
    expect(find(catalog, 'renamed')).toEqual(['p']);
    catalog.setPdfText('p', undefined);
    expect(find(catalog, 'zebra')).toEqual(['q']);
    expect(catalog.papersWithPdfText).toBe(1);
    catalog.remove('q');
    expect(find(catalog, 'zebra')).toEqual([]);
    expect(catalog.papersWithPdfText).toBe(0);
    // A new paper in the freed ordinal has no text of the one before.
    catalog.insert(bare(random, { id: 'r', title: 'New' }));
    expect(find(catalog, 'stripes')).toEqual([]);
    // Text for a paper that is not there (removed while its text was read) is ignored.
    catalog.setPdfText('q', ['zebra']);
    expect(find(catalog, 'zebra')).toEqual([]);
    catalog.setPdfText('r', ['zebra again']);
    expect(find(catalog, 'zebra')).toEqual(['r']);
  });

  it('keeps the PDF text of papers still there with a PDF when the catalog starts over', async () => {
    const random = seeded(34);
    const attached = (paper: Paper): Paper => ({
      ...paper,
      attachments: [{ hash: 'a'.repeat(64), name: 'x.pdf', size: 1, pages: 1, attachedAt: paper.createdAt }],
    });
    const a = attached(bare(random, { id: 'a', title: 'A' }));
    const b = bare(random, { id: 'b', title: 'B' });
    const c = attached(bare(random, { id: 'c', title: 'C' }));
    const catalog = catalogOf([a, b, c], { a: ['walrus'], b: ['walrus'], c: ['walrus'] });
    catalog.reset([c, bare(random, { id: 'd', title: 'D' }), a, b]);
    expect(catalog.papersWithPdfText).toBe(2);
    while (catalog.pdfSearch.building) await tick();
    expect(find(catalog, 'walrus')).toEqual(['a', 'c']);
  });

  it('builds nothing and answers as before while no paper has PDF text', () => {
    const random = seeded(35);
    const papers = Array.from({ length: 50 }, () => randomPaper(random));
    const catalog = catalogOf(papers);
    for (let i = 0; i < 30; i++) {
      const q = randomListQuery(random);
      const expected = sortPapers(referenceFilter(papers, q), q.sort, q.order);
      expect(ids(queryPapers(catalog, q))).toEqual(ids(expected));
      // A page from an offset, and the count past it (a walk that stops once the page is full).
      const offset = expected.length % 3;
      const page = queryPage(catalog, { ...q, offset, limit: 10 });
      expect(page.total).toBe(expected.length);
      expect(ids(page.page)).toEqual(ids(expected.slice(offset, offset + 10)));
      expect(page.pdfFrom).toBe(page.page.length);
    }
    expect(catalog.pdfSearch.ready).toBe(false);
  });

  it('answers like a plain reading of every field and every PDF, as texts come, change and go', async () => {
    const random = seeded(36);
    const twin = new PdfTwin(Array.from({ length: 120 }, () => randomPaper(random)));
    for (let round = 0; round < 400; round++) {
      twin.mutate(random);
      if (round % 5 === 0) twin.expectQuery(randomPdfQuery(random));
      // Let the background read texts, and now and then rebuild, between changes.
      if (round % 7 === 0) await tick();
      if (round % 97 === 0) twin.catalog.pdfSearch.startBuild();
    }
    while (twin.catalog.pdfSearch.building) await tick();
    for (let i = 0; i < 40; i++) twin.expectQuery(randomPdfQuery(random));
  });

  it('indexes many PDFs in the background, and a search meanwhile reads only a few of them', async () => {
    const random = seeded(37);
    const papers = Array.from({ length: 300 }, () => randomPaper(random));
    const twin = new PdfTwin(papers);
    twin.setText(papers[0]!.id, pdfPages(random, 2));
    // Forty PDFs of 10,000 characters: more than a search reads before it answers.
    for (const paper of papers.slice(1, 41)) twin.setText(paper.id, pdfPages(random, 2, 5000));
    const search = twin.catalog.pdfSearch;
    queryPapers(twin.catalog, query({ text: 'queue' }));
    expect(search.unread).toBeGreaterThan(10);
    expect(search.unread).toBeLessThan(41);
    while (search.unread > 0) await tick();
    for (let i = 0; i < 10; i++) twin.expectQuery(randomPdfQuery(random));
    // Once changes pause, a rebuild folds them into the index proper, in the background.
    while (search.building || search.pendingChanges > 0) await tick();
    expect(search.stats().postings).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) twin.expectQuery(randomPdfQuery(random));
  });
});

// ---- A library with PDF texts, and the plain reading of a search that must agree with the catalog ----

const PDF_WORDS = ['ﬁne', 'eﬀort', 'queue', 'Bayes', 'zebra', 'walrus', 'naïve', 'graph', 'modal', 'tracing'];

function pdfPages(random: Random, count: number, chars = 60): string[] {
  return Array.from({ length: count }, () => {
    let page = '';
    while (page.length < chars) {
      const word = random() < 0.5 ? pick(random, PDF_WORDS) : randomQuery(random);
      page += random() < 0.1 && word.length > 3 ? `${word.slice(0, 2)}-\n${word.slice(2)} ` : `${word}\n`;
    }
    return page;
  });
}

function randomPdfQuery(random: Random): ListQuery {
  const q = randomListQuery(random);
  return { ...q, text: random() < 0.5 ? pick(random, PDF_WORDS) : (q.text ?? pick(random, PDF_WORDS)) };
}

class PdfTwin {
  readonly catalog = new Catalog();
  readonly papers = new Map<string, Paper>();
  /** Each PDF's words, as the plain reading sees them. */
  readonly texts = new Map<string, Set<string>>();

  constructor(initial: Paper[]) {
    for (const paper of initial) this.papers.set(paper.id, paper);
    this.catalog.reset(this.papers.values());
  }

  setText(id: string, pages: string[] | undefined): void {
    if (!this.papers.has(id)) return;
    if (pages) this.texts.set(id, new Set(pages.flatMap((page) => foldedWords(searchableText(page)))));
    else this.texts.delete(id);
    this.catalog.setPdfText(id, pages);
  }

  mutate(random: Random): void {
    const all = [...this.papers.values()];
    const r = random();
    const some = pick(random, all);
    if (r < 0.35) this.setText(some.id, pdfPages(random, 1 + Math.floor(random() * 3)));
    else if (r < 0.45) this.setText(some.id, undefined);
    else if (r < 0.55) {
      const paper = randomPaper(random);
      this.papers.set(paper.id, paper);
      this.catalog.insert(paper);
    } else if (r < 0.65 && all.length > 20) {
      this.papers.delete(some.id);
      this.texts.delete(some.id);
      this.catalog.remove(some.id);
    } else {
      const fresh = randomPaper(random, some.id);
      const next = random() < 0.5 ? fresh : { ...some, status: fresh.status, rank: fresh.rank };
      this.papers.set(next.id, next);
      this.catalog.replace(next);
    }
  }

  /** Papers with every word in their fields first, then those with every word in their PDF only. */
  expectQuery(q: ListQuery): void {
    const papers = [...this.papers.values()];
    const { inFields, inPdf } = referenceSearch(papers, this.texts, q);
    const expected = [...sortPapers(inFields, q.sort, q.order), ...sortPapers(inPdf, q.sort, q.order)];
    expect(ids(queryPapers(this.catalog, q)), JSON.stringify(q)).toEqual(ids(expected));
    const offset = expected.length % 7;
    const result = queryPage(this.catalog, { ...q, offset, limit: 5 });
    expect(result.total).toBe(expected.length);
    expect(ids(result.page)).toEqual(ids(expected.slice(offset, offset + 5)));
    expect(result.pdfFrom).toBe(Math.max(0, Math.min(5, inFields.length - offset)));
  }
}

/**
 * The plain reading of a search with PDFs: a paper's fields have every word (a prefix of one of their
 * words), or else its PDF's text has every word. A word of five letters or more that starts no word
 * anywhere, fields or PDFs, matches one typo away.
 */
function referenceSearch(papers: readonly Paper[], pdfTerms: Map<string, Set<string>>, q: ListQuery) {
  const words = [...new Set(foldedWords(q.text ?? ''))];
  const fieldTerms = new Map(papers.map((paper) => [paper, termsOf(paper)]));
  const all = new Set([...fieldTerms.values(), ...pdfTerms.values()].flatMap((set) => [...set]));
  const typo = words.map((word) => word.length >= 5 && !/\d/.test(word) && ![...all].some((t) => t.startsWith(word)));
  const has = (terms: Set<string> | undefined): boolean => {
    if (!terms) return false;
    return words.every((word, i) => {
      for (const term of terms) if (matches(term, word, typo[i]!)) return true;
      return false;
    });
  };
  const selected = referenceFilter(papers, { ...q, text: undefined });
  const inFields = selected.filter((paper) => has(fieldTerms.get(paper)));
  const found = new Set(inFields);
  const inPdf = selected.filter((paper) => !found.has(paper) && has(pdfTerms.get(paper.id)));
  return { inFields, inPdf };
}

function termsOf(paper: Paper): Set<string> {
  const terms = new Set<string>();
  searchedFields(paper, (text) => foldedWords(text).forEach((term) => terms.add(term)));
  return terms;
}

function matches(term: string, word: string, typo: boolean): boolean {
  if (!typo) return term.startsWith(word);
  if (term.length !== word.length && oneEdit(term, word)) return true;
  return term.length >= word.length && oneEdit(term.slice(0, word.length), word);
}

function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    return (
      diff.length === 1 ||
      (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]] && a[diff[1]] === b[diff[0]!])
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
