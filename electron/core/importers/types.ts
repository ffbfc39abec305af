import type { PaperDraft } from '../paper';

/** A problem with one part of an imported file; `where` names the file and line or entry. */
export type ImportProblem = { where: string; message: string };

export type ParsedImport = {
  /** A short format id: digest, bibtex, ris, csl-json, hf-daily, arxiv-listing, id-list, json-backup. */
  format: string;
  /** Label for the source of these papers (a digest's date, a file name). */
  sourceName: string;
  drafts: PaperDraft[];
  problems: ImportProblem[];
  /** Entries found in the file, good or broken (for the corpus check and the preview). */
  found?: number;
};

/** What each importer module exports: a cheap content check and the parser. */
export type Importer = {
  format: string;
  /** True when `text` looks like this format (content only, never the file name). */
  sniff: (text: string) => boolean;
  parse: (text: string, fileLabel: string) => ParsedImport;
};
