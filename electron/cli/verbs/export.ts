import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/exporters';
import { writeExportFolder } from '../../core/exporters/write-folder';
import { inPieces, notesInFolder, zipParts } from '../../core/exporters/zip';
import { LIST_STATUSES } from '../../core/query';
import { writeFileDurably } from '../../core/store/durable-file';
import { plural } from '../format';
import { CliError, stringOption, type Verb, type VerbContext } from '../verb';

export const exportVerb: Verb = {
  name: 'export',
  usage: `export --format ${EXPORT_FORMATS.join('|')} [--out PATH] [--combined | --zip] [--with-attachments] [--status S] [--tag T] [--search Q]`,
  summary:
    "Export the library (or the papers a filter selects); json is a full backup, and with --with-attachments --out DIR also copies the PDFs. Markdown writes one file per paper into --out DIR, the same notes as one .zip with --zip --out FILE (as the app's Markdown notes download), or one file with --combined.",
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    combined: { type: 'boolean' },
    zip: { type: 'boolean' },
    'with-attachments': { type: 'boolean' },
    status: { type: 'string' },
    tag: { type: 'string' },
    search: { type: 'string' },
  },
  async run(ctx, { values }) {
    const format = stringOption(values, 'format') ?? 'json';
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`unknown format "${format}"; use one of ${EXPORT_FORMATS.join(', ')}`, 2);
    }
    const withAttachments = values['with-attachments'] === true;
    if (withAttachments && (format !== 'json' || !stringOption(values, 'out'))) {
      throw new CliError('--with-attachments goes with --format json --out DIR (the backup and its PDFs)', 2);
    }
    const zip = values.zip === true;
    if (zip && (format !== 'markdown' || values.combined || !stringOption(values, 'out'))) {
      throw new CliError('--zip goes with --format markdown --out FILE (the notes, one a paper, in one .zip)', 2);
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
    if (result.kind === 'folder' && zip && out) {
      // Built here from the notes, not by the command as base64, so a large export is written as it is zipped.
      const entries = notesInFolder(result.folderName, result.files);
      await writeFileDurably(resolve(out), inPieces(zipParts(entries, new Date())), { mode: 0o666 });
      ctx.err(`Exported ${plural(result.count, 'paper')} as ${plural(entries.length, 'note')} in ${out}.`);
      return;
    }
    if (result.kind === 'folder') {
      if (!out) throw new CliError('markdown writes one file per paper: give --out DIR, or --combined for one file', 2);
      await writeExportFolder(resolve(out), result.files);
      ctx.err(`Exported ${plural(result.count, 'paper')} as ${plural(result.files.length, 'file')} into ${out}.`);
      return;
    }
    if (!out) {
      ctx.out(result.content.replace(/\r?\n$/, ''));
      return;
    }
    if (withAttachments) return exportWithAttachments(ctx, resolve(out), result.fileName, result.content, result.count);
    await writeFileDurably(resolve(out), result.content, { mode: 0o666 });
    ctx.err(`Exported ${plural(result.count, 'paper')} to ${out}.`);
  },
};

/**
 * A backup folder: the JSON backup, which names each PDF by its SHA-256, and attachments/<sha256>.pdf.
 * `paperqueue import DIR` restores both.
 */
async function exportWithAttachments(
  ctx: VerbContext,
  folder: string,
  fileName: string,
  content: string,
  count: number,
): Promise<void> {
  const hashes = new Set<string>();
  const backup = JSON.parse(content) as { papers: { attachments?: { hash: string }[] }[] };
  for (const paper of backup.papers) for (const a of paper.attachments ?? []) hashes.add(a.hash);
  await mkdir(join(folder, 'attachments'), { recursive: true });
  await writeFileDurably(join(folder, fileName), content, { mode: 0o666 });
  const missing: string[] = [];
  for (const hash of hashes) {
    try {
      const { base64 } = await ctx.call('attachments.read', { hash });
      await writeFileDurably(join(folder, 'attachments', `${hash}.pdf`), Buffer.from(base64, 'base64'), {
        mode: 0o666,
      });
    } catch (error) {
      missing.push(hash);
      ctx.err(`warning: PDF ${hash.slice(0, 12)}… was not copied: ${(error as Error).message}`);
    }
  }
  ctx.err(`Exported ${plural(count, 'paper')} and ${plural(hashes.size - missing.length, 'PDF')} into ${folder}.`);
}
