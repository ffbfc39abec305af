import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CommandInput } from '../../core/dispatch';
import { plural, table } from '../format';
import { jsonOption, stringOption, type Verb, type VerbContext } from '../verb';

export const importVerb: Verb = {
  name: 'import',
  usage: 'import FILE|FOLDER|- [--dry-run] [--name LABEL] [--json]',
  summary:
    'Import a digest, bibliography, id list, backup or PDF ("-" reads stdin; a folder imports its PDFs); --dry-run only shows what it would do.',
  options: { ...jsonOption, name: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const [file] = positionals;
    if (!file) throw new Error('usage');
    if (file !== '-' && (await isFolder(file))) return importFolder(ctx, resolve(file), values['dry-run'] === true);
    const input =
      file === '-'
        ? { text: await ctx.readStdin(), name: stringOption(values, 'name') ?? 'standard input' }
        : { path: resolve(file) };
    if (values['dry-run']) return preview(ctx, input, values.json === true);
    const result = await ctx.call('library.import', input);
    if (values.json) {
      ctx.out(JSON.stringify(result, null, 2));
    } else if (result.pdf) {
      ctx.out(pdfLine(result.pdf));
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

const isFolder = (path: string): Promise<boolean> =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );

type PdfOutcome = { kind: 'attach' | 'new'; title: string; why: string; paperId: string; already: boolean };

function pdfLine(pdf: PdfOutcome): string {
  if (pdf.kind === 'new') return `Added "${pdf.title}" (${pdf.paperId}) with its PDF: ${pdf.why}.`;
  if (pdf.already) return `"${pdf.title}" (${pdf.paperId}) already has this PDF.`;
  return `Attached the PDF to "${pdf.title}" (${pdf.paperId}): ${pdf.why}.`;
}

/** Every PDF directly in a folder, one by one: one that fails is reported and the rest go on. */
async function importFolder(ctx: VerbContext, folder: string, dryRun: boolean): Promise<number> {
  const all = await readdir(folder);
  const backup = all
    .filter((name) => /^paperqueue-.*\.json$/i.test(name))
    .sort()
    .at(-1);
  if (backup && all.includes('attachments') && !dryRun) return restoreFolder(ctx, folder, backup);
  const names = all.filter((name) => /\.pdf$/i.test(name)).sort();
  if (names.length === 0) {
    ctx.err(`paperqueue import: ${folder} has no PDFs (other files are imported one at a time).`);
    return 1;
  }
  let failed = 0;
  for (const name of names) {
    const path = join(folder, name);
    try {
      if (dryRun) {
        const { pdf } = await ctx.call('library.previewImport', { path });
        if (pdf)
          ctx.out(
            `${name}: ${pdf.kind === 'attach' ? `would attach to "${pdf.title}"` : 'would be a new paper'} (${pdf.why}).`,
          );
      } else {
        const { pdf } = await ctx.call('library.import', { path });
        if (pdf) ctx.out(`${name}: ${pdfLine(pdf)}`);
      }
    } catch (error) {
      failed++;
      ctx.err(`warning: ${name}: ${(error as Error).message}`);
    }
  }
  ctx.out(
    `${names.length - failed} of ${names.length} PDFs ${dryRun ? 'can be imported; nothing was changed' : 'imported'}.`,
  );
  return failed === names.length ? 1 : 0;
}

/** A folder `export --format json --with-attachments` wrote: the backup first, then the PDFs it names. */
async function restoreFolder(ctx: VerbContext, folder: string, backup: string): Promise<number> {
  const result = await ctx.call('library.import', { path: join(folder, backup) });
  ctx.out(`Added ${plural(result.added, 'paper')} from ${backup}.`);
  if (result.duplicates) ctx.out(`Skipped ${plural(result.duplicates, 'duplicate')} already in the library.`);
  for (const problem of result.errors) ctx.err(`warning: ${problem.where}: ${problem.message}`);
  const pdfs = (await readdir(join(folder, 'attachments'))).filter((name) => /^[0-9a-f]{64}\.pdf$/.test(name));
  let restored = 0;
  for (const name of pdfs) {
    try {
      await ctx.call('attachments.restore', { path: join(folder, 'attachments', name) });
      restored++;
    } catch (error) {
      ctx.err(`warning: attachments/${name}: ${(error as Error).message}`);
    }
  }
  ctx.out(`Restored ${plural(restored, 'PDF')} of ${pdfs.length}.`);
  return 0;
}

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
