import { z } from 'zod';
import { compileRules, matchRules } from '../insight/rules';
import { defineCommand, type CommandContext } from '../command';
import { applyImport, planImport } from '../import-plan';
import { IMPORT_FORMATS, parseImport } from '../importers';
import { decodeImportBytes } from '../importers/decode';
import { MAX_IMPORT_BYTES, readImportFile } from '../importers/read-file';
import type { ParsedImport } from '../importers/types';
import type { Source } from '../schema';

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
      .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, 'The file is over 50 MB; split it and import the parts.')
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

async function parseInput(input: ImportInput): Promise<ParsedImport> {
  if (input.path) {
    const file = await readImportFile(input.path);
    return parseImport(file.text, input.format, file.label);
  }
  const label = input.name ?? 'pasted text';
  const text =
    input.base64 !== undefined ? decodeImportBytes(Buffer.from(input.base64, 'base64')).text : (input.text ?? '');
  return parseImport(text, input.format, label);
}

export const libraryPreviewImport = defineCommand({
  kind: 'query',
  summary: 'Show what an import would do, entry by entry (new, duplicate or error), without changing anything.',
  input: ImportInput,
  hostOnly: pathIsHostOnly,
  async run(ctx, input) {
    const parsed = await parseInput(input);
    const entries = planImport(ctx.store, parsed).map((entry) =>
      entry.kind === 'new' ? { kind: entry.kind, title: entry.title } : entry,
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
    const parsed = await parseInput(input);
    if (parsed.drafts.length > 0) await ctx.store.backUpNow().catch(() => undefined);
    return importParsed(ctx, parsed, input.path ?? (input.base64 !== undefined ? input.name : undefined));
  },
});

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
    errors: outcome.problems,
    ids: outcome.added,
    rules: ruled,
  };
}
