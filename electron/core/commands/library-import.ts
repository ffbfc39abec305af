import { z } from 'zod';
import { compileRules, matchRules } from '../insight/rules';
import { defineCommand, type CommandContext } from '../command';
import { IMPORT_FORMATS } from '../importers';
import { MAX_IMPORT_BYTES } from '../importers/read-file';
import { readInput } from '../importers/read-input';
import { applyImport, planImport, type ImportChoices, type ImportOutcome } from '../import-plan';
import { rememberImport, undoLastImport } from '../importers/last-import';
import type { ImportProblem, ParsedImport } from '../importers/types';
import { importPdf, type PdfImported } from '../attachments/pdf-import';
import { MAX_PDF_BYTES } from '../attachments/store-pdf';
import { CommandError } from '../result';
import type { Paper, Source } from '../schema';
import { isIdOnly } from '../stub-merge';

export const ImportInput = z
  .strictObject({
    /** Pasted text. */
    text: z
      .string()
      .max(MAX_IMPORT_BYTES, 'The pasted text is over 50 MB; save it to a file and import that in parts.')
      .optional(),
    /** A file to read (the host has already let the user choose it). */
    path: z.string().min(1).max(4096).optional(),
    /** A file's bytes, base64-encoded (dropped or picked in the app), so its encoding is detected here. */
    base64: z
      .string()
      .max(Math.ceil(MAX_PDF_BYTES / 3) * 4, `The file is over ${MAX_PDF_BYTES / 1048576} MB.`)
      .optional(),
    /** A label for pasted text. */
    name: z.string().max(500).optional(),
    format: z.enum(IMPORT_FORMATS).default('auto'),
    /**
     * The possible duplicates to merge into the paper they may be the same as: `all`, or their `entry`
     * numbers from the preview (counted from 1 among the file's readable entries). The others are kept apart, as the preview says by default.
     */
    merge: z.union([z.literal('all'), z.array(z.number().int().min(1)).max(1_000_000)]).optional(),
    /**
     * Take an import back instead: "last", or the `importId` its report gave (refused if another import came
     * since). Its papers are removed and the details it filled in put back, keeping what was changed since.
     */
    undo: z.string().min(1).max(100).optional(),
    /**
     * The `importId` of the import before this one in the same batch (several files chosen at once): this one
     * joins it, so that one Undo takes back every file. Ignored when another import came between them.
     */
    joinImport: z.string().min(1).max(100).optional(),
    /**
     * Names a preview so that library.cancelPreview can stop it (the app's Cancel while a big paste is read);
     * a cancelled preview answers CANCELLED. Ignored by an import.
     */
    previewId: z.string().min(1).max(100).optional(),
  })
  .refine((input) => [input.text, input.path, input.base64, input.undo].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of "text", "path", "base64" or "undo".',
  });
export type ImportInput = z.output<typeof ImportInput>;

/** Only the CLI reads a file by its path; the app sends the bytes it was given. */
export const pathIsHostOnly = (input: ImportInput): string | undefined =>
  input.path === undefined ? undefined : 'path';

export const libraryImport = defineCommand({
  kind: 'mutation',
  summary:
    'Import a file or pasted text (format recognised from its content); duplicates only fill empty fields, ' +
    'possible duplicates are kept apart unless named in "merge"; "undo" takes the last import back.',
  input: ImportInput,
  hostOnly: pathIsHostOnly,
  async run(ctx, input) {
    if (input.undo !== undefined) return undoResult(ctx, input.undo);
    const given = await readInput(input);
    if (given.kind === 'pdf') {
      const pdf = await importPdf(ctx, given.bytes, given.name);
      const undo = {
        added: pdf.kind === 'new' ? [pdf.paperId] : [],
        filled: [],
        attached: pdf.already ? [] : [{ paperId: pdf.paperId, hash: pdf.hash }],
      };
      const now = ctx.now().toISOString();
      const importId = await rememberImport(ctx.store, given.name, now, undo, input.joinImport).catch(() => undefined);
      return { ...pdfResult(pdf), importId };
    }
    const parsed = given.parsed;
    const merge = mergeChoice(ctx, parsed, input.merge);
    if (parsed.drafts.length > 0) await ctx.store.backUpNow().catch(() => undefined);
    const path = input.path ?? (input.base64 !== undefined ? input.name : undefined);
    return importParsed(ctx, parsed, path, merge, input.joinImport);
  },
});

/**
 * The entries chosen for merging, checked before anything changes: a number that is not a possible
 * duplicate of this file (a typo, or a preview of another file) is refused, naming it.
 */
function mergeChoice(ctx: CommandContext, parsed: ParsedImport, merge: 'all' | number[] | undefined) {
  if (merge === undefined || merge === 'all') return merge;
  if (merge.length === 0) return new Set<number>();
  const possible = new Set(
    planImport(ctx.store, parsed).flatMap((e) => (e.kind === 'new' && e.possible ? [e.entry + 1] : [])),
  );
  const wrong = merge.filter((entry) => !possible.has(entry));
  if (wrong.length > 0) {
    const listed = possible.size
      ? `its possible duplicates are ${[...possible].join(', ')}`
      : 'it has no possible duplicate';
    throw new CommandError(
      'INVALID_INPUT',
      `merge: ${wrong.join(', ')} ${wrong.length === 1 ? 'is not a possible duplicate' : 'are not possible duplicates'} in ${parsed.sourceName} (${listed}); nothing was imported.`,
    );
  }
  return new Set(merge.map((entry) => entry - 1));
}

/** An import taken back, told in the same shape as any import (nothing added), with what was undone. */
async function undoResult(ctx: CommandContext, id: string) {
  const { ids, ...undone } = await undoLastImport(ctx.store, id, ctx.now().toISOString());
  ctx.changed(ids);
  return {
    format: 'undo',
    source: undone.source,
    found: 0,
    added: 0,
    duplicates: 0,
    repeats: 0,
    merged: 0,
    filled: 0,
    untitled: 0,
    possible: [] as ImportOutcome['possible'],
    attached: 0,
    errors: [] as ImportProblem[],
    ids: [] as string[],
    rules: { boosted: 0, dimmed: 0 },
    pdf: undefined,
    importId: undefined,
    idOnly: 0,
    message: undefined as string | undefined,
    undone,
  };
}

/** An imported PDF, told in the same shape as any import, with where it went and why. */
function pdfResult(pdf: PdfImported) {
  return {
    format: 'pdf',
    source: pdf.kind === 'new' ? pdf.title : pdf.title,
    found: 1,
    added: pdf.kind === 'new' ? 1 : 0,
    duplicates: 0,
    repeats: 0,
    merged: 0,
    filled: 0,
    untitled: 0,
    possible: [],
    /** PDFs attached to papers already in the library. */
    attached: pdf.kind === 'attach' && !pdf.already ? 1 : 0,
    errors: [],
    ids: pdf.kind === 'new' ? [pdf.paperId] : [],
    rules: { boosted: 0, dimmed: 0 },
    pdf,
    importId: undefined as string | undefined,
    idOnly: 0,
    message: undefined as string | undefined,
    undone: undefined,
  };
}

async function importParsed(
  ctx: CommandContext,
  parsed: ParsedImport,
  path: string | undefined,
  merge: ImportChoices['merge'],
  joining: string | undefined,
) {
  const now = ctx.now().toISOString();
  const source: Source = { format: parsed.format, name: parsed.sourceName, importedAt: now };
  if (path) source.file = path.split(/[\\/]/).at(-1)!;
  const outcome = await applyImport(ctx.store, parsed, source, now, ctx.progress, { merge });
  ctx.changed([...outcome.added, ...outcome.merged]);
  // Kept so that it can be taken back; the import stands even if that record cannot be written.
  const importId = await rememberImport(ctx.store, parsed.sourceName, now, outcome.undo, joining).catch(
    () => undefined,
  );
  // The reader's keyword rules, applied to what came in.
  const added = outcome.added.map((id) => ctx.store.get(id)!);
  const fresh = new Set(outcome.added);
  const idOnly = added.filter(isIdOnly);
  const rules = compileRules(ctx.store.rules);
  const ruled = { boosted: 0, dimmed: 0 };
  if (rules.length) {
    for (const paper of added) {
      const match = matchRules(rules, paper);
      if (match) ruled[match.action === 'boost' ? 'boosted' : 'dimmed']++;
    }
  }
  return {
    format: parsed.format,
    source: parsed.sourceName,
    found: parsed.found ?? parsed.drafts.length + parsed.problems.length,
    added: outcome.added.length,
    duplicates: outcome.duplicates,
    /** Of the duplicates, entries that went into a paper an earlier entry of the same file added. */
    repeats: outcome.repeats,
    merged: outcome.merged.length,
    /** Papers already in the library before this import whose missing details it filled in (each once). */
    filled: new Set(outcome.merged.filter((id) => !fresh.has(id))).size,
    /** Papers added without a title, shown as "Untitled". */
    untitled: outcome.untitled,
    /** Papers added beside one with the same title that may be the same work. */
    possible: outcome.possible,
    errors: outcome.problems,
    ids: outcome.added,
    attached: 0,
    rules: ruled,
    pdf: undefined,
    /** Names this import for library.import's `undo`; none when it changed nothing. */
    importId,
    /** Papers added by their arXiv id or DOI alone, with no details yet (nothing is fetched: the app is offline). */
    idOnly: idOnly.length,
    /** What the person must be told beyond the counts: how the details of papers added by their id alone arrive. */
    message: idOnlyMessage(idOnly),
    undone: undefined,
  };
}

/**
 * Said when papers came in as bare identifiers: Paperqueue never goes online, so their details come from a later
 * import that holds them, which fills them in (import-plan.ts's fillsFor).
 */
export function idOnlyMessage(papers: readonly Paper[]): string | undefined {
  const n = papers.length;
  if (n === 0) return undefined;
  const arxiv = papers.filter((paper) => paper.arxivId).length;
  const ids = arxiv === n ? ['arXiv id', 'arXiv ids'] : arxiv === 0 ? ['DOI', 'DOIs'] : ['arXiv id or DOI', 'ids'];
  const added =
    n === 1
      ? `1 paper was added by its ${ids[0]} only`
      : `${n.toLocaleString('en')} papers were added by their ${ids[1]} only`;
  return (
    `${added}: Paperqueue works offline and fetches nothing, so ${n === 1 ? 'it has' : 'they have'} no authors, ` +
    'year or abstract yet. Import a digest, .bib, .ris or CSL-JSON file that includes ' +
    `${n === 1 ? 'it' : 'them'}, and ${n === 1 ? 'its' : 'their'} details are filled in.`
  );
}
