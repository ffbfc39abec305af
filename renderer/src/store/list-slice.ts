import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import { PAGE_SIZE, loadedBetween, missingPages, placed, rowsWith, withoutPlaces, type ListRows } from './list-rows';
import { inView, type PendingStatuses } from './pending';
import type { ListQuery, ListSort, PaperRow, Ranking, View } from './types';

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
  /** The rows at positions from..to (exclusive), asking for those that have not come (keyboard steps, moves). */
  rowsBetween: (from: number, to: number) => Promise<PaperRow[]>;
  /** The ids at positions from..to (exclusive), from the rows here or else from the library (ranges, exports). */
  idsBetween: (from: number, to: number) => Promise<string[]>;
  /** Rows changed here ahead of the library (a status change shown at once); `dropped` papers left the list. */
  replaceRows: (papers: ListRows, dropped?: ReadonlySet<string>) => void;
  /**
   * The open paper, after the detail pane moved it out of this view (marked Reading in the Inbox): it stays on
   * screen, dimmed, at its old place, until the selection moves away. Not one of `papers`, whose positions are
   * the library's.
   */
  lingering: Lingering | undefined;
  /** A search that matches nothing in this view: how many papers it matches in All papers. */
  matchesElsewhere: number | undefined;
};

export type Lingering = { row: PaperRow; index: number };

export type RankedItem = Ranking['items'][number];
export type ListRanking = {
  summary: string;
  fallback: boolean;
  byId: Record<string, RankedItem>;
  explained: Record<string, RankedItem>;
};

/** A paper's place in the ranking, with its reason once its row has come. */
export function rankedItem(ranking: ListRanking | undefined, id: string): RankedItem | undefined {
  return ranking?.explained[id] ?? ranking?.byId[id];
}

/** Where the list's positions come from: the library's query, or (For you) an order of ids ranked here. */
type Source = { kind: 'query'; query: ListQuery } | { kind: 'ids'; ids: string[] };

/** Rows for positions offset..offset+span; fewer rows than `span` when some papers are gone. */
type Answer = { total: number; rows: PaperRow[]; span: number };

/** The library query behind a view, its search text and its sort (For you lists the inbox in queue order). */
export function listQuery(view: View, search: string, sort: ListSort): ListQuery {
  return {
    status: view.kind === 'status' ? view.status : 'all',
    source: view.kind === 'source' ? view.name : undefined,
    tag: view.kind === 'tag' ? view.tag : undefined,
    text: search.trim() || undefined,
    sort: sort === 'foryou' ? 'queue' : sort,
  };
}

export const createListSlice =
  (transport: Transport, pending: PendingStatuses): StateCreator<AppState, [], [], ListSlice> =>
  (set, get) => {
    let source: Source | undefined;
    // Positions are only good within one epoch: a new answer for the whole list, or a paper taken out,
    // starts another, and pages asked for in an older one are dropped (and asked again if still shown).
    let epoch = 0;
    let asked = new Set<number>();
    // Answers for the whole list (a new view, a refresh): only the latest is shown.
    let snapshots = 0;
    let shown = { from: 0, to: 0 };

    const newEpoch = () => {
      epoch++;
      asked = new Set();
    };

    // For you: reasons asked for the rows as they come, kept for the ranking they belong to.
    let rankings = 0;
    let explained: Record<string, RankedItem> = {};
    // A fallback ranking (nothing kept yet) carries every reason already.
    let needsReasons = false;
    const explain = (ids: string[]) => {
      if (!needsReasons) return;
      const at = rankings;
      const wanted = ids.filter((id) => !explained[id]);
      if (!wanted.length) return;
      transport.invoke('insight.rank', { ids: wanted }).then(
        ({ items }) => {
          if (at !== rankings) return;
          explained = { ...explained, ...Object.fromEntries(items.map((item) => [item.id, item])) };
          const ranking = get().ranking;
          if (ranking) set({ ranking: { ...ranking, explained } });
        },
        (error: unknown) => get().showError(error),
      );
    };

    const fetchRange = async (from: Source, offset: number, limit: number): Promise<Answer> => {
      if (from.kind === 'query') {
        const { total, rows } = await transport.invoke('papers.rows', { ...from.query, offset, limit });
        return { total, rows, span: rows.length };
      }
      const ids = from.ids.slice(offset, offset + limit);
      if (ids.length) explain(ids);
      const { rows } = ids.length ? await transport.invoke('papers.rowsOf', { ids }) : { rows: [] };
      return { total: from.ids.length, rows, span: ids.length };
    };

    /**
     * `answer` written into `rows` at `offset`, with the status changes the library may not have had yet
     * laid over it. Papers no longer in the list lose their places (in an id order too), so the positions
     * after them stay right.
     */
    const merge = (rows: ListRows, answer: Answer, offset: number, request: number, from: Source): ListRows => {
      const { view } = get();
      let kept = pending.apply(answer.rows, request, view);
      // Rows asked for by id are not filtered by the library: one may have changed status since the ranking.
      if (from.kind === 'ids') kept = kept.filter((row) => inView(row.status, view));
      if (from.kind === 'ids' && kept.length < answer.span) {
        from.ids.splice(offset, answer.span, ...kept.map((row) => row.id));
      }
      return withoutPlaces(placed(rows, offset, kept), offset + kept.length, answer.span - kept.length);
    };

    const idsOf = async (from: Source, offset: number, limit?: number): Promise<string[]> => {
      if (from.kind === 'ids') return from.ids.slice(offset, limit === undefined ? undefined : offset + limit);
      return (await transport.invoke('papers.ids', { ...from.query, offset, limit })).ids;
    };

    /** The papers still picked once the list is `from`: the ones it still holds. */
    const stillChecked = async (from: Source): Promise<Set<string> | undefined> =>
      get().checked.length ? new Set(await idsOf(from, 0)) : undefined;

    return {
      view: { kind: 'status', status: 'inbox' },
      search: '',
      sort: 'queue',
      papers: [],
      ranking: undefined,
      total: 0,
      loading: true,
      lingering: undefined,
      matchesElsewhere: undefined,
      setView(view) {
        set({ view, selectedId: undefined, checked: [], lingering: undefined });
        void get().loadList();
      },
      setSearch(search) {
        // The search box reports its text after a pause, also on first render: the same text asks for nothing new.
        if (search === get().search) return;
        set({ search, lingering: undefined });
        void get().loadList();
      },
      setSort(sort) {
        set({ sort, lingering: undefined });
        void get().loadList();
      },
      async loadList() {
        const snapshot = ++snapshots;
        const { view, search, sort } = get();
        if (view.kind === 'stats') {
          source = undefined;
          newEpoch();
          set({ papers: [], total: 0, loading: false, ranking: undefined });
          return;
        }
        const query = listQuery(view, search, sort);
        const forYou = sort === 'foryou' && view.kind === 'status' && view.status === 'inbox';
        set({ loading: true });
        try {
          let next: Source = { kind: 'query', query };
          let ranking: Ranking | undefined;
          if (forYou) {
            // The order of the whole inbox; reasons come with each page of rows.
            rankings++;
            explained = {};
            const [ranked, matching] = await Promise.all([
              transport.invoke('insight.rank', { explain: 0 }),
              transport.invoke('papers.ids', query),
            ]);
            ranking = ranked;
            needsReasons = !ranked.fallback;
            next = { kind: 'ids', ids: rankedOrder(matching.ids, ranked) };
          }
          const request = pending.nextRequest();
          const [answer, present] = await Promise.all([fetchRange(next, 0, PAGE_SIZE), stillChecked(next)]);
          if (snapshot !== snapshots) return;
          source = next;
          newEpoch();
          const papers = merge(rowsWith(answer.total, 0, []), answer, 0, request, next);
          set((state) => ({
            papers,
            total: papers.length,
            loading: false,
            ranking: ranking && {
              summary: ranking.summary,
              fallback: ranking.fallback,
              byId: Object.fromEntries(ranking.items.map((item) => [item.id, item])),
              explained,
            },
            checked: present ? state.checked.filter((id) => present.has(id)) : state.checked,
          }));
          // Pages asked for before this answer were dropped with the old positions.
          get().showRange(shown.from, shown.to);
          // Nothing here for this search: say whether All papers has it.
          const everywhere = view.kind !== 'status' || view.status !== 'all';
          if (papers.length === 0 && query.text && everywhere) {
            const { total } = await transport.invoke('papers.ids', { status: 'all', text: query.text, limit: 1 });
            if (snapshot === snapshots) set({ matchesElsewhere: total });
          } else set({ matchesElsewhere: undefined });
        } catch (error) {
          if (snapshot === snapshots) set({ loading: false });
          get().showError(error);
        }
      },
      async refreshList() {
        const from = source;
        // A list still on its way, or ranked here (For you ranks again after a change), comes afresh.
        if (!from || from.kind === 'ids' || get().loading) return get().loadList();
        const snapshot = ++snapshots;
        const offset = Math.floor(shown.from / PAGE_SIZE) * PAGE_SIZE;
        const end = Math.max(offset + PAGE_SIZE, Math.ceil(shown.to / PAGE_SIZE) * PAGE_SIZE);
        const request = pending.nextRequest();
        try {
          const [answer, present] = await Promise.all([fetchRange(from, offset, end - offset), stillChecked(from)]);
          if (snapshot !== snapshots || from !== source) return;
          newEpoch();
          const papers = merge(rowsWith(answer.total, 0, []), answer, offset, request, from);
          set((state) => ({
            papers,
            total: papers.length,
            checked: present ? state.checked.filter((id) => present.has(id)) : state.checked,
          }));
          // Pages asked for before this answer were dropped with the old positions.
          get().showRange(shown.from, shown.to);
        } catch (error) {
          get().showError(error);
        }
      },
      showRange(from, to) {
        shown = { from, to };
        const list = source;
        if (!list) return;
        // A little past the screen, so that rows are there before they scroll into view.
        for (const page of missingPages(get().papers, from - PAGE_SIZE / 4, to + PAGE_SIZE / 4)) {
          if (asked.has(page)) continue;
          asked.add(page);
          const at = epoch;
          const request = pending.nextRequest();
          fetchRange(list, page * PAGE_SIZE, PAGE_SIZE).then(
            (answer) => {
              if (at !== epoch || list !== source) return;
              const papers = merge(get().papers, answer, page * PAGE_SIZE, request, list);
              // Places were taken out: pages on their way would land one place off.
              if (papers.length !== get().papers.length) newEpoch();
              set({ papers, total: papers.length });
            },
            (error: unknown) => {
              if (at === epoch) asked.delete(page);
              get().showError(error);
            },
          );
        }
      },
      async rowsBetween(from, to) {
        const here = loadedBetween(get().papers, from, to);
        const list = source;
        if (here || !list) return here ?? [];
        const at = epoch;
        const request = pending.nextRequest();
        const answer = await fetchRange(list, from, to - from);
        if (at === epoch && list === source) {
          const papers = merge(get().papers, answer, from, request, list);
          if (papers.length !== get().papers.length) newEpoch();
          set({ papers, total: papers.length });
        }
        return loadedBetween(get().papers, from, to) ?? answer.rows;
      },
      async idsBetween(from, to) {
        const here = loadedBetween(get().papers, from, to);
        if (here) return here.map((row) => row.id);
        return source ? idsOf(source, from, to - from) : [];
      },
      replaceRows(papers, dropped) {
        newEpoch();
        if (dropped?.size && source?.kind === 'ids') {
          const ids = source.ids.filter((id) => !dropped.has(id));
          source = { kind: 'ids', ids };
        }
        set({ papers, total: papers.length });
        get().showRange(shown.from, shown.to);
      },
    };
  };

/** The matching ids in the ranking's order; papers the ranking does not know (yet) come last, in queue order. */
function rankedOrder(ids: string[], ranking: Ranking): string[] {
  const position = new Map(ranking.items.map((item, i) => [item.id, i]));
  const last = ranking.items.length;
  return ids
    .map((id, i) => ({ id, at: position.get(id) ?? last + i }))
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.id);
}
