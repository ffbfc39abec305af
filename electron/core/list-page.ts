/**
 * Rows the list asks for at a time (papers.rows), and the page a bench search asks for. A page of a search
 * carries a passage for each row, read from its abstract; at 1,440 × 900 the list shows about 20 rows, so
 * 50 are two and a half screens, and the list asks for the next page while a screen or so of rows is still
 * ahead (list-slice.ts `showRange`). Pages of 100 took half as long again to answer a search on a large
 * library's first start, while its index is built (the first start's 30 searches at 100,000 papers, three
 * alternating runs each: 538–663 ms in all against 665–850, the slowest 36–46 ms against 55–76), for rows
 * seldom reached before the next search; pages of 200 had doubled that work again. A type as well as a value:
 * the renderer, which imports only types from here, declares its page size as this type, so the two cannot
 * differ.
 */
export type ListPageRows = 50;
export const LIST_PAGE_ROWS: ListPageRows = 50;
