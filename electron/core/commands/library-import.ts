import { open } from 'node:fs/promises';
import { z } from 'zod';
import { compileRules, matchRules } from '../insight/rules';
import { defineCommand, type CommandContext } from '../command';
import { applyImport, planImport } from '../import-plan';
import { IMPORT_FORMATS, parseImport } from '../importers';
import { decodeImportBytes } from '../importers/decode';
import { MAX_IMPORT_BYTES, readImportFile } from '../importers/read-file';
import type { ParsedImport } from '../importers/types';
import { importPdf, planPdf, type PdfImported } from '../attachments/pdf-import';
import { MAX_PDF_BYTES, pdfTextOf } from '../attachments/store-pdf';
import { isPdf } from '../pdf';
import { CommandError } from '../result';
import type { Source } from '../schema';
import { readPdfFile } from './attachments';

const ImportInput = z
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
  })
  .refine((input) => [input.text, input.path, input.base64].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of "text", "path" or "base64".',
  });
type ImportInput = z.output<typeof ImportInput>;

/** Only the CLI reads a file by its path; the app sends the bytes it was given. */
const pathIsHostOnly = (input: ImportInput): string | undefined => (input.path === undefined ? undefined : 'path');

/** What was given: text to parse, or a PDF's bytes. */
type Given = { kind: 'text'; parsed: ParsedImport } | { kind: 'pdf'; bytes: Uint8Array; name: string };

async function readInput(input: ImportInput): Promise<Given> {
  if (input.path) {
    if (await startsLikePdf(input.path)) {
      return { kind: 'pdf', bytes: await readPdfFile(input.path), name: input.path.split(/[\\/]/).at(-1)! };
    }
    const file = await readImportFile(input.path);
    refuseBinary(file.text, file.label);
    return { kind: 'text', parsed: parseImport(file.text, input.format, file.label) };
  }
  const label = input.name ?? 'pasted text';
  if (input.base64 !== undefined) {
    const bytes = Buffer.from(input.base64, 'base64');
    if (isPdf(bytes)) return { kind: 'pdf', bytes, name: label };
    if (bytes.length > MAX_IMPORT_BYTES) {
      throw new CommandError('INVALID_INPUT', `${label} is over 50 MB; split it and import the parts.`);
    }
    const { text } = decodeImportBytes(bytes);
    refuseBinary(text, label);
    return { kind: 'text', parsed: parseImport(text, input.format, label) };
  }
  return { kind: 'text', parsed: parseImport(input.text ?? '', input.format, label) };
}

/** Only the first bytes are read to tell a PDF (which is read whole) from a text file (decoded). */
async function startsLikePdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return isPdf(buffer.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * A file that is not text (an image, an archive, a Word file) is refused, rather than read as a digest of
 * one paper titled with control characters: NUL, or more than 1% control characters in its first 8,000.
 */
export function refuseBinary(text: string, label: string): void {
  const head = text.slice(0, 8000);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127) {
      if (first < 0) first = i;
      controls++;
      if (code === 0) controls += head.length;
    }
  }
  if (controls === 0 || controls * 100 <= head.length) return;
  throw new CommandError(
    'INVALID_INPUT',
    `${label} is not a file Paperqueue reads: it is binary (a control character at byte ${first}). ` +
      'Paperqueue imports BibTeX, RIS, CSL-JSON, a daily digest page, arXiv ids, its own backups, and PDFs.',
  );
}

export const libraryPreviewImport = defineCommand({
  kind: 'query',
  summary: 'Show what an import would do, entry by entry (new, duplicate or error), without changing anything.',
  input: ImportInput,
  hostOnly: pathIsHostOnly,
  async run(ctx, input) {
    const given = await readInput(input);
    if (given.kind === 'pdf') {
      const plan = planPdf(ctx, await pdfTextOf(ctx.store, given.bytes, given.name), given.name);
      return {
        format: 'pdf',
        source: given.name,
        found: 1,
        new: plan.kind === 'new' ? 1 : 0,
        duplicates: 0,
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
    const entries = planImport(ctx.store, parsed).map((entry) =>
      entry.kind === 'new'
        ? { kind: entry.kind, title: entry.title, ...(entry.possible && { possible: entry.possible }) }
        : entry,
    );
    const count = (kind: string) => entries.filter((e) => e.kind === kind).length;
    return {
      format: parsed.format,
      source: parsed.sourceName,
      found: parsed.found ?? parsed.drafts.length + parsed.problems.length,
      new: count('new'),
      duplicates: count('duplicate'),
      /** Duplicates that would fill in details their paper lacks; the other duplicates change nothing. */
      filling: entries.filter((e) => e.kind === 'duplicate' && e.fills.length > 0).length,
      /** New papers without a title, shown as "Untitled". */
      untitled: entries.filter((e) => e.kind === 'new' && e.title === '').length,
      /** New papers with the title of another that may be the same work: kept apart, named in their entry. */
      possible: entries.filter((e) => e.kind === 'new' && e.possible).length,
      errors: count('error'),
      entries,
    };
  },
});

export const libraryImport = defineCommand({
  kind: 'mutation',
  summary: 'Import a file or pasted text (format recognised from its content); duplicates only fill empty fields.',
  input: ImportInput,
  hostOnly: pathIsHostOnly,
  async run(ctx, input) {
    const given = await readInput(input);
    if (given.kind === 'pdf') return pdfResult(await importPdf(ctx, given.bytes, given.name));
    const parsed = given.parsed;
    if (parsed.drafts.length > 0) await ctx.store.backUpNow().catch(() => undefined);
    return importParsed(ctx, parsed, input.path ?? (input.base64 !== undefined ? input.name : undefined));
  },
});

/** An imported PDF, told in the same shape as any import, with where it went and why. */
function pdfResult(pdf: PdfImported) {
  return {
    format: 'pdf',
    source: pdf.kind === 'new' ? pdf.title : pdf.title,
    found: 1,
    added: pdf.kind === 'new' ? 1 : 0,
    duplicates: 0,
    merged: 0,
    untitled: 0,
    possible: [],
    /** PDFs attached to papers already in the library. */
    attached: pdf.kind === 'attach' && !pdf.already ? 1 : 0,
    errors: [],
    ids: pdf.kind === 'new' ? [pdf.paperId] : [],
    rules: { boosted: 0, dimmed: 0 },
    pdf,
  };
}

async function importParsed(ctx: CommandContext, parsed: ParsedImport, path: string | undefined) {
  const now = ctx.now().toISOString();
  const source: Source = { format: parsed.format, name: parsed.sourceName, importedAt: now };
  if (path) source.file = path.split(/[\\/]/).at(-1)!;
  const outcome = await applyImport(ctx.store, parsed, source, now, ctx.progress);
  ctx.changed([...outcome.added, ...outcome.merged]);
  // The reader's keyword rules, applied to what came in.
  const rules = compileRules(ctx.store.rules);
  const ruled = { boosted: 0, dimmed: 0 };
  if (rules.length) {
    for (const id of outcome.added) {
      const match = matchRules(rules, ctx.store.get(id)!);
      if (match) ruled[match.action === 'boost' ? 'boosted' : 'dimmed']++;
    }
  }
  return {
    format: parsed.format,
    source: parsed.sourceName,
    found: parsed.found ?? parsed.drafts.length + parsed.problems.length,
    added: outcome.added.length,
    duplicates: outcome.duplicates,
    merged: outcome.merged.length,
    /** Papers added without a title, shown as "Untitled". */
    untitled: outcome.untitled,
    /** Papers added beside one with the same title that may be the same work. */
    possible: outcome.possible,
    errors: outcome.problems,
    ids: outcome.added,
    attached: 0,
    rules: ruled,
    pdf: undefined,
  };
}
