import { z } from 'zod';
import { isUnread } from './paper';
import { STATUSES, type Paper } from './schema';
import { foldText } from './text';

export const LIST_STATUSES = [...STATUSES, 'unread', 'all'] as const;
export const SORTS = ['queue', 'added', 'title', 'year', 'updated'] as const;

export const ListQuerySchema = z.strictObject({
  /** A status, "unread" (inbox and queued) or "all". */
  status: z.enum(LIST_STATUSES).default('all'),
  tag: z.string().max(200).optional(),
  /** Source name (a digest's date label or a file name). */
  source: z.string().max(500).optional(),
  /** Every word must appear in the title, authors, abstract, note or an annotation. */
  text: z.string().max(1000).optional(),
  sort: z.enum(SORTS).default('queue'),
  order: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1_000_000).optional(),
});
export type ListQuery = z.output<typeof ListQuerySchema>;

/** Folded search text per paper object; papers are replaced, never mutated, so entries never go stale. */
const haystacks = new WeakMap<Paper, string>();

function haystack(paper: Paper): string {
  let text = haystacks.get(paper);
  if (text === undefined) {
    const parts = [paper.title, paper.authors.join(' '), paper.abstract, paper.note, paper.tags.join(' ')];
    for (const a of paper.annotations) parts.push(a.comment, a.quote);
    if (paper.arxivId) parts.push(paper.arxivId);
    text = ` ${foldText(parts.join(' '))} `;
    haystacks.set(paper, text);
  }
  return text;
}

export function matchesText(paper: Paper, words: readonly string[]): boolean {
  const text = haystack(paper);
  // A word matches at the start of a word in the text, so "bayes" finds "Bayesian".
  return words.every((word) => text.includes(` ${word}`));
}

export function filterPapers(papers: Iterable<Paper>, query: ListQuery): Paper[] {
  const words = query.text ? foldText(query.text).split(' ').filter(Boolean) : [];
  const tag = query.tag?.toLowerCase();
  const out: Paper[] = [];
  for (const paper of papers) {
    if (query.status === 'unread' ? !isUnread(paper.status) : query.status !== 'all' && paper.status !== query.status) {
      continue;
    }
    if (tag && !paper.tags.some((t) => t.toLowerCase() === tag)) continue;
    if (query.source && paper.source.name !== query.source) continue;
    if (words.length && !matchesText(paper, words)) continue;
    out.push(paper);
  }
  return out;
}

const DEFAULT_ORDER: Record<ListQuery['sort'], 'asc' | 'desc'> = {
  queue: 'asc',
  added: 'desc',
  title: 'asc',
  year: 'desc',
  updated: 'desc',
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortPapers(papers: Paper[], sort: ListQuery['sort'], order?: 'asc' | 'desc'): Paper[] {
  const direction = (order ?? DEFAULT_ORDER[sort]) === 'asc' ? 1 : -1;
  const byRank = (a: Paper, b: Paper) => a.rank - b.rank;
  const compare: Record<ListQuery['sort'], (a: Paper, b: Paper) => number> = {
    queue: byRank,
    added: (a, b) => cmp(a.createdAt, b.createdAt),
    updated: (a, b) => cmp(a.updatedAt, b.updatedAt),
    title: (a, b) => collator.compare(a.title, b.title),
    year: (a, b) => (a.year ?? 0) - (b.year ?? 0),
  };
  const primary = compare[sort];
  return papers.sort((a, b) => primary(a, b) * direction || byRank(a, b));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
