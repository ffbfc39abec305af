import { z } from 'zod';

/** Current version of library.json; bump it together with a migration in store/migrations. */
export const LIBRARY_VERSION = 1;

export const STATUSES = ['inbox', 'queued', 'reading', 'read', 'dismissed'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const AnnotationColorSchema = z.enum(ANNOTATION_COLORS);

const IsoDate = z.iso.datetime({ offset: true });
const Id = z.string().min(1).max(64);

export const LinkSchema = z.object({
  label: z.string().max(200),
  url: z.string().max(4096),
});
export type Link = z.infer<typeof LinkSchema>;

export const SourceSchema = z.object({
  /** digest, json-backup, manual, ... (the importer that produced the paper) */
  format: z.string().max(40),
  /** Digest date label, file name or "manual". */
  name: z.string().max(500),
  file: z.string().max(4096).optional(),
  importedAt: IsoDate,
});
export type Source = z.infer<typeof SourceSchema>;

export const AnnotationTargetSchema = z.enum(['title', 'abstract']);
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>;

/** A highlight anchored like a W3C TextQuoteSelector plus a TextPositionSelector. */
export const AnnotationSchema = z.object({
  id: Id,
  target: AnnotationTargetSchema,
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  color: AnnotationColorSchema,
  comment: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Annotation = z.infer<typeof AnnotationSchema>;

export const HistoryEntrySchema = z.object({
  status: StatusSchema,
  at: IsoDate,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const PaperSchema = z.object({
  id: Id,
  arxivId: z.string().optional(),
  doi: z.string().optional(),
  url: z.string().optional(),
  citationKey: z.string().optional(),
  title: z.string(),
  authors: z.array(z.string()),
  abstract: z.string(),
  year: z.number().int().optional(),
  venue: z.string().optional(),
  /** Subjects or keywords from the source (arXiv subjects, BibTeX keywords, RIS KW); tags stay the user's. */
  keywords: z.array(z.string()).optional(),
  /** Imported from a bare identifier offline: title and authors still to be filled in. */
  needsMetadata: z.boolean().optional(),
  links: z.array(LinkSchema),
  source: SourceSchema,
  status: StatusSchema,
  rank: z.number(),
  history: z.array(HistoryEntrySchema),
  tags: z.array(z.string()),
  note: z.string(),
  annotations: z.array(AnnotationSchema),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Paper = z.infer<typeof PaperSchema>;

/** A keyword rule the reader writes: words (all must appear) or a regular expression; boost or dim. */
export const RuleSchema = z.strictObject({
  id: z.string().min(1).max(64),
  pattern: z.string().min(1).max(200),
  kind: z.enum(['words', 'regex']),
  action: z.enum(['boost', 'dim']),
  createdAt: IsoDate,
});
export type Rule = z.infer<typeof RuleSchema>;

export const LibraryFileSchema = z.object({
  version: z.literal(LIBRARY_VERSION),
  papers: z.array(PaperSchema),
  /** Optional, so version-1 files written before rules existed load as they are. */
  rules: z.array(RuleSchema).max(500).optional(),
});
export type LibraryFile = z.infer<typeof LibraryFileSchema>;

export const emptyLibrary = (): LibraryFile => ({ version: LIBRARY_VERSION, papers: [] });
