import { resolve } from 'node:path';
import { writeFileDurably } from '../../core/store/durable-file';
import { plural } from '../format';
import { CliError, stringOption, type Verb } from '../verb';

export const exportVerb: Verb = {
  name: 'export',
  usage: 'export --format json [--out FILE]',
  summary: 'Export the library; json is a full backup (notes, highlights, history). Prints to stdout without --out.',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    const format = stringOption(values, 'format') ?? 'json';
    if (format !== 'json') throw new CliError(`unknown format "${format}"; this version exports json`, 2);
    const result = await ctx.call('library.export', { format });
    const out = stringOption(values, 'out');
    if (!out) {
      ctx.out(result.content.trimEnd());
      return;
    }
    await writeFileDurably(resolve(out), result.content);
    ctx.err(`Exported ${plural(result.count, 'paper')} to ${out}.`);
  },
};
