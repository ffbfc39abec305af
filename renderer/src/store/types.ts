import type { CommandInput, CommandOutput } from '../../../electron/core/dispatch';
import type { LIST_STATUSES, SORTS } from '../../../electron/core/query';
import type { Annotation, AnnotationTarget, Paper, Status } from '../../../electron/core/schema';

export type { Annotation, AnnotationTarget, Paper, Status };
export type { PaperRow } from '../../../electron/core/rows';
export type ListStatus = (typeof LIST_STATUSES)[number];
export type Sort = (typeof SORTS)[number];
/** The list's sorts, and "For you" (the inbox ranked by the reader's interests). */
export type ListSort = Sort | 'foryou';
/** What the list asks the library for (a page of it: offset and limit). */
export type ListQuery = Exclude<CommandInput<'papers.rows'>, undefined>;
export type Ranking = CommandOutput<'insight.rank'>;
/** The search's words read as typos, each with the spellings the library has (the likeliest first). */
export type Corrections = NonNullable<CommandOutput<'papers.rows'>['corrections']>;
export type Similar = CommandOutput<'insight.similar'>['items'];
export type Rules = CommandOutput<'rules.list'>['rules'];
export type Stats = CommandOutput<'stats.get'>;
export type ImportReport = CommandOutput<'library.import'>;
export type ImportPreview = CommandOutput<'library.previewImport'>;
export type ExportFormat =
  CommandInput<'library.export'> extends infer I
    ? I extends { format?: infer F }
      ? Exclude<F, undefined>
      : never
    : never;

/** What the main area shows: a status (Inbox, Queue...), one imported source, one tag, or reading stats. */
export type View =
  | { kind: 'status'; status: ListStatus }
  /** With `format` ("pdf"), every source of that format: the PDFs imported one by one, listed as one. */
  | { kind: 'source'; name: string; format?: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'stats' };

/** What sync.status answers: off, or the folder, devices seen, changes waiting and notes in conflict. */
export type SyncStatus = CommandOutput<'sync.status'>;
export type SyncOn = Extract<SyncStatus, { setUp: true }>;
export type SyncConflict = SyncOn['conflicts'][number];
