import { resolve } from 'node:path';
import { plural } from '../format';
import { jsonOption, stringOption, type Verb } from '../verb';

export const importVerb: Verb = {
  name: 'import',
  usage: 'import FILE|- [--name LABEL] [--json]',
  summary: 'Import a saved digest or a Paperqueue backup; "-" reads standard input.',
  options: { ...jsonOption, name: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const [file] = positionals;
    if (!file) throw new Error('usage');
    const input =
      file === '-'
        ? { text: await ctx.readStdin(), name: stringOption(values, 'name') ?? 'standard input' }
        : { path: resolve(file) };
    const result = await ctx.call('library.import', input);
    if (values.json) {
      ctx.out(JSON.stringify(result, null, 2));
    } else {
      const from = result.source ? ` from "${result.source}"` : '';
      ctx.out(`Added ${plural(result.added, 'paper')}${from}.`);
      if (result.duplicates) ctx.out(`Skipped ${plural(result.duplicates, 'duplicate')} already in the library.`);
      for (const problem of result.errors) ctx.err(`warning: ${problem.where}: ${problem.message}`);
    }
    // Nothing usable in the file at all is a failure; a few bad entries are warnings.
    return result.added === 0 && result.duplicates === 0 && result.errors.length > 0 ? 1 : 0;
  },
};
