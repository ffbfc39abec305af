import type { PaperDraft } from '../paper';

/**
 * True when an entry gave anything a paper keeps. An entry without a title is still imported (shown as
 * "Untitled" with its authors, year and key); only one with nothing at all, such as `@foo{}`, is skipped.
 */
export function hasContent(draft: PaperDraft): boolean {
  return Boolean(
    draft.title ||
    draft.authors?.length ||
    draft.abstract ||
    draft.year !== undefined ||
    draft.venue ||
    draft.doi ||
    draft.arxivId ||
    draft.url ||
    draft.citationKey ||
    draft.keywords?.length ||
    draft.links?.length,
  );
}

/** Why an entry with nothing a paper keeps was skipped. */
export const EMPTY_ENTRY = 'skipped: the entry has no title, author, year, key or other field Paperqueue keeps';
