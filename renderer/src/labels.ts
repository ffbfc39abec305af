import type { ListStatus, PaperRow, Status, View } from './store/types';

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

const dateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });
export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));

/** "A. Author, B. Author et al." */
export function shortAuthors(authors: string[], count = authors.length): string {
  if (count === 0) return '';
  if (count <= 2) return authors.slice(0, 2).join(', ');
  return `${authors.slice(0, 2).join(', ')} et al.`;
}

/**
 * What a screen reader says for a row of the list: the title, the status, and what the person added
 * ("Attention Is All You Need, Queued, has note, 2 highlights, PDF").
 */
export function rowLabel(paper: Pick<PaperRow, 'title' | 'status' | 'hasNote' | 'highlights' | 'pdf'>): string {
  const parts = [paper.title || 'Untitled', STATUS_LABEL[paper.status]];
  if (paper.hasNote) parts.push('has note');
  if (paper.highlights > 0) parts.push(paper.highlights === 1 ? '1 highlight' : `${paper.highlights} highlights`);
  if (paper.pdf) parts.push('PDF');
  return parts.join(', ');
}
