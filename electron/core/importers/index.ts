import { looksLikeBackup, parseBackup } from './backup';
import { arxivListingImporter } from './arxiv-listing';
import { bibtexImporter } from './bibtex';
import { crossrefImporter } from './crossref';
import { cslJsonImporter } from './csl-json';
import { drain, readDigest } from './digest';
import { hfDailyImporter } from './hf-daily';
import { idListImporter } from './id-list';
import { jsonProblem } from '../json-problem';
import { MAX_JSON_DEPTH, jsonDepth } from './json-guard';
import { risImporter } from './ris';
import { textRecordsImporter } from './text-records';
import type { Importer, ParsedImport } from './types';
import { CommandError } from '../result';

export type { ImportProblem, ParsedImport } from './types';

/** Text formats, in the order their content is tried; the seed-style digest is the fallback. */
const TEXT_IMPORTERS: Importer[] = [
  arxivListingImporter,
  bibtexImporter,
  risImporter,
  idListImporter,
  textRecordsImporter,
];
const JSON_IMPORTERS: Importer[] = [hfDailyImporter, crossrefImporter, cslJsonImporter];
const BY_FORMAT = new Map([...TEXT_IMPORTERS, ...JSON_IMPORTERS].map((i) => [i.format, i]));

export const IMPORT_FORMATS = [
  'auto',
  'digest',
  'json-backup',
  'bibtex',
  'ris',
  'csl-json',
  'crossref',
  'hf-daily',
  'arxiv-listing',
  'id-list',
  'text-records',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Recognise the format from the content (never the file name) and parse it.
 * `fileLabel` names the file (or "pasted text") in every problem reported. A file named .json that no
 * format recognises is broken JSON, and told so with where it breaks, not read as a digest.
 */
export function parseImport(text: string, format: ImportFormat, fileLabel: string): ParsedImport {
  return drain(readImport(text, format, fileLabel));
}

/**
 * parseImport in slices: a digest (what a big paste mostly is) pauses every few paragraphs. Between slices
 * that took over SLICE_MS, the event loop runs (a cancel gets in) and `signal` is checked: once aborted, this
 * stops there and throws CANCELLED. Other formats are read in one piece, the signal checked before and after.
 */
export async function parseImportInSlices(
  text: string,
  format: ImportFormat,
  fileLabel: string,
  signal: AbortSignal,
): Promise<ParsedImport> {
  const steps = readImport(text, format, fileLabel);
  let since = performance.now();
  for (;;) {
    throwIfCancelled(signal);
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since < SLICE_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  }
}

/** How long a slice of a parse runs before the event loop gets a turn. */
const SLICE_MS = 20;

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CommandError('CANCELLED', 'The preview was cancelled; nothing was read further.');
}

function* readImport(text: string, format: ImportFormat, fileLabel: string): Generator<void, ParsedImport> {
  // Every format is recognised and read the same whatever its line endings (CRLF, classic Mac CR).
  const bom = text.replace(/^\s*\uFEFF/, '');
  const body = bom.includes('\r') ? bom.replace(/\r\n?/g, '\n') : bom;
  if (format === 'digest') return yield* readDigest(body, fileLabel, fileLabel);
  const chosen = BY_FORMAT.get(format);
  if (chosen) return chosen.parse(body, fileLabel);
  const namedJson = /\.json$/i.test(fileLabel.trim());
  if (format === 'json-backup' || /^\s*[[{]/.test(body)) {
    const backup = format === 'json-backup';
    const json = parseJson(body, fileLabel, backup, backup || namedJson);
    if (json) return json;
  }
  const importer = TEXT_IMPORTERS.find((i) => i.sniff(body));
  if (importer) return importer.parse(body, fileLabel);
  return (namedJson && parseJson(body, fileLabel, false, true)) || (yield* readDigest(body, fileLabel, fileLabel));
}

/**
 * A JSON import, or undefined when the text is not JSON after all (a digest may start with "["); `mustBeJson`
 * when it cannot be anything else (a backup was asked for, or the file is named .json).
 */
function parseJson(
  body: string,
  fileLabel: string,
  mustBeBackup: boolean,
  mustBeJson: boolean,
): ParsedImport | undefined {
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    return failed(fileLabel, `nested more than ${MAX_JSON_DEPTH} levels deep; no bibliography looks like this`, 'json');
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    if (mustBeJson || /^\s*\{\s*"/.test(body)) return failed(fileLabel, jsonProblem(body, error), 'json');
    return undefined;
  }
  if (looksLikeBackup(value)) return parseBackup(value, fileLabel);
  if (mustBeBackup) return failed(fileLabel, 'this JSON file is not a Paperqueue backup', 'json');
  const importer = JSON_IMPORTERS.find((i) => i.sniff(body));
  if (importer) return importer.parse(body, fileLabel);
  return failed(
    fileLabel,
    'this JSON is none of the formats Paperqueue reads (a Paperqueue backup, CSL-JSON, a Crossref API response, Hugging Face daily papers)',
    'json',
  );
}

function failed(fileLabel: string, message: string, format: string): ParsedImport {
  return { format, sourceName: fileLabel, drafts: [], problems: [{ where: fileLabel, message }], found: 0 };
}
