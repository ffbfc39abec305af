import { LIBRARY_VERSION, type Paper } from '../schema';
import { toBibtex } from './bibtex';
import { toCslJson } from './csl-json';
import { toCsv } from './csv';
import { toMarkdownCombined, toMarkdownFiles } from './markdown';
import { toRis } from './ris';

export const EXPORT_FORMATS = ['json', 'bibtex', 'csl-json', 'ris', 'csv', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** One file (content) or, for markdown per paper, many files (relative path -> content). */
export type ExportOutput =
  | { kind: 'file'; extension: string; mime: string; content: string }
  | { kind: 'folder'; files: { path: string; content: string }[] };

export type ExportOptions = { markdownLayout?: 'per-paper' | 'combined'; now: Date };

/** Papers in one export format; pure, so every host (CLI, HTTP, Electron) writes the same bytes. */
export function exportPapers(papers: readonly Paper[], format: ExportFormat, options: ExportOptions): ExportOutput {
  switch (format) {
    case 'json':
      return file('json', 'application/json', backupJson(papers, options.now));
    case 'bibtex':
      return file('bib', 'application/x-bibtex', toBibtex(papers));
    case 'csl-json':
      // Still a .json file to Pandoc and Zotero, and not taken for the backup (also .json) in a downloads folder.
      return file('csl.json', 'application/vnd.citationstyles.csl+json', toCslJson(papers));
    case 'ris':
      return file('ris', 'application/x-research-info-systems', toRis(papers));
    case 'csv':
      return file('csv', 'text/csv', toCsv(papers));
    case 'markdown':
      return options.markdownLayout === 'combined'
        ? file('md', 'text/markdown', toMarkdownCombined(papers, options.now))
        : { kind: 'folder', files: toMarkdownFiles(papers) };
  }
}

/** The full backup library.import restores: the same shape library.export writes. */
export function backupJson(papers: readonly Paper[], now: Date): string {
  const backup = { app: 'Paperqueue', version: LIBRARY_VERSION, exportedAt: now.toISOString(), papers };
  return JSON.stringify(backup, null, 1) + '\n';
}

function file(extension: string, mime: string, content: string): ExportOutput {
  return { kind: 'file', extension, mime, content };
}
