import { z } from 'zod';
import { CSL_TYPES } from './entry-types';
import { LIBRARY_VERSION } from './library-version';

export { LIBRARY_VERSION };

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

export const AnnotationTargetSchema = z.enum(['title', 'abstract', 'pdf']);
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>;

/** A PDF's SHA-256, in lower-case hex: the name of its file in attachments/. */
export const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 hash in hex');

/** A rectangle of a PDF page in PDF units (user space of the unrotated page, origin bottom left): x1, y1, x2, y2. */
export const PdfRectSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type PdfRect = z.infer<typeof PdfRectSchema>;

/**
 * A highlight anchored like a W3C TextQuoteSelector plus a TextPositionSelector. In a PDF (target "pdf")
 * the offsets count in the text of page `page` (0-based) of attachment `attachment`, as pageText() joins
 * it, and `rects` keep where the words were drawn, so the highlight survives any zoom or rotation.
 */
export const AnnotationSchema = z.object({
  id: Id,
  target: AnnotationTargetSchema,
  attachment: HashSchema.optional(),
  page: z.number().int().nonnegative().optional(),
  rects: z.array(PdfRectSchema).max(2000).optional(),
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

/** A PDF attached to a paper; the file is attachments/<hash>.pdf in the data folder. */
export const AttachmentSchema = z.object({
  hash: HashSchema,
  /** The file's name when it was attached. */
  name: z.string().max(500),
  size: z.number().int().nonnegative(),
  /** 0 when the PDF is encrypted and was attached without its password. */
  pages: z.number().int().nonnegative(),
  attachedAt: IsoDate,
  /** The PDF asks for a password; its text is not extracted or searched. */
  encrypted: z.boolean().optional(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Where the reader is in a paper's PDF: the page it is on, the furthest page read, and pages read by day. */
export const ReadingProgressSchema = z.object({
  attachment: HashSchema,
  /** 1-based. */
  page: z.number().int().min(1),
  /** How far down that page, 0..1. */
  offset: z.number().min(0).max(1),
  furthest: z.number().int().min(1),
  pages: z.number().int().min(1),
  /** Pages shown so far, a bit each (page 1 is bit 0 of byte 0), in base64: what "pages read" counts. */
  seen: z.string().max(2000),
  /** New pages reached, by day (YYYY-MM-DD in local time), for reading stats; the last 400 days. */
  days: z.array(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), pages: z.number().int().min(1) })).max(400),
  updatedAt: IsoDate,
});
export type ReadingProgress = z.infer<typeof ReadingProgressSchema>;

export const HistoryEntrySchema = z.object({
  status: StatusSchema,
  at: IsoDate,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const TitlePartsSchema = z.object({
  main: z.string(),
  subtitle: z.string().optional(),
  addon: z.string().optional(),
});
export type TitleParts = z.infer<typeof TitlePartsSchema>;

/** A person as CSL-JSON has one (its two particles as one), or an organisation's `literal` name. */
export const PersonNameSchema = z.union([
  z.strictObject({ literal: z.string().max(1000) }),
  z.strictObject({
    family: z.string().max(1000),
    given: z.string().max(1000).optional(),
    particle: z.string().max(200).optional(),
    suffix: z.string().max(200).optional(),
  }),
]);
export type PersonName = z.infer<typeof PersonNameSchema>;

export const PaperSchema = z.object({
  id: Id,
  arxivId: z.string().optional(),
  doi: z.string().optional(),
  url: z.string().optional(),
  citationKey: z.string().optional(),
  /** The kind of work as a CSL type name (article-journal, book, chapter…); entry-types.ts maps it to other formats. */
  type: z.enum(CSL_TYPES).optional(),
  /** As shown: the main title joined with any subtitle and title addition (search and the list use it). */
  title: z.string(),
  /** BibLaTeX's title, subtitle and titleaddon as imported, so an export writes them apart again. */
  titleParts: TitlePartsSchema.optional(),
  /** As shown, read, searched, edited and synced ("Given particle Family Suffix"); names.ts structures them. */
  authors: z.array(z.string()),
  /**
   * The authors structured as their source gave them (or as library version 3 parsed them once). Each counts
   * only while it shows as the `authors` entry it stands beside: authorNamesOf (names.ts) reads them.
   */
  authorNames: z.array(PersonNameSchema).optional(),
  /** Editors of the work (BibTeX editor, RIS ED, CSL editor), structured; shown nowhere yet, exported back. */
  editors: z.array(PersonNameSchema).optional(),
  abstract: z.string(),
  year: z.number().int().optional(),
  venue: z.string().optional(),
  volume: z.string().optional(),
  /** The issue or number within the volume. */
  issue: z.string().optional(),
  /** A page range or an article number, as the source wrote it. */
  pages: z.string().optional(),
  publisher: z.string().optional(),
  issn: z.string().optional(),
  isbn: z.string().optional(),
  /** The language of the work as its source wrote it (BibLaTeX language or langid, RIS LA, CSL language). */
  language: z.string().optional(),
  /** The kind of work in words, beyond the type: "Master's thesis" (BibLaTeX type, RIS M3, CSL genre). */
  genre: z.string().optional(),
  /**
   * What a source carried that Paperqueue has no place for, kept verbatim and written back by the same
   * format's export: "bibtex:month", "ris:CY", "csl:publisher-place" (the format, a colon, its field name).
   */
  extra: z.record(z.string().max(200), z.string().max(100_000)).optional(),
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
  /** PDFs attached, the first being the one the reader opens. Optional: older files have none. */
  attachments: z.array(AttachmentSchema).max(50).optional(),
  progress: ReadingProgressSchema.optional(),
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
