import { z } from 'zod';
import { defineCommand } from '../command';
import { EXPORT_FORMATS, exportPapers } from '../exporters';
import { ListQuerySchema } from '../query';
import { IdsSchema } from './inputs';
import { requirePaper, runQuery } from './papers';

export const libraryExport = defineCommand({
  kind: 'query',
  summary:
    'Export all papers, a selection (ids) or a filter (query) as json (a full backup), bibtex, csl-json, ris, csv or markdown.',
  input: z
    .strictObject({
      format: z.enum(EXPORT_FORMATS).default('json'),
      ids: IdsSchema.optional(),
      query: ListQuerySchema.optional(),
      /** Markdown: one file per paper (an Obsidian-ready folder) or one combined file. */
      markdownLayout: z.enum(['per-paper', 'combined']).default('per-paper'),
    })
    .refine((input) => !(input.ids && input.query), { message: 'Give "ids" or "query", not both.' })
    .default({ format: 'json', markdownLayout: 'per-paper' }),
  run(ctx, input) {
    const now = ctx.now();
    const papers = input.ids
      ? input.ids.map((id) => requirePaper(ctx, id))
      : input.query
        ? runQuery(ctx, input.query).page
        : [...ctx.store.all()];
    const output = exportPapers(papers, input.format, { now, markdownLayout: input.markdownLayout });
    const base = `paperqueue-${now.toISOString().slice(0, 10)}`;
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
