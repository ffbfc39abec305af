import { resolve } from 'node:path';
import type { CommandInput } from '../../core/dispatch';
import { plural, table } from '../format';
import { jsonOption, stringOption, type Verb, type VerbContext } from '../verb';

export const importVerb: Verb = {
  name: 'import',
  usage: 'import FILE|- [--dry-run] [--name LABEL] [--json]',
  summary: 'Import a digest, bibliography, id list or backup ("-" reads stdin); --dry-run only shows what it would do.',
  options: { ...jsonOption, name: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const [file] = positionals;
    if (!file) throw new Error('usage');
    const input =
      file === '-'
        ? { text: await ctx.readStdin(), name: stringOption(values, 'name') ?? 'standard input' }
        : { path: resolve(file) };
    if (values['dry-run']) return preview(ctx, input, values.json === true);
    const result = await ctx.call('library.import', input);
    if (values.json) {
      ctx.out(JSON.stringify(result, null, 2));
    } else {
      const from = result.source ? ` from "${result.source}"` : '';
      ctx.out(`Added ${plural(result.added, 'paper')}${from}.`);
      if (result.duplicates) {
        const merged = result.merged ? ` (${result.merged} gained missing details)` : '';
        ctx.out(`Skipped ${plural(result.duplicates, 'duplicate')} already in the library${merged}.`);
      }
      for (const problem of result.errors) ctx.err(`warning: ${problem.where}: ${problem.message}`);
    }
    // Nothing usable in the file at all is a failure; a few bad entries are warnings.
    return result.added === 0 && result.duplicates === 0 && result.errors.length > 0 ? 1 : 0;
  },
};

async function preview(ctx: VerbContext, input: CommandInput<'library.previewImport'>, json: boolean) {
  const result = await ctx.call('library.previewImport', input);
  if (json) {
    ctx.out(JSON.stringify(result, null, 2));
    return 0;
  }
  ctx.out(
    `${result.source} (${result.format}): ${plural(result.found, 'entry', 'entries')} found; ` +
      `${result.new} new, ${plural(result.duplicates, 'duplicate')}, ${plural(result.errors, 'error')}. Nothing was changed.`,
  );
  const rows = result.entries.map((e) =>
    e.kind === 'error'
      ? ['error', `${e.where}: ${e.message}`]
      : [e.kind, e.kind === 'duplicate' ? `${e.title} (= ${e.existingId})` : e.title],
  );
  if (rows.length) ctx.out(table(['', 'ENTRY'], rows, ctx.width));
  return 0;
}
