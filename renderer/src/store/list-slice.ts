import type { StateCreator } from 'zustand';
import { nextPaint } from '../after-paint';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { ListSlice } from './list-state';
import { followUp } from './list-follow-up';
import { Reasons, listRanking, rankedOrder } from './list-ranking';
import {
  PAGE_SIZE,
  loadedBetween,
  missingPages,
  placed,
  reusing,
  rowsWith,
  withoutPlaces,
  type ListRows,
} from './list-rows';
import { fetchRange as fetchRows, firstOf, idsOf, listQuery, type Answer, type Source } from './list-source';
import { inView, type PendingStatuses } from './pending';
import type { Corrections, PaperRow, Ranking } from './types';

export { rankedItem, type ListRanking, type RankedItem } from './list-ranking';
export type { Lingering, ListSlice } from './list-state';
export { listQuery } from './list-source';

export const createListSlice =
  (transport: Transport, pending: PendingStatuses): StateCreator<AppState, [], [], ListSlice> =>
  (set, get, api) => {
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

    // For you: reasons asked for the rows as they come.
    const reasons = new Reasons(
      transport,
      (explained) => {
        const ranking = get().ranking;
        if (ranking) set({ ranking: { ...ranking, explained } });
      },
      (error) => get().showError(error),
    );

    // The library's change event for a status change made here (its echo): the rows here have it already,
    // so the refresh it brings keeps the pages off screen and changes nothing if the pages on screen agree.
    let echo = false;
    transport.onChanged((event) => {
      echo = event.command === 'papers.setStatus' && pending.owns(event.ids);
    });

    const fetchRange = (from: Source, offset: number, limit: number): Promise<Answer> =>
      fetchRows(transport, from, offset, limit, reasons.forNow());

    /**
     * `answer` written into `rows` at `offset`, with the status changes the library may not have had yet
     * laid over it. Papers no longer in the list lose their places (in an id order too), so the positions
     * after them stay right.
     */
    const merge = (rows: ListRows, answer: Answer, offset: number, request: number, from: Source): ListRows => {
      const kept = keptRows(answer, offset, request, from);
      return withoutPlaces(placed(rows, offset, kept), offset + kept.length, answer.span - kept.length);
    };

    /** The list afresh: only the answer's rows (`kept` of them still in the list), the other places empty. */
    const fresh = (answer: Answer, offset: number, kept: PaperRow[]): ListRows =>
      withoutPlaces(rowsWith(answer.total, offset, kept), offset + kept.length, answer.span - kept.length);

    /** The answer's rows still in the list, each the row already here if it is unchanged. */
    const keptRows = (answer: Answer, offset: number, request: number, from: Source): PaperRow[] => {
      const { view, papers } = get();
      let kept = pending.apply(answer.rows, request, view);
      // Rows asked for by id are not filtered by the library: one may have changed status since the ranking.
      if (from.kind === 'ids') kept = kept.filter((row) => inView(row.status, view));
      if (from.kind === 'ids' && kept.length < answer.span) {
        from.ids.splice(offset, answer.span, ...kept.map((row) => row.id));
      }
      return reusing(papers, offset, kept);
    };

    /** The papers still picked once the list is `from`: the ones it still holds. */
    const stillChecked = async (from: Source): Promise<Set<string> | undefined> =>
      get().checked.length ? new Set(await idsOf(transport, from, 0)) : undefined;

    /** The pages missing around the rows on screen (`shown`), asked for once each per epoch. */
    let askScheduled = false;
    const askMissing = () => {
      const list = source;
      if (!list) return;
      const { from, to } = shown;
      // Half a page past the screen (two screens or so), so that rows are there before they scroll into view.
      for (const page of missingPages(get().papers, from - PAGE_SIZE / 2, to + PAGE_SIZE / 2)) {
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
    };

    return {
      view: { kind: 'status', status: 'inbox' },
      search: '',
      sort: 'queue',
      papers: [],
      ranking: undefined,
      total: 0,
      loading: true,
      lingering: undefined,
      outside: undefined,
      matchesElsewhere: undefined,
      titlesOnly: false,
      corrections: undefined,
      listSource: () => source,
      setView(view) {
        // The last import's report (or its undoing) is about the moment it happened: it goes once the person
        // moves on to another view. An error, a recovery or a failed save stays until dismissed or mended.
        set({
          view,
          selectedId: undefined,
          checked: [],
          lingering: undefined,
          importReport: undefined,
          importUndone: undefined,
        });
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
          let matchingTitlesOnly = false;
          let corrections: Corrections | undefined;
          if (forYou) {
            // The order of the whole inbox; reasons come with each page of rows. Without a search the ranking
            // is the list: the inbox's ids are not asked for (at 100,000 papers, 40 ms on the server and 50 ms
            // here putting them in the ranking's order).
            reasons.begin();
            const [ranked, matching] = await Promise.all([
              transport.invoke('insight.rank', { explain: 0 }),
              query.text === undefined ? undefined : transport.invoke('papers.ids', query),
            ]);
            ranking = ranked;
            matchingTitlesOnly = Boolean(matching?.titlesOnly);
            corrections = matching?.corrections;
            reasons.needed = !ranked.fallback;
            next = {
              kind: 'ids',
              ids: matching ? rankedOrder(matching.ids, ranked) : ranked.items.map((item) => item.id),
            };
          }
          const request = pending.nextRequest();
          const [answer, present] = await Promise.all([fetchRange(next, 0, PAGE_SIZE), stillChecked(next)]);
          if (snapshot !== snapshots) return;
          source = next;
          newEpoch();
          const papers = fresh(answer, 0, keptRows(answer, 0, request, next));
          const titlesOnly = Boolean(answer.titlesOnly || matchingTitlesOnly);
          set((state) => ({
            papers,
            total: papers.length,
            loading: false,
            emptyView: papers.length === 0 ? view : undefined,
            titlesOnly,
            corrections: answer.corrections ?? corrections,
            ranking: ranking && listRanking(ranking, reasons.explained),
            checked: present ? state.checked.filter((id) => present.has(id)) : state.checked,
          }));
          // Pages asked for before this answer were dropped with the old positions.
          get().showRange(shown.from, shown.to);
          await followUp(transport, {
            answer: { ranking, titlesOnly, empty: papers.length === 0 },
            query,
            view,
            current: () => snapshot === snapshots,
            reload: () => void get().loadList(),
            set,
          });
        } catch (error) {
          if (snapshot === snapshots) set({ loading: false });
          get().showError(error);
        }
      },
      async refreshList() {
        const from = source;
        const ownChange = echo;
        echo = false;
        // A list still on its way, or ranked here (For you ranks again after a change), comes afresh.
        if (!from || from.kind === 'ids' || get().loading) return get().loadList();
        const snapshot = ++snapshots;
        const offset = Math.floor(shown.from / PAGE_SIZE) * PAGE_SIZE;
        const end = Math.max(offset + PAGE_SIZE, Math.ceil(shown.to / PAGE_SIZE) * PAGE_SIZE);
        const request = pending.nextRequest();
        try {
          const [answer, present] = await Promise.all([fetchRange(from, offset, end - offset), stillChecked(from)]);
          if (snapshot !== snapshots || from !== source) return;
          const here = get().papers;
          const rows = keptRows(answer, offset, request, from);
          const counted = answer.total - (answer.span - rows.length);
          // The echo of a change made here, and the library counts the papers as this list does: the pages
          // on screen are checked and the others kept, the same array if nothing differs (nothing is drawn).
          // Otherwise the pages on screen come afresh and the others are forgotten (they come when shown).
          const kept = ownChange && counted === here.length;
          const papers = kept ? placed(here, offset, rows) : fresh(answer, offset, rows);
          const checked = present ? get().checked.filter((id) => present.has(id)) : get().checked;
          if (papers === here && checked.length === get().checked.length) return;
          if (!kept) newEpoch();
          set({ papers, total: papers.length, ...(checked.length !== get().checked.length && { checked }) });
          // Pages asked for before this answer were dropped with the old positions.
          get().showRange(shown.from, shown.to);
        } catch (error) {
          get().showError(error);
        }
      },
      onScreen: () => shown,
      showRange(from, to) {
        shown = { from, to };
        // The rows missing there are asked for once the next frame is drawn: the list says what it shows as it
        // draws, and a key that keeps a paper (a row moves up from the margin) asked for a page of rows in its
        // own task, before the frame that shows the change. The margin is more than a screen, so the rows still
        // come before they scroll into view.
        if (askScheduled) return;
        askScheduled = true;
        void nextPaint().then(() => {
          askScheduled = false;
          askMissing();
        });
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
      async reveal(ids) {
        if (ids.length === 0) return;
        const view = get().view;
        if (get().loading)
          await new Promise<void>((resolve) => {
            const stop = api.subscribe((state) => !state.loading && (stop(), resolve()));
          });
        const list = source;
        if (!list || get().view !== view) return;
        try {
          const { position, id } = await firstOf(transport, list, ids);
          if (position === undefined || id === undefined || list !== source) return;
          await get().rowsBetween(position, position + 1);
          if (list === source && get().selectedId === undefined) get().select(id);
        } catch (error) {
          get().showError(error);
        }
      },
      async idsBetween(from, to) {
        const here = loadedBetween(get().papers, from, to);
        if (here) return here.map((row) => row.id);
        return source ? idsOf(transport, source, from, to - from) : [];
      },
      replaceRows(papers, dropped, also) {
        newEpoch();
        if (dropped?.size && source?.kind === 'ids') {
          const ids = source.ids.filter((id) => !dropped.has(id));
          source = { kind: 'ids', ids };
        }
        set({ ...also, papers, total: papers.length });
        get().showRange(shown.from, shown.to);
      },
    };
  };
