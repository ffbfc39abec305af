import type { ListStatus, PaperRow, Status, View } from './store/types';
import { plainTitle } from './tex-plain';

export const STATUS_VIEWS: { status: ListStatus; label: string; hint: string }[] = [
  { status: 'inbox', label: 'Inbox', hint: 'New, not yet triaged' },
  { status: 'queued', label: 'Queue', hint: 'Kept to read' },
  { status: 'reading', label: 'Reading', hint: 'In progress' },
  { status: 'read', label: 'Read', hint: 'Done' },
  { status: 'dismissed', label: 'Dismissed', hint: 'Not for you' },
  { status: 'all', label: 'All papers', hint: 'Everything imported' },
];

export const STATUS_LABEL: Record<Status, string> = {
  inbox: 'Inbox',
  queued: 'Queued',
  reading: 'Reading',
  read: 'Read',
  dismissed: 'Dismissed',
};

export function viewTitle(view: View): string {
  if (view.kind === 'source') return view.name;
  if (view.kind === 'tag') return `#${view.tag}`;
  if (view.kind === 'stats') return 'Reading stats';
  return STATUS_VIEWS.find((v) => v.status === view.status)?.label ?? 'Papers';
}

export const sameView = (a: View, b: View): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Made on first use, not as the module loads: the first date format a page makes loads the locale's data
 * (about 40 ms), which held up the page's first script's request for the rows (first-paint/index.ts).
 */
let dateFormat: Intl.DateTimeFormat | undefined;
export const formatDate = (iso: string): string =>
  (dateFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' })).format(
    new Date(iso),
  );

/** "A. Author, B. Author et al." */
export function shortAuthors(authors: string[], count = authors.length): string {
  return authorLine(authors, count).text;
}

/** Authors a row names: the first two. */
const SHOWN_AUTHORS = 2;
/** Matched authors a row names past the first two. */
const NAMED_PAST = 2;

/**
 * A row's author line with the authors a search matched (the core's match.authors) named and marked: the
 * first two, then each matched one past them, "…" where authors are skipped and "et al." when some follow
 * ("Smith, Lee … Chen et al."). `marks`: [start, end) of the matched words in `text`.
 */
export function authorLine(
  authors: readonly string[],
  count = authors.length,
  matched: readonly { at: number; name: string; marks: readonly (readonly [number, number])[] }[] = [],
): { text: string; marks: [number, number][] } {
  const named = new Map<number, { name: string; marks: readonly (readonly [number, number])[] }>();
  for (let at = 0; at < Math.min(SHOWN_AUTHORS, count, authors.length); at++)
    named.set(at, { name: authors[at]!, marks: [] });
  let past = 0;
  for (const author of matched) {
    if (author.at >= count) continue;
    if (author.at >= SHOWN_AUTHORS && past++ >= NAMED_PAST) break;
    named.set(author.at, author);
  }
  let text = '';
  const marks: [number, number][] = [];
  let last = -1;
  for (const [at, { name, marks: own }] of [...named].sort((a, b) => a[0] - b[0])) {
    if (last >= 0) text += at === last + 1 ? ', ' : ' … ';
    for (const [s, e] of own) marks.push([text.length + s, text.length + e]);
    text += name;
    last = at;
  }
  if (last >= 0 && last < count - 1) text += ' et al.';
  return { text, marks };
}

/**
 * What a screen reader says for a row of the list: the title, the status, and what the person added
 * ("Attention Is All You Need, Queued, has note, 2 highlights, PDF"), its math as Unicode (tex-plain.ts).
 */
export function rowLabel(paper: Pick<PaperRow, 'title' | 'status' | 'hasNote' | 'highlights' | 'pdf'>): string {
  const parts = [plainTitle(paper.title) || 'Untitled', STATUS_LABEL[paper.status]];
  if (paper.hasNote) parts.push('has note');
  if (paper.highlights > 0) parts.push(paper.highlights === 1 ? '1 highlight' : `${paper.highlights} highlights`);
  if (paper.pdf) parts.push('PDF');
  return parts.join(', ');
}
