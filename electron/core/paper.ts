import type { CslType } from './entry-types';
import { newId } from './identifiers';
import type {
  Annotation,
  Attachment,
  HistoryEntry,
  Link,
  Paper,
  PersonName,
  ReadingProgress,
  Source,
  Status,
  TitleParts,
} from './schema';
import { squashSpace } from './text';

/** What an importer or papers.add knows about a paper before it enters the library. */
export type PaperDraft = {
  title: string;
  /** The parts `title` was joined from, when the source keeps them apart (BibLaTeX subtitle, titleaddon). */
  titleParts?: TitleParts;
  authors?: string[];
  /** The authors as the source structured them, one per entry of `authors` and showing as it (names.ts). */
  authorNames?: PersonName[];
  editors?: PersonName[];
  abstract?: string;
  arxivId?: string;
  doi?: string;
  url?: string;
  citationKey?: string;
  /** The CSL type the source gave (entry-types.ts); none when it gave none. */
  type?: CslType;
  year?: number;
  venue?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  publisher?: string;
  issn?: string;
  isbn?: string;
  keywords?: string[];
  language?: string;
  genre?: string;
  /** Fields the source had that no other field keeps, as "format:name" -> the value as written. */
  extra?: Record<string, string>;
  needsMetadata?: boolean;
  links?: Link[];
  tags?: string[];
  status?: Status;
  note?: string;
  /** Only a backup carries these; they are kept as they were. */
  id?: string;
  source?: Source;
  history?: HistoryEntry[];
  annotations?: Annotation[];
  attachments?: Attachment[];
  progress?: ReadingProgress;
  rank?: number;
  createdAt?: string;
  updatedAt?: string;
};

export function createPaper(draft: PaperDraft, source: Source, rank: number, now: string): Paper {
  const status = draft.status ?? 'inbox';
  const paper: Paper = {
    id: draft.id ?? newId(),
    title: squashSpace(draft.title),
    authors: draft.authors ?? [],
    abstract: draft.abstract ?? '',
    links: draft.links ?? [],
    source: draft.source ?? source,
    status,
    rank: draft.rank ?? rank,
    history: draft.history ?? [{ status, at: now }],
    tags: normaliseTags(draft.tags ?? []),
    note: draft.note ?? '',
    annotations: draft.annotations ?? [],
    createdAt: draft.createdAt ?? now,
    updatedAt: draft.updatedAt ?? now,
  };
  if (draft.arxivId) paper.arxivId = draft.arxivId;
  if (draft.doi) paper.doi = draft.doi;
  if (draft.url) paper.url = draft.url;
  if (draft.citationKey) paper.citationKey = draft.citationKey;
  if (draft.type) paper.type = draft.type;
  if (draft.year !== undefined) paper.year = draft.year;
  if (draft.venue) paper.venue = draft.venue;
  for (const field of BIBLIOGRAPHIC) {
    const value = draft[field];
    if (value) paper[field] = value;
  }
  if (draft.titleParts?.subtitle || draft.titleParts?.addon) paper.titleParts = titlePartsOf(draft.titleParts);
  if (draft.authorNames?.length) paper.authorNames = draft.authorNames;
  if (draft.editors?.length) paper.editors = draft.editors;
  if (draft.extra && Object.keys(draft.extra).length) paper.extra = draft.extra;
  if (draft.keywords?.length) paper.keywords = draft.keywords;
  if (draft.needsMetadata) paper.needsMetadata = true;
  if (draft.attachments?.length) paper.attachments = draft.attachments;
  if (draft.progress) paper.progress = draft.progress;
  return paper;
}

/** Where a work sits in its venue, and who published it: plain strings, copied as they came. */
export const BIBLIOGRAPHIC = ['volume', 'issue', 'pages', 'publisher', 'issn', 'isbn', 'language', 'genre'] as const;

function titlePartsOf(parts: TitleParts): TitleParts {
  const out: TitleParts = { main: squashSpace(parts.main) };
  if (parts.subtitle) out.subtitle = squashSpace(parts.subtitle);
  if (parts.addon) out.addon = squashSpace(parts.addon);
  return out;
}

/** Trimmed, de-duplicated tags in their first spelling. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = squashSpace(raw);
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** True for the statuses that count as unread. */
export const isUnread = (status: Status): boolean => status === 'inbox' || status === 'queued';

/**
 * Queue order across statuses (All papers): what you are reading, your queue, the inbox, then what you have read
 * and what you dismissed; within each, the queue's own order (rank). A dismissed paper keeps its old rank, so
 * rank alone would list it first.
 */
export const QUEUE_GROUP: Record<Status, number> = { reading: 0, queued: 1, inbox: 2, read: 3, dismissed: 4 };
