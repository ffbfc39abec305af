import type { CommandInput, CommandOutput } from '../../../electron/core/dispatch';
import type { LIST_STATUSES, SORTS } from '../../../electron/core/query';
import type { Annotation, AnnotationTarget, Paper, Status } from '../../../electron/core/schema';

export type { Annotation, AnnotationTarget, Paper, Status };
export type { PaperRow } from '../../../electron/core/rows';
export type ListStatus = (typeof LIST_STATUSES)[number];
export type Sort = (typeof SORTS)[number];
export type Stats = CommandOutput<'stats.get'>;
export type ImportReport = CommandOutput<'library.import'>;
export type ImportPreview = CommandOutput<'library.previewImport'>;
export type ExportFormat =
  CommandInput<'library.export'> extends infer I
    ? I extends { format?: infer F }
      ? Exclude<F, undefined>
      : never
    : never;

/** What the list shows: a status (Inbox, Queue...), one imported source, or one tag. */
export type View =
  { kind: 'status'; status: ListStatus } | { kind: 'source'; name: string } | { kind: 'tag'; tag: string };
