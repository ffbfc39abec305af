import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command';
import { throwIfCancelled } from '../importers';
import { beginPreview, cancelPreview } from '../importers/preview-cancel';
import { readInput } from '../importers/read-input';
import { planImport } from '../import-plan';
import { sha256 } from '../attachments/files';
import { planPdf } from '../attachments/pdf-import';
import { pdfTextOf } from '../attachments/store-pdf';
import { CommandError } from '../result';
import { ImportInput, pathIsHostOnly } from './library-import';

export const libraryPreviewImport = defineCommand({
  kind: 'query',
  summary: 'Show what an import would do, entry by entry (new, duplicate or error), without changing anything.',
  input: ImportInput,
  hostOnly: pathIsHostOnly,
  async run(ctx, input) {
    if (input.undo !== undefined) throw new CommandError('INVALID_INPUT', 'An undo has nothing to preview.');
    if (input.previewId === undefined) return previewOf(ctx, input);
    const running = beginPreview(input.previewId);
    try {
      return await previewOf(ctx, input, running.signal);
    } finally {
      running.done();
    }
  },
});

export const libraryCancelPreview = defineCommand({
  kind: 'query',
  summary:
    'Stop the preview of an import named by its "previewId" (it answers CANCELLED); one not yet begun stops as it begins.',
  input: z.strictObject({ previewId: z.string().min(1).max(100) }),
  run: (_ctx, { previewId }) => ({ running: cancelPreview(previewId) }),
});

/** What importing `input` would do; `signal` stops it (CANCELLED) between slices of its reading. */
async function previewOf(ctx: CommandContext, input: ImportInput, signal?: AbortSignal) {
  const given = await readInput(input, signal);
  throwIfCancelled(signal);
  if (given.kind === 'pdf') {
    const hash = sha256(given.bytes);
    const plan = planPdf(ctx, await pdfTextOf(ctx.store, given.bytes, given.name, hash), given.name, hash);
    return {
      format: 'pdf',
      source: given.name,
      found: 1,
      new: plan.kind === 'new' ? 1 : 0,
      duplicates: 0,
      repeats: 0,
      filling: 0,
      untitled: 0,
      possible: 0,
      errors: 0,
      entries: [
        plan.kind === 'new'
          ? { kind: 'new' as const, title: plan.title }
          : { kind: 'attach' as const, title: plan.title, existingId: plan.paperId },
      ],
      pdf: plan,
    };
  }
  const parsed = given.parsed;
  const planned = planImport(ctx.store, parsed);
  throwIfCancelled(signal);
  const entries = planned.map((entry) =>
    entry.kind !== 'new'
      ? entry
      : entry.possible
        ? {
            kind: entry.kind,
            title: entry.title,
            // What the person compares with the paper it may be the same as; `entry` chooses a merge.
            entry: entry.entry + 1,
            authors: entry.draft.authors ?? [],
            ...(entry.draft.year !== undefined && { year: entry.draft.year }),
            possible: entry.possible,
          }
        : { kind: entry.kind, title: entry.title },
  );
  const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
  return {
    format: parsed.format,
    source: parsed.sourceName,
    found: parsed.found ?? parsed.drafts.length + parsed.problems.length,
    new: count('new'),
    duplicates: count('duplicate'),
    /**
     * Of the duplicates, entries that repeat an earlier entry of the same file (its paper in the library or
     * not yet): a digest pasted twice is its papers once, not twice "already in your library".
     */
    repeats: entries.filter((e) => e.kind === 'duplicate' && e.repeatOf !== undefined).length,
    /** Duplicates that would fill in details their paper lacks; the other duplicates change nothing. */
    filling: entries.filter((e) => e.kind === 'duplicate' && e.fills.length > 0).length,
    /** New papers without a title, shown as "Untitled". */
    untitled: entries.filter((e) => e.kind === 'new' && e.title === '').length,
    /** New papers with the title of another that may be the same work: kept apart, named in their entry. */
    possible: entries.filter((e) => e.kind === 'new' && 'possible' in e).length,
    errors: count('error'),
    entries,
  };
}
