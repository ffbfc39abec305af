/*
 * Where in a PDF a word is, as the PDF index keeps it beside each posting: a mask of 32 bits, one a group of
 * pages. A PDF of up to 32 pages has a group a page; a longer one has 32 runs of pages of about equal length.
 * A row's passage then reads only the pages where the search's words are (pdf-snippet.ts), not every page.
 */

/** Groups of pages a mask has bits for. */
export const PAGE_GROUPS = 32;

/** The group of page `page` (from 0) of a PDF of `pages` pages. */
export function pageGroup(page: number, pages: number): number {
  return pages <= PAGE_GROUPS ? page : Math.min(PAGE_GROUPS - 1, Math.floor((page * PAGE_GROUPS) / pages));
}

/** How many groups a mask has. */
export function groupCount(mask: number): number {
  let count = 0;
  for (let bits = mask >>> 0; bits !== 0; bits &= bits - 1) count++;
  return count;
}

/**
 * A mask (not 0) as the index codes it beside a posting: the bits above its lowest, which is the group of the
 * posting's section (the page where the word first is), kept beside it. A word on one page codes as 0.
 */
export function codeGroups(mask: number): number {
  const first = 31 - Math.clz32(mask & -mask);
  return (mask >>> first) >>> 1;
}

/** The mask that codeGroups coded, given the group of the posting's first page. */
export const decodeGroups = (code: number, first: number): number => (((code << 1) | 1) << first) >>> 0;
