import { z } from 'zod';
import { defineCommand } from '../command';
import { LIBRARY_VERSION } from '../schema';

export const libraryExport = defineCommand({
  kind: 'query',
  summary: 'Export the whole library; "json" is a full backup that library.import restores.',
  input: z.strictObject({ format: z.enum(['json']).default('json') }).default({ format: 'json' }),
  run(ctx, { format }) {
    const now = ctx.now();
    const papers = [...ctx.store.all()];
    const content = JSON.stringify(
      { app: 'Paperqueue', version: LIBRARY_VERSION, exportedAt: now.toISOString(), papers },
      null,
      1,
    );
    return {
      format,
      count: papers.length,
      fileName: `paperqueue-${now.toISOString().slice(0, 10)}.json`,
      content: content + '\n',
    };
  },
});
