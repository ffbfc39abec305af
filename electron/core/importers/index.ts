import { parseBackup, looksLikeBackup } from './backup';
import { parseDigest } from './digest';
import type { ParsedImport } from './types';

export const IMPORT_FORMATS = ['auto', 'digest', 'json-backup'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type { ImportProblem, ParsedImport } from './types';

/**
 * Recognise the format from the content (never the file name) and parse it.
 * `fileLabel` names the file (or "pasted text") in every problem reported.
 */
export function parseImport(text: string, format: ImportFormat, fileLabel: string): ParsedImport {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'json-backup' || (format === 'auto' && /^\s*[[{]/.test(body))) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      if (format === 'json-backup') {
        return failed(fileLabel, `not valid JSON (${(error as Error).message})`, 'json-backup');
      }
      return parseDigest(body, fileLabel, fileLabel);
    }
    if (looksLikeBackup(value)) return parseBackup(value, fileLabel);
    return failed(
      fileLabel,
      'this JSON file is not a Paperqueue backup (it has no "version" and "papers"); other JSON formats are not supported yet',
      'json',
    );
  }
  return parseDigest(body, fileLabel, fileLabel);
}

function failed(fileLabel: string, message: string, format: string): ParsedImport {
  return { format, sourceName: fileLabel, drafts: [], problems: [{ where: fileLabel, message }] };
}
