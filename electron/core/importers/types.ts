import type { PaperDraft } from '../paper';

/** A problem with one part of an imported file; `where` names the file and line or entry. */
export type ImportProblem = { where: string; message: string };

export type ParsedImport = {
  format: string;
  /** Label for the source of these papers (a digest's date, a file name). */
  sourceName: string;
  drafts: PaperDraft[];
  problems: ImportProblem[];
};
