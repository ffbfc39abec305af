/**
 * Rows the list asks for at a time (papers.rows), and the page a bench search asks for. A page of a search
 * carries a passage for each row, read from its abstract; at 1,440 × 900 the list shows about 20 rows, so
 * 100 are five screens. Pages of 200 (ten screens) doubled a search's work on the server at each key typed,
 * and the first rows' answer, for rows seldom reached before the next search. A type as well as a value: the
 * renderer, which imports only types from here, declares its page size as this type, so the two cannot differ.
 */
export type ListPageRows = 100;
export const LIST_PAGE_ROWS: ListPageRows = 100;
