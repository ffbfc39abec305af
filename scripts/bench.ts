/**
 * npm run bench [-- --json] [-- --sizes 1000,10000] [-- --references 10000] [-- --no-browser]
 *   [-- --pdf-size 100000] [-- --pdfs 1000] [-- --no-pdf] [-- --no-pdf-reader]
 * Synthetic libraries of 1k/10k/100k papers: open, save, burst, search, filter, import and export timings;
 * search where some papers have a PDF's text (`pdf`), with real PDFs' extraction and attaching, and the
 * reader in Chromium (first page, page turns, scrolling, a 350-page book's memory; not with --no-browser).
 * With two or more sizes of 10,000 and up (`--sizes 10000,30000,100000,300000`, not in CI), `growth` fits how
 * open, the save's block, the index build and search p99 grow with the library (an exponent each).
 *   [-- --sync-papers 100000] [-- --no-sync]
 * Sync (`sync`): merging another device's 10,000 changes into a library, bytes per change, an open with a backlog,
 * a snapshot (scripts/bench/sync.ts).
 * A script, not a test: it reports numbers and never asserts them.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { measureBrowser, type BrowserResult } from './bench/browser';
import { makeBibtex, makeVocabulary } from './bench/data';
import { growthOf } from './bench/growth';
import { measureSize, type SizeResult } from './bench/measure';
import { measurePdf, type PdfResult } from './bench/pdf';
import { measurePdfFiles } from './bench/pdf-files';
import { measurePdfReader } from './bench/pdf-reader';
import { measureSync } from './bench/sync';

export function machine(): Record<string, string | number> {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 1e8) / 10,
    node: process.version,
  };
}

export function formatTable(sizes: Record<string, SizeResult>): string {
  const columns = Object.keys(sizes);
  const metrics = [...new Set(columns.flatMap((size) => Object.keys(sizes[size]!)))].filter((m) => m !== 'notes');
  const rows = [['metric', ...columns], ...metrics.map((m) => [m, ...columns.map((s) => String(sizes[s]![m] ?? ''))])];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '),
  );
  const notes = columns.map((s) => `notes ${s}: ${String(sizes[s]!.notes ?? '')}`);
  return [...lines, '', ...notes].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '1000,10000,100000' },
      // MiniSearch and FlexSearch take minutes at 100,000 papers (55 s and 158 s to build), past the run's budget.
      references: { type: 'string', default: '1000,10000' },
      'browser-size': { type: 'string', default: '100000' },
      'no-browser': { type: 'boolean', default: false },
      'pdf-size': { type: 'string', default: '100000' },
      pdfs: { type: 'string', default: '1000' },
      'no-pdf': { type: 'boolean', default: false },
      'no-pdf-reader': { type: 'boolean', default: false },
      'sync-papers': { type: 'string', default: '100000' },
      'no-sync': { type: 'boolean', default: false },
    },
  });
  const referenceSizes = new Set(values.references.split(',').map((s) => Number(s.trim())));
  const sizeList = values.sizes
    .split(',')
    .filter((s) => s.trim())
    .map((s) => Number(s.trim()));
  if (sizeList.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes wants whole numbers: ${values.sizes}`);

  // One vocabulary and one BibTeX file for the whole run, so every size sees the same words.
  const vocab = makeVocabulary();
  const bibtex = makeBibtex(vocab, 10_000);
  const sizes: Record<string, SizeResult> = {};
  for (const size of sizeList) {
    if (!values.json) process.stderr.write(`measuring ${size} papers...\n`);
    sizes[String(size)] = await measureSize(vocab, size, bibtex, { references: referenceSizes.has(size) });
  }

  // One object that other measurements of PDFs add their figures to.
  const pdf: PdfResult = {};
  if (!values['no-pdf']) {
    const [size, count] = [Number(values['pdf-size']), Number(values.pdfs)];
    if (!values.json) process.stderr.write(`measuring search in ${count} PDFs among ${size} papers...\n`);
    Object.assign(pdf, await measurePdf(vocab, size, count));
    if (!values.json) process.stderr.write('measuring text extraction and attaching of real PDFs...\n');
    Object.assign(pdf, await measurePdfFiles());
  }

  let browser: BrowserResult = {
    first_rows_ms: null,
    scroll_fps: null,
    typing_fps: null,
    note: 'skipped: --no-browser',
  };
  if (!values['no-browser']) {
    const browserSize = Number(values['browser-size']);
    if (!values.json) process.stderr.write(`measuring ${browserSize} papers in Chromium...\n`);
    browser = await measureBrowser(vocab, browserSize).catch((error: unknown) => ({
      first_rows_ms: null,
      scroll_fps: null,
      typing_fps: null,
      note: `failed: ${error instanceof Error ? error.message : String(error)}`,
    }));
  }

  if (!values['no-pdf']) {
    const skip = values['no-browser'] ? '--no-browser' : values['no-pdf-reader'] ? '--no-pdf-reader' : undefined;
    if (skip) {
      for (const key of ['first_page_ms', 'page_turn_p99_ms', 'scroll_fps', 'reader_rss_mb']) pdf[key] = null;
      pdf.reader_note = `skipped: ${skip}`;
    } else {
      if (!values.json) process.stderr.write('measuring the PDF reader in Chromium...\n');
      Object.assign(pdf, await measurePdfReader());
    }
  }

  let sync: Record<string, unknown> = { note: 'skipped: --no-sync' };
  if (!values['no-sync']) {
    if (!values.json) process.stderr.write('measuring sync...\n');
    sync = await measureSync(vocab, Number(values['sync-papers']), 10_000).catch((error: unknown) => ({
      note: `failed: ${error instanceof Error ? error.message : String(error)}`,
    }));
  }

  const growth = growthOf(sizes);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ machine: machine(), sizes, growth, pdf, browser, sync })}\n`);
  } else {
    const m = machine();
    const shown =
      `first_rows_ms ${browser.first_rows_ms ?? '-'}, scroll_fps ${browser.scroll_fps ?? '-'}, ` +
      `typing_fps ${browser.typing_fps ?? '-'}, mutation_ms p50 ${browser.mutation_ms_p50 ?? '-'} ` +
      `max ${browser.mutation_ms_max ?? '-'} (frames before it: ${browser.mutation_frames_max ?? '-'}); first start: ` +
      `first rows ${browser.cold_first_rows_ms ?? '-'} (the app's ${browser.cold_app_rows_ms ?? '-'}), search p99 ${browser.cold_search_p99_ms ?? '-'}, For you ` +
      `${browser.cold_for_you_ms ?? '-'}; second start: first rows ${browser.warm_first_rows_ms ?? '-'} (the app's ${browser.warm_app_rows_ms ?? '-'}), ` +
      `For you ` +
      `${browser.warm_for_you_ms ?? '-'}, a search answered by the whole index ${browser.warm_search_whole_ms ?? '-'}`;
    process.stdout.write(`${formatTable(sizes)}\nbrowser: ${shown} (${browser.note})\n`);
    if (growth) {
      const fitted = Object.entries(growth.exponents).map(([key, k]) => `${key} ${k ?? '-'}`);
      process.stdout.write(`growth over ${growth.sizes.join(', ')}: ${fitted.join(', ')} (${growth.note})\n`);
    }
    const pdfShown = Object.entries(pdf).filter(([key]) => !key.startsWith('notes') && !key.endsWith('_note'));
    if (pdfShown.length) process.stdout.write(`pdf: ${pdfShown.map(([key, value]) => `${key} ${value}`).join(', ')}\n`);
    process.stdout.write(
      `sync: ${Object.entries(sync)
        .map(([key, value]) => `${key} ${String(value)}`)
        .join(', ')}\n`,
    );
    process.stdout.write(`machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB, node ${m.node}\n`);
  }
}

await main();
