import type { AppState } from './index';
import type { ListRanking } from './list-ranking';
import type { ListRows } from './list-rows';
import type { Source } from './list-source';
import type { Corrections, ListSort, PaperRow, View } from './types';

/** What the list holds and does: the view, its search and sort, and its rows as they come (list-slice.ts). */
export type ListSlice = {
  view: View;
  search: string;
  sort: ListSort;
  /**
   * Set while the inbox is sorted "For you": the summary line, each paper's score (and rule), and the
   * reasons of the papers whose rows came (`explained`; a large inbox is explained a page at a time).
   */
  ranking: ListRanking | undefined;
  /**
   * The rows of the current view by position (light: the detail panel loads the whole paper). They
   * arrive a page at a time: a position is undefined until its page has come.
   */
  papers: ListRows;
  total: number;
  loading: boolean;
  setView: (view: View) => void;
  setSearch: (search: string) => void;
  setSort: (sort: ListSort) => void;
  /** The current view afresh: its first page and how many papers it has. */
  loadList: () => Promise<void>;
  /** After a change in the library: the pages on screen again, and the count; other pages come again when shown. */
  refreshList: () => Promise<void>;
  /** The list shows positions from..to (exclusive): ask for the pages among them that have not come. */
  showRange: (from: number, to: number) => void;
  /** The positions the list last said it shows (showRange), where the papers a person acts on almost always are. */
  onScreen: () => { from: number; to: number };
  /** The rows at positions from..to (exclusive), asking for those that have not come (keyboard steps, moves). */
  rowsBetween: (from: number, to: number) => Promise<PaperRow[]>;
  /**
   * Once the list has come, the cursor on the first of `ids` in its order (papers just imported), its row
   * fetched if its page has not come, so that the list scrolls to it. Nothing if none of them is listed.
   */
  reveal: (ids: readonly string[]) => Promise<void>;
  /** The ids at positions from..to (exclusive), from the rows here or else from the library (ranges, exports). */
  idsBetween: (from: number, to: number) => Promise<string[]>;
  /**
   * Rows changed here ahead of the library (a status change shown at once); `dropped` papers left the list.
   * `also`: the rest of the change (the cursor, the picked papers), in the same update, so the list is drawn once.
   */
  replaceRows: (papers: ListRows, dropped?: ReadonlySet<string>, also?: Partial<AppState>) => void;
  /**
   * The open paper, after the detail pane moved it out of this view (marked Reading in the Inbox): it stays on
   * screen, dimmed, at its old place, until the selection moves away. Not one of `papers`, whose positions are
   * the library's.
   */
  lingering: Lingering | undefined;
  /**
   * The open paper, when the list shown is known not to hold it (a search that leaves it out, a paper opened
   * from "More like this" in another view): the detail pane says so (outside-list.ts keeps it).
   */
  outside: string | undefined;
  /** Where the list's positions come from now (undefined before its first answer and for the stats). */
  listSource: () => Source | undefined;
  /** A search that matches nothing in this view: how many papers it matches in All papers. */
  matchesElsewhere: number | undefined;
  /**
   * The search was answered from the titles and authors alone: the library's index is still being built or
   * read (the first seconds of a large library). The list asks again until the whole index answers.
   */
  titlesOnly: boolean;
  /** The search's words read as typos (no paper has them as typed) and the spellings it took instead. */
  corrections: Corrections | undefined;
  /**
   * The view whose last answer had no papers: while another answer for it comes (a new search, a refresh) the
   * list keeps saying so, rather than draw an empty grid for a moment that takes its links' place.
   */
  emptyView?: View;
};

export type Lingering = { row: PaperRow; index: number };
