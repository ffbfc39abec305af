import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { createPaper } from '../../electron/core/paper';
import { queryPage, queryPapers, sortPapers, type ListQuery } from '../../electron/core/query';
import type { Paper, Status } from '../../electron/core/schema';
import { Catalog } from '../../electron/core/search/catalog';
import { foldedWords, searchedFields } from '../../electron/core/search/tokenize';

/** Random papers and queries, and the plain reading of a text filter that the indexes must agree with. */

const WORDS = [
  'bayesian',
  'Bayes',
  'inference',
  'model',
  'models',
  'modal',
  'graph',
  'graphs',
  'neural',
  'network',
  'café',
  'Müller',
  'naïve',
  'Σίγμα',
  'ĳssel',
  'reading',
  'queue',
  'queues',
  'attention',
  'transformer',
  'x',
  'ab',
  'abc',
  'abcd',
  'abcde',
  '2401',
  '12345',
  'C++',
  'état',
  'Straße',
  'über',
  'rank',
];
const STATUSES: Status[] = ['inbox', 'queued', 'reading', 'read', 'dismissed'];
const TITLE_BITS = [
  'a',
  'A',
  'b',
  'Café',
  'cafe',
  'Part 2',
  'Part 10',
  '-dash',
  'zeta',
  'Éclair',
  'eclair',
  ' ',
  'x y',
];

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const words = (random: Random, n: number): string =>
  Array.from({ length: n }, () => pick(random, WORDS)).join(' ');

let counter = 0;
export function randomPaper(random: Random, id = `p${++counter}`): Paper {
  const at = new Date(Date.UTC(2024, 0, 1 + Math.floor(random() * 5))).toISOString();
  const paper = createPaper(
    {
      id,
      title: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, TITLE_BITS)).join(''),
      authors: [words(random, 2)],
      abstract: words(random, 6),
      note: random() < 0.3 ? words(random, 2) : '',
      tags: random() < 0.3 ? [pick(random, ['ml', 'ML', 'theory'])] : [],
      status: pick(random, STATUSES),
      rank: Math.floor(random() * 20),
      year: random() < 0.8 ? 2000 + Math.floor(random() * 5) : undefined,
      arxivId: random() < 0.2 ? `2401.${10000 + Math.floor(random() * 5)}` : undefined,
      createdAt: at,
      updatedAt: at,
    },
    { format: 'manual', name: pick(random, ['one', 'two']), importedAt: at },
    1,
    at,
  );
  if (random() < 0.2) {
    paper.annotations = [
      {
        id: `${id}-a`,
        target: 'abstract',
        quote: words(random, 1),
        prefix: '',
        suffix: '',
        start: 0,
        end: 1,
        color: 'yellow',
        comment: words(random, 1),
        createdAt: at,
        updatedAt: at,
      },
    ];
  }
  return paper;
}

/** A paper with only the text given: nothing else for a search to find. */
export function bare(random: Random, patch: Partial<Paper> & { id: string; title: string }): Paper {
  const paper: Paper = { ...randomPaper(random, patch.id) };
  delete paper.arxivId;
  return { ...paper, authors: [], abstract: '', note: '', tags: [], annotations: [], rank: ++counter, ...patch };
}

/** A query word as people type it: a whole word, a prefix, a typo, odd case or punctuation. */
export function randomQuery(random: Random): string {
  return Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
    const word = pick(random, WORDS);
    const r = random();
    if (r < 0.3) return word.slice(0, 1 + Math.floor(random() * word.length));
    if (r < 0.6 && word.length > 2) {
      const i = Math.floor(random() * (word.length - 1));
      const edits = [
        word.slice(0, i) + word.slice(i + 1),
        word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
        word.slice(0, i) + 'q' + word.slice(i + 1),
        word.slice(0, i) + 'e' + word.slice(i),
      ];
      return pick(random, edits);
    }
    return r < 0.8 ? word.toUpperCase() : `(${word},`;
  }).join(' ');
}

// ---- The reference: what a text filter means, written the slow, obvious way ----

function termsOf(paper: Paper): Set<string> {
  const terms = new Set<string>();
  searchedFields(paper, (text) => foldedWords(text).forEach((term) => terms.add(term)));
  return terms;
}

/** Damerau (optimal string alignment) distance is exactly 1: one insertion, deletion, change or swap. */
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

function wordMatches(term: string, word: string, typo: boolean): boolean {
  if (!typo) return term.startsWith(word);
  if (term.length !== word.length && oneEdit(term, word)) return true;
  return term.length >= word.length && oneEdit(term.slice(0, word.length), word);
}

export function referenceFilter(papers: readonly Paper[], query: ListQuery): Paper[] {
  const queryWords = query.text ? [...new Set(foldedWords(query.text))] : [];
  const terms = new Map(papers.map((paper) => [paper, termsOf(paper)]));
  const typo = queryWords.map(
    (word) =>
      word.length >= 5 &&
      !/\d/.test(word) &&
      !papers.some((paper) => [...terms.get(paper)!].some((term) => term.startsWith(word))),
  );
  const tag = query.tag?.toLowerCase();
  return papers.filter((paper) => {
    const status = query.status;
    if (status === 'unread' ? !['inbox', 'queued'].includes(paper.status) : status !== 'all' && paper.status !== status)
      return false;
    if (tag && !paper.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (query.source && paper.source.name !== query.source) return false;
    return queryWords.every((word, i) => [...terms.get(paper)!].some((term) => wordMatches(term, word, typo[i]!)));
  });
}

/**
 * What a search answers while its index is being built (TitleScan): the papers the query keeps whose title
 * or authors have, for every word, a word starting with it (as typed: no typos).
 */
export function referenceTitleFilter(papers: readonly Paper[], query: ListQuery): Paper[] {
  const queryWords = query.text ? [...new Set(foldedWords(query.text))] : [];
  return referenceFilter(papers, { ...query, text: undefined }).filter((paper) => {
    const own = foldedWords([paper.title, ...paper.authors].join(' '));
    return queryWords.every((word) => own.some((term) => term.startsWith(word)));
  });
}

export const query = (q: Partial<ListQuery>): ListQuery => ({ status: 'all', sort: 'queue', offset: 0, ...q });
export const ids = (papers: readonly Paper[]): string[] => papers.map((p) => p.id);

/**
 * The index file a twin's catalog writes at `cachePath` once its index is built, read back as bytes (the
 * catalog is disposed of): what a test of the cache's versions edits and offers again.
 */
export async function writtenIndexCache(twin: Twin, cachePath: string): Promise<Uint8Array> {
  twin.catalog.warmUp({ indexCache: cachePath });
  while (!twin.catalog.search.ready) await new Promise((resolve) => setImmediate(resolve));
  while (!twin.catalog.search.cacheWritten) await new Promise((resolve) => setImmediate(resolve));
  await twin.catalog.search.cacheWritten;
  twin.catalog.dispose();
  return new Uint8Array(await readFile(cachePath));
}

/** A library held both in a Catalog and in a plain Map, changed the same way in both. */
export class Twin {
  readonly catalog = new Catalog();
  readonly papers = new Map<string, Paper>();
  constructor(initial: Paper[]) {
    for (const paper of initial) this.papers.set(paper.id, paper);
    this.catalog.reset(this.papers.values());
  }
  insert(paper: Paper): void {
    this.papers.set(paper.id, paper);
    this.catalog.insert(paper);
  }
  replace(paper: Paper): void {
    this.papers.set(paper.id, paper);
    this.catalog.replace(paper);
  }
  remove(id: string): void {
    this.papers.delete(id);
    this.catalog.remove(id);
  }
  mutate(random: Random): void {
    const all = [...this.papers.values()];
    const r = random();
    if (r < 0.3 || all.length === 0) this.insert(randomPaper(random));
    else if (r < 0.45) this.remove(pick(random, all).id);
    else {
      const old = pick(random, all);
      const fresh = randomPaper(random, old.id);
      this.replace(random() < 0.5 ? fresh : { ...old, status: fresh.status, note: fresh.note, rank: fresh.rank });
    }
  }
  /** The catalog answers `q` as the reference does (`filter`: the whole reading, or a scan of titles). */
  expectQuery(q: ListQuery, filter = referenceFilter): void {
    const expected = sortPapers(filter([...this.papers.values()], q), q.sort, q.order);
    expect(ids(queryPapers(this.catalog, q)), JSON.stringify(q)).toEqual(ids(expected));
    const offset = expected.length % 7;
    const { total, page } = queryPage(this.catalog, { ...q, offset, limit: 5 });
    expect(total).toBe(expected.length);
    expect(ids(page)).toEqual(ids(expected.slice(offset, offset + 5)));
  }
}

export function randomListQuery(random: Random): ListQuery {
  return query({
    text: random() < 0.7 ? randomQuery(random) : undefined,
    status: pick(random, ['all', 'all', 'unread', 'read', 'inbox'] as const),
    tag: random() < 0.15 ? 'ml' : undefined,
    source: random() < 0.15 ? 'two' : undefined,
    sort: pick(random, ['queue', 'added', 'title', 'year', 'updated'] as const),
    order: pick(random, [undefined, 'asc', 'desc'] as const),
  });
}
