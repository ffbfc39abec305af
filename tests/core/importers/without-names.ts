import type { ParsedImport } from '../../../electron/core/importers/types';

/**
 * The drafts without their structured names (authorNames, editors) and the fields kept verbatim (extra),
 * for tests written before those existed that compare whole drafts; the names shown (authors) stay.
 * names.test.ts and round-trip-formats.test.ts check those.
 */
export function withoutNames(parsed: ParsedImport): ParsedImport {
  return { ...parsed, drafts: parsed.drafts.map(stripNames) };
}

function stripNames<T extends { authorNames?: unknown; editors?: unknown; extra?: unknown }>(
  draft: T,
): Omit<T, 'authorNames' | 'editors' | 'extra'> {
  const copy = { ...draft };
  delete copy.authorNames;
  delete copy.editors;
  delete copy.extra;
  return copy;
}
