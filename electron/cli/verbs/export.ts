import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/exporters';
import { LIST_STATUSES } from '../../core/query';
import { writeFileDurably } from '../../core/store/durable-file';
import { plural } from '../format';
import { CliError, stringOption, type Verb } from '../verb';

export const exportVerb: Verb = {
  name: 'export',
  usage: `export --format ${EXPORT_FORMATS.join('|')} [--out PATH] [--combined] [--status S] [--tag T] [--search Q]`,
  summary:
    'Export the library (or the papers a filter selects); json is a full backup. Markdown writes one file per paper into --out DIR, or one file with --combined.',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    combined: { type: 'boolean' },
    status: { type: 'string' },
    tag: { type: 'string' },
    search: { type: 'string' },
  },
  async run(ctx, { values }) {
    const format = stringOption(values, 'format') ?? 'json';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}`, 2);
    }
    const status = stringOption(values, 'status');
    if (status && !(LIST_STATUSES as readonly string[]).includes(status)) {
      throw new CliError(`unknown status "${status}"; use one of ${LIST_STATUSES.join(', ')}`, 2);
    }
    const filtered = status || values.tag || values.search;
    const result = await ctx.call('library.export', {
      format: format as ExportFormat,
      markdownLayout: values.combined ? 'combined' : 'per-paper',
      query: filtered
        ? {
            status: (status ?? 'all') as (typeof LIST_STATUSES)[number],
            tag: stringOption(values, 'tag'),
            text: stringOption(values, 'search'),
          }
        : undefined,
    });
    const out = stringOption(values, 'out');
    if (result.kind === 'folder') {
      if (!out) throw new CliError('markdown writes one file per paper: give --out DIR, or --combined for one file', 2);
      const folder = resolve(out);
      for (const file of result.files) {
        const path = join(folder, file.path);
        await mkdir(dirname(path), { recursive: true });
        await writeFileDurably(path, file.content, { mode: 0o666 });
      }
      ctx.err(`Exported ${plural(result.count, 'paper')} as ${plural(result.files.length, 'file')} into ${out}.`);
      return;
    }
    if (!out) {
      ctx.out(result.content.replace(/\r?\n$/, ''));
      return;
    }
    await writeFileDurably(resolve(out), result.content, { mode: 0o666 });
    ctx.err(`Exported ${plural(result.count, 'paper')} to ${out}.`);
  },
};
