import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CommandInput } from '../../core/dispatch';
import { plural, table, titleAsRead } from '../format';
import { CliError, jsonOption, stringOption, type Verb, type VerbContext } from '../verb';

export const importVerb: Verb = {
  name: 'import',
  usage: 'import FILE|FOLDER|- [--dry-run] [--merge all|none|N,N] [--name LABEL] [--json]',
  summary:
    'Import a digest, bibliography, id list, backup or PDF ("-" reads stdin; a folder imports its PDFs); --dry-run ' +
    'only shows what it would do, numbering each possible duplicate (a paper with the same title that may be ' +
    'another work); those are kept apart unless --merge names them (all, or the numbers --dry-run gave). Titles ' +
    'read as text, their math as Unicode; --json gives them as stored, TeX and all. ' +
    '"paperqueue undo-import" takes the last import back.',
  options: {
    ...jsonOption,
    name: { type: 'string' },
    'dry-run': { type: 'boolean' },
    merge: { type: 'string' },
  },
  // The first import starts the library; a dry run only reads (a folder with no library, as an empty one).
  createsLibrary: ({ values }) => values['dry-run'] !== true,
  async run(ctx, { values, positionals }) {
    const [file, ...more] = positionals;
    if (!file) throw new Error('usage');
    // Only the first would be read: say so rather than leave the others out unseen.
    if (more.length > 0)
      throw new CliError(
        `import takes one file or folder at a time; ${positionals.length} were given (${positionals.join(', ')}). Nothing was imported.`,
        2,
      );
    const merge = mergeOption(stringOption(values, 'merge'));
    if (file !== '-' && (await isFolder(file))) {
      if (merge !== undefined) throw new CliError('--merge is for one bibliography file, not a folder of PDFs', 2);
      return importFolder(ctx, resolve(file), values['dry-run'] === true);
    }
    const input =
      file === '-'
        ? { text: await ctx.readStdin(), name: stringOption(values, 'name') ?? 'standard input' }
        : { path: resolve(file) };
    if (values['dry-run']) return preview(ctx, input, values.json === true);
    const result = await ctx.call('library.import', { ...input, ...(merge !== undefined && { merge }) });
    if (values.json) {
      ctx.out(JSON.stringify(result, null, 2));
    } else if (result.pdf) {
      ctx.out(pdfLine(result.pdf));
      if (result.pdf.warning) ctx.err(`warning: ${result.pdf.warning}`);
    } else if (nothingUsable(result)) {
      // Not "Added 0 papers" then a warning: the problem is the answer.
      const [only, ...more] = result.errors;
      if (more.length === 0) ctx.err(`paperqueue import: ${only!.where}: ${only!.message}. Nothing was imported.`);
      else {
        ctx.err(`paperqueue import: nothing was imported; ${plural(result.errors.length, 'problem')}:`);
        for (const problem of result.errors) ctx.err(`  ${problem.where}: ${problem.message}`);
      }
    } else {
      const from = result.source ? ` from "${result.source}"` : '';
      ctx.out(`Added ${plural(result.added, 'paper')}${from}.`);
      const inLibrary = result.duplicates - result.repeats;
      if (inLibrary) ctx.out(`Skipped ${plural(inLibrary, 'duplicate')} already in the library.`);
      // Details a duplicate had that its paper lacked, whether that paper was in the library or came first in the file.
      if (result.merged) ctx.out(`Filled in missing details of ${plural(result.merged, 'paper')}.`);
      if (result.repeats) {
        const repeated = plural(result.repeats, 'entry', 'entries');
        ctx.out(`${repeated} of the file repeated an earlier one and went into its paper.`);
      }
      if (result.possible.length) {
        ctx.out(
          `Kept ${plural(result.possible.length, 'possible duplicate')} apart from the paper with the same title ` +
            '(--merge merges them; "paperqueue import --dry-run" says why each was kept apart).',
        );
      }
      // Papers known by their id alone (arXiv ids pasted or listed): what they lack, and how it comes.
      if (result.message) ctx.out(result.message);
      if (result.importId) ctx.out('"paperqueue undo-import" takes this import back.');
      for (const problem of result.errors) ctx.err(`warning: ${problem.where}: ${problem.message}`);
    }
    return nothingUsable(result) ? 1 : 0;
  },
};

/** Nothing usable in the file at all is a failure; a few bad entries beside good ones are warnings. */
const nothingUsable = (result: { added: number; duplicates: number; errors: unknown[] }): boolean =>
  result.added === 0 && result.duplicates === 0 && result.errors.length > 0;

const isFolder = (path: string): Promise<boolean> =>
  stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );

type PdfOutcome = { kind: 'attach' | 'new'; title: string; why: string; paperId: string; already: boolean };

function pdfLine(pdf: PdfOutcome): string {
  if (pdf.kind === 'new') return `Added "${titleAsRead(pdf.title)}" (${pdf.paperId}) with its PDF: ${pdf.why}.`;
  if (pdf.already) return `"${titleAsRead(pdf.title)}" (${pdf.paperId}) already has this PDF.`;
  return `Attached the PDF to "${titleAsRead(pdf.title)}" (${pdf.paperId}): ${pdf.why}.`;
}

/** Every PDF directly in a folder, one by one: one that fails is reported and the rest go on. */
async function importFolder(ctx: VerbContext, folder: string, dryRun: boolean): Promise<number> {
  const all = await readdir(folder);
  const backup = all
    // A backup (paperqueue-backup-<date>.json, or paperqueue-<date>.json before it had a name of its own), not CSL-JSON.
    .filter((name) => /^paperqueue-.*\.json$/i.test(name) && !/\.csl\.json$/i.test(name))
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
            `${name}: ${pdf.kind === 'new' ? 'would be a new paper' : `${pdf.already ? 'already on' : 'would attach to'} "${titleAsRead(pdf.title)}"`} (${pdf.why}).`,
          );
      } else {
        const { pdf } = await ctx.call('library.import', { path });
        if (pdf) ctx.out(`${name}: ${pdfLine(pdf)}`);
        if (pdf?.warning) ctx.err(`warning: ${pdf.warning}`);
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
  const inLibrary = result.duplicates - result.repeats;
  if (inLibrary) ctx.out(`Skipped ${plural(inLibrary, 'duplicate')} already in the library.`);
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
      : [e.kind, e.kind === 'duplicate' ? `${titleAsRead(e.title)} ${sameAs(e.existingId)}` : titleAsRead(e.title)],
  );
  // An error's end is often its hint ("a missing "}" or quote?"): wrapped on a terminal, whole in a pipe or file.
  if (rows.length) ctx.out(table(['', 'ENTRY'], rows, ctx.width, ctx.terminal ? 'wrap' : 'whole'));
  const possible = result.entries.flatMap((e) => (e.kind === 'new' && 'possible' in e ? [e] : []));
  if (possible.length) {
    ctx.out(`\n${plural(possible.length, 'possible duplicate')}, kept apart unless --merge names them:`);
    for (const e of possible) {
      const other = e.possible;
      const id = other.paperId ? ` (${other.paperId})` : ' (earlier in this file)';
      ctx.out(`  ${e.entry}. ${work(e.title, e.authors, e.year)}`);
      ctx.out(`     possibly the same as ${work(other.title, other.authors, other.year)}${id}`);
      ctx.out(`     same title, but ${other.why.join('; ') || 'it was told apart'}`);
    }
  }
  return 0;
}

/** Which paper a duplicate is: one in the library by its id, or one earlier in the same file (no id yet). */
const sameAs = (id: string): string => (id ? `(= ${id})` : '(= an entry earlier in this file)');

/** A work as the dry run names it: its title as read (--json keeps its TeX), its first author and its year. */
function work(title: string, authors: string[], year: number | undefined): string {
  const by = authors.length ? `, ${authors[0]}${authors.length > 1 ? ' et al.' : ''}` : '';
  return `“${titleAsRead(title)}”${by}${year !== undefined ? `, ${year}` : ''}`;
}

/** --merge all, none, or the numbers --dry-run gave its possible duplicates (1,3 or "1, 3"). */
export function mergeOption(value: string | undefined): 'all' | number[] | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'all') return 'all';
  if (text === 'none' || text === '') return [];
  const numbers = text.split(/\s*,\s*/);
  if (!numbers.every((n) => /^[1-9]\d{0,6}$/.test(n))) {
    throw new CliError(`--merge takes all, none or numbers such as 1,3 (from --dry-run), not "${value}"`, 2);
  }
  return [...new Set(numbers.map(Number))];
}
