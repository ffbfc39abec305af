import { open } from 'node:fs/promises';
import { readPdfFile } from '../commands/attachments';
import { isPdf } from '../pdf';
import { CommandError } from '../result';
import { MAX_IMPORT_BYTES, readImportFile } from './read-file';
import { decodeImportBytes } from './decode';
import { parseImport, parseImportInSlices, type ImportFormat } from './index';
import type { ParsedImport } from './types';

/** What an import was given: pasted text, a file the CLI names by its path, or a file's bytes from the app. */
export type ImportGiven = { text?: string; path?: string; base64?: string; name?: string; format: ImportFormat };

/** What was given: text to parse, or a PDF's bytes. */
export type Given = { kind: 'text'; parsed: ParsedImport } | { kind: 'pdf'; bytes: Uint8Array; name: string };

/** `signal`: read in slices, stopping (CANCELLED) once it is aborted (a preview's Cancel). */
export async function readInput(input: ImportGiven, signal?: AbortSignal): Promise<Given> {
  const parse = (text: string, label: string): ParsedImport | Promise<ParsedImport> =>
    signal ? parseImportInSlices(text, input.format, label, signal) : parseImport(text, input.format, label);
  if (input.path) {
    if (await startsLikePdf(input.path)) {
      return { kind: 'pdf', bytes: await readPdfFile(input.path), name: input.path.split(/[\\/]/).at(-1)! };
    }
    const file = await readImportFile(input.path);
    refuseBinary(file.text, file.label);
    return { kind: 'text', parsed: await parse(file.text, file.label) };
  }
  const label = input.name ?? 'pasted text';
  if (input.base64 !== undefined) {
    const bytes = Buffer.from(input.base64, 'base64');
    if (isPdf(bytes)) return { kind: 'pdf', bytes, name: label };
    if (bytes.length > MAX_IMPORT_BYTES) {
      throw new CommandError('INVALID_INPUT', `${label} is over 50 MB; split it and import the parts.`);
    }
    const { text } = decodeImportBytes(bytes);
    refuseBinary(text, label);
    return { kind: 'text', parsed: await parse(text, label) };
  }
  return { kind: 'text', parsed: await parse(input.text ?? '', label) };
}

/** Only the first bytes are read to tell a PDF (which is read whole) from a text file (decoded). */
async function startsLikePdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(1024), 0, 1024, 0);
    return isPdf(buffer.subarray(0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * A file that is not text (an image, an archive, a Word file) is refused, rather than read as a digest of
 * one paper titled with control characters: NUL, or more than 1% control characters in its first 8,000.
 */
export function refuseBinary(text: string, label: string): void {
  const head = text.slice(0, 8000);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127) {
      if (first < 0) first = i;
      controls++;
      if (code === 0) controls += head.length;
    }
  }
  if (controls === 0 || controls * 100 <= head.length) return;
  throw new CommandError(
    'INVALID_INPUT',
    `${label} is not a file Paperqueue reads: it is binary (a control character at byte ${first}). ` +
      'Paperqueue imports BibTeX, RIS, CSL-JSON, a daily digest page, arXiv ids, its own backups, and PDFs.',
  );
}
