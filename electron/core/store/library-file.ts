import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { LIBRARY_VERSION, LibraryFileSchema, emptyLibrary, type LibraryFile } from '../schema';
import { lineColumnAt } from '../text';
import { writeFileDurably } from './durable-file';
import { migrate } from './migrations';

/** library.json could not be used as it is. The file is left untouched. */
export class StoreLoadError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`Cannot open the library ${file}: ${reason}. The file was left untouched.`);
    this.name = 'StoreLoadError';
    this.file = file;
  }
}

/** lowdb adapter for library.json: strict decoding, validation and migration on read; durable writes. */
export class LibraryFileAdapter implements Adapter<LibraryFile> {
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }

  async read(): Promise<LibraryFile | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new StoreLoadError(this.file, describeSystemError(error));
    }
    return parseLibrary(this.file, bytes);
  }

  async write(data: LibraryFile): Promise<void> {
    await writeFileDurably(this.file, serializeLibrary(data));
  }
}

export function serializeLibrary(data: LibraryFile): string {
  return JSON.stringify(data, null, 1) + '\n';
}

export function parseLibrary(file: string, bytes: Uint8Array): LibraryFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new StoreLoadError(file, 'it is not UTF-8 text');
  }
  if (text.trim() === '') throw new StoreLoadError(file, 'it is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreLoadError(file, describeJsonError(text, error));
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreLoadError(file, 'it has no valid "version" field, so it is not a Paperqueue library');
  }
  if (version > LIBRARY_VERSION) {
    throw new StoreLoadError(
      file,
      `it was written by a newer Paperqueue (library version ${version}; this one reads up to ${LIBRARY_VERSION})`,
    );
  }
  const parsed = LibraryFileSchema.safeParse(migrate(raw as { version: number }));
  if (!parsed.success) throw new StoreLoadError(file, describeIssues(parsed.error));
  return parsed.data;
}

export { emptyLibrary };

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) {
    const { line, column } = lineColumnAt(text, Number(position[1]));
    return `it is not valid JSON at line ${line}, column ${column} (${message.replace(/ in JSON at position.*/, '')})`;
  }
  if (/end of JSON input|Unterminated/i.test(message)) return 'it is not valid JSON: it ends too early (truncated?)';
  return `it is not valid JSON (${message})`;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `it does not match the library format: ${shown.join('; ')}${more}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
