import type { ParsedImport } from '../../../electron/core/importers/types';

/**
 * The drafts without their structured names (authorNames, editors), for tests written before names were
 * structured that compare whole drafts; the names shown (authors) stay. names.test.ts checks the structure.
 */
export function withoutNames(parsed: ParsedImport): ParsedImport {
  return { ...parsed, drafts: parsed.drafts.map(stripNames) };
}

function stripNames<T extends { authorNames?: unknown; editors?: unknown }>(
  draft: T,
): Omit<T, 'authorNames' | 'editors'> {
  const copy = { ...draft };
  delete copy.authorNames;
  delete copy.editors;
  return copy;
}
