import { z } from 'zod';
import { defineCommand } from '../command';
import { EXPORT_FORMATS, exportPapers } from '../exporters';
import { exportFileBase } from '../exporters/file-name';
import { notesInFolder, zipFiles } from '../exporters/zip';
import { ListQuerySchema } from '../query';
import { CommandError } from '../result';
import { IdsSchema } from './inputs';
import { readyToSearch, requirePaper, runQuery } from './papers';
import { grouped } from '../text';

export const libraryExport = defineCommand({
  kind: 'query',
  summary:
    'Export all papers, a selection (ids) or a filter (query) as json (a full backup), bibtex, csl-json, ris, csv or markdown.',
  input: z
    .strictObject({
      format: z.enum(EXPORT_FORMATS).default('json'),
      ids: IdsSchema.optional(),
      query: ListQuerySchema.optional(),
      /**
       * Markdown: one file per paper (an Obsidian-ready folder), the same folder as one .zip (a browser's
       * download; base64), or one combined file.
       */
      markdownLayout: z.enum(['per-paper', 'zip', 'combined']).default('per-paper'),
    })
    .refine((input) => !(input.ids && input.query), { message: 'Give "ids" or "query", not both.' })
    .default({ format: 'json', markdownLayout: 'per-paper' }),
  async run(ctx, input) {
    const now = ctx.now();
    // A search's export has every paper it matches: it waits for the index if it is still being built or read
    // (a search meanwhile answers from the titles alone, and the list asks again).
    if (input.query) await readyToSearch(ctx, input.query, { whole: true });
    const papers = input.ids
      ? input.ids.map((id) => requirePaper(ctx, id))
      : input.query
        ? runQuery(ctx, input.query).page
        : [...ctx.store.all()];
    let output: ReturnType<typeof exportPapers>;
    try {
      const markdownLayout = input.markdownLayout === 'zip' ? 'per-paper' : input.markdownLayout;
      output = exportPapers(papers, input.format, { now, markdownLayout });
    } catch (error) {
      throw tooLongToExport(error, papers.length, input.format) ?? error;
    }
    // The name says which papers: the list's status, source, tag or search, or how many were picked.
    const selection = input.ids ? { count: papers.length } : input.query ? { query: input.query } : {};
    const base = exportFileBase(selection, input.format === 'json', now);
    if (output.kind === 'folder' && input.markdownLayout === 'zip') {
      const zip = zipFiles(notesInFolder(base, output.files), now);
      return {
        kind: 'file' as const,
        format: input.format,
        count: papers.length,
        fileName: `${base}.zip`,
        mime: 'application/zip',
        content: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).toString('base64'),
        encoding: 'base64' as const,
      };
    }
    if (output.kind === 'folder') {
      return {
        kind: 'folder' as const,
        format: input.format,
        count: papers.length,
        folderName: base,
        files: output.files,
      };
    }
    return {
      kind: 'file' as const,
      format: input.format,
      count: papers.length,
      fileName: `${base}.${output.extension}`,
      mime: output.mime,
      content: output.content,
    };
  },
});

/**
 * An export is one file's text, and V8 holds no string past 2^29 - 24 characters (about 512 MB): exporting
 * 300,000 papers whole fails there. Said as what to do instead, not as V8's "Invalid string length".
 */
export function tooLongToExport(error: unknown, count: number, format: string): CommandError | undefined {
  if (!(error instanceof RangeError) || !/string length/i.test(error.message)) return undefined;
  return new CommandError(
    'INVALID_INPUT',
    `${grouped(count)} papers are too many to export as one ${format} file (its text would pass 512 MB). Export them a part at a time (a selection or a filter), or Markdown as a folder of notes.`,
  );
}
