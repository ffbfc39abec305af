import type { StateCreator } from 'zustand';
import type { CommandInput } from '../../../electron/core/dispatch';
import { nextPaint } from '../after-paint';
import { shortTitle } from '../tex-plain';
import { sameView } from '../labels';
import type { Transport } from '../transport';
import type { AppState } from './index';
import { placesOf, positionOf } from './list-rows';
import {
  groupByStatus,
  keepPlaces,
  moved,
  STATUS_WORD,
  undoneNotice,
  undoSender,
  whichPapers,
  type Moved,
  type UndoEntry,
} from './undo-entries';
import { inView, type PendingStatuses } from './pending';
import type { PaperRow, Status } from './types';
import { attempt as attemptIn } from './attempt';
import { movedStats, singleStatus } from './status-counts';
import { ChangeLine } from './change-line';
import { statusWork, undoWork, whileWorking, type BulkWork } from './bulk-work';
import { changeTags, renameTag } from './tag-changes';

/** The details a person can edit on a paper. */
export type PaperPatch = Exclude<CommandInput<'papers.update'>, undefined>['patch'];

export type PaperActionsSlice = {
  /**
   * Shown at once (optimistic); rolled back with a visible error if the core refuses. With `keepOpen` (the
   * detail pane's buttons) the open paper stays selected and on screen, dimmed, even if it leaves the view.
   * Settles true once the library has made the change, false if it refused.
   */
  setStatus: (
    ids: string[],
    status: Status,
    options?: { undoable?: boolean; keepOpen?: boolean; ranks?: Record<string, number>; numbering?: string },
  ) => Promise<boolean>;
  undoStack: UndoEntry[];
  /** Put back what the last change did: the statuses it replaced, the places a move took papers from, or a deleted highlight. */
  undo: () => Promise<void>;
  /** A short confirmation ("Marked 3 papers read · Undo"), cleared after a while. */
  notice: string | undefined;
  /** A change of many papers the library is still making ("Dismissing 39,956 papers…"; bulk-work.ts). */
  bulkWork: BulkWork | undefined;
  addTags: (ids: string[], tags: string[]) => Promise<void>;
  removeTag: (id: string, tag: string) => Promise<void>;
  /** Rename a tag on every paper (into another tag: they merge); undone with `u`; rejects with the library's reason. */
  renameTag: (from: string, to: string) => Promise<void>;
  /**
   * Edit a paper's details. Resolves with the paper it is now: another one when a stub (a pasted arXiv id)
   * turned out to be a paper already in the library and joined it; rejects with the library's reason.
   */
  updatePaper: (id: string, patch: PaperPatch) => Promise<string>;
  /** Move papers to just before another (null: to the end of the queue). */
  reorder: (ids: string[], before: string | null) => Promise<void>;
  /** Move the cursor's paper one place up or down in the list's order. */
  nudge: (delta: -1 | 1) => Promise<void>;
  /** Put a change made elsewhere (a highlight deleted) on the undo stack, and say so with the notice. */
  offerUndo: (entry: UndoEntry) => void;
};

export const createPaperActionsSlice =
  (transport: Transport, pending: PendingStatuses): StateCreator<AppState, [], [], PaperActionsSlice> =>
  (set, get) => {
    const attempt = (action: () => Promise<unknown>) => attemptIn(get, action);
    // Status changes, moves and tags reach the library in the order they were made (change-line.ts).
    const line = new ChangeLine();
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    /** The notice goes in a while; the caller shows it. */
    const noticeFor = () => {
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => set({ notice: undefined }), 5000);
    };
    const notify = (notice: string) => {
      noticeFor();
      set({ notice });
    };
    const working = (work: (current: BulkWork | undefined) => BulkWork | undefined) =>
      set((state) => ({ bulkWork: work(state.bulkWork) }));
    const offerUndo = (entry: UndoEntry) => {
      noticeFor();
      set((state) => ({ undoStack: [...state.undoStack.slice(-49), entry], notice: entry.label }));
    };
    const tagDeps = { transport, get, set, line, offer: offerUndo, working };
    return {
      undoStack: [],
      notice: undefined,
      bulkWork: undefined,
      async setStatus(ids, status, options) {
        const { papers, view, selectedId, lingering } = get();
        const wanted = new Set(ids);
        const stays = inView(status, view);
        // Show the change at once; the change event brings the truth right after. The changed rows and the
        // cursor are looked for around the screen first; the copy is a plain slice, so a long list costs little.
        const places = placesOf(papers, selectedId === undefined ? ids : [...ids, selectedId], get().onScreen().from);
        const hits = [...wanted].flatMap((id) => places.get(id) ?? []).sort((a, b) => a - b);
        const index = selectedId === undefined ? -1 : (places.get(selectedId) ?? -1);
        // One copy of the list at most (a change that changes no row here copies nothing).
        const next: (PaperRow | undefined)[] = hits.length ? papers.slice() : (papers as (PaperRow | undefined)[]);
        const before: Moved[] = [];
        const seen = new Set<string>();
        for (let h = hits.length - 1; h >= 0; h--) {
          const at = hits[h]!;
          const row = papers[at]!;
          seen.add(row.id);
          if (row.status !== status) before.unshift(moved(row));
          if (!stays) next.splice(at, 1);
          else if (row.status !== status) next[at] = { ...row, status };
        }
        // The paper kept on screen after leaving the view is not among the rows: it changes where it is.
        let linger = lingering;
        if (lingering && wanted.has(lingering.row.id)) {
          seen.add(lingering.row.id);
          if (lingering.row.status !== status) before.push(moved(lingering.row));
          linger = { ...lingering, row: { ...lingering.row, status } };
        }
        const keepOpen = options?.keepOpen === true && !stays && selectedId !== undefined && wanted.has(selectedId);
        if (keepOpen && index !== -1) linger = { row: { ...papers[index]!, status }, index };
        // Papers whose rows have not come (a range picked across them) had the status of a one-status view.
        const shownStatus = singleStatus(view);
        if (shownStatus && shownStatus !== status) {
          for (const id of ids) if (!seen.has(id)) before.push({ id, status: shownStatus });
        }
        const restore = groupByStatus(before);
        // A paper open outside the list (a search left it out) stays open: it had no place to move on from.
        const cursor =
          selectedId && wanted.has(selectedId) && !stays && !keepOpen && get().outside !== selectedId
            ? next[Math.min(index, next.length - 1)]?.id
            : selectedId;
        const { detail, checked, undoStack, stats } = get();
        // Undo is offered at once, like the change itself; a refused change takes its entry back.
        const shown = hits.length === 1 ? papers[hits[0]!] : undefined;
        const entry: UndoEntry | undefined =
          options?.undoable === false || restore.length === 0
            ? undefined
            : {
                label: `Marked ${whichPapers(ids, shown, linger, detail)} ${STATUS_WORD[status]}`,
                restore,
                ...(cursor !== selectedId && { cursor: selectedId }),
              };
        if (entry) noticeFor();
        // The rows, the cursor, the undo entry and its notice in one update: every subscriber of the store
        // looks once, and the list is drawn once.
        get().replaceRows(next, stays ? undefined : wanted, {
          selectedId: cursor,
          checked: checked.length ? [] : checked,
          lingering: linger,
          detail: detail && wanted.has(detail.id) && detail.status !== status ? { ...detail, status } : detail,
          ...(entry && { undoStack: [...undoStack.slice(-49), entry], notice: entry.label }),
          // The sidebar's counts at once too; the library's own come once the keys stop (store/index.ts).
          ...(stats && before.length > 0 && { stats: movedStats(stats, before, status) }),
        });
        // Every paper named had its row here changed (or taken out) and counted: its echo need not be followed at once.
        const change = pending.begin(
          ids,
          status,
          ids.every((id) => seen.has(id)),
        );
        try {
          // Sent once the change is on screen (after-paint.ts), still in the order the changes were made.
          const painted = nextPaint();
          const sent = line.send(async () => {
            await painted;
            // An undo of a keep's places, read as it is sent: the keep's own answer, which came before, filled
            // them in. An undo of any other change sends none.
            const ranks = options?.ranks && Object.keys(options.ranks).length > 0 ? options.ranks : undefined;
            const numbering = ranks && options?.numbering;
            const answer = await transport.invoke('papers.setStatus', {
              ids,
              status,
              ...(ranks && { ranks }),
              ...(numbering && { numbering }),
            });
            if (!entry) return;
            keepPlaces(entry.restore, answer.ranksBefore);
            entry.numbering = answer.numbering;
          });
          // An undo says what it does itself, for all its groups at once.
          await whileWorking(
            working,
            options?.undoable === false ? undefined : statusWork(ids.length, status),
            () => sent,
          );
          pending.settle(change, true);
          return true;
        } catch (error) {
          pending.settle(change, false);
          set((state) => ({ undoStack: state.undoStack.filter((e) => e !== entry), lingering }));
          get().replaceRows(papers);
          get().showError(error);
          void get().refreshList();
          void get().loadStats();
          return false;
        }
      },
      async undo() {
        const entry = get().undoStack.at(-1);
        if (!entry) return;
        const send = undoSender(entry, transport);
        if (send) {
          set((state) => ({ undoStack: state.undoStack.slice(0, -1) }));
          const sent = line.send(send);
          const count = (entry.tags ?? []).reduce((sum, group) => sum + group.ids.length, 0);
          await attempt(async () => {
            await whileWorking(working, undoWork(count, entry.label), () => sent);
            // A list that followed a renamed tag goes back with it.
            if (entry.views && sameView(get().view, entry.views.now)) get().setView(entry.views.back);
            notify(undoneNotice(entry));
          });
          return;
        }
        // The cursor goes back to the paper it was on, which comes back to its place in the list; if the library
        // refuses the undo (that paper is gone), it stays where it was.
        const was = get().selectedId;
        set((state) => ({ undoStack: state.undoStack.slice(0, -1) }));
        if (entry.cursor) get().select(entry.cursor);
        // Every group is put back, even after one the library refused (its refusal is shown).
        let refused = false;
        const count = entry.restore.reduce((sum, group) => sum + group.ids.length, 0);
        await whileWorking(working, undoWork(count, entry.label), async () => {
          for (const { ids, status, ranks } of entry.restore) {
            if (!(await get().setStatus(ids, status, { undoable: false, ranks, numbering: entry.numbering })))
              refused = true;
          }
        });
        if (refused) {
          // Unless the cursor was moved meanwhile (the rows put back without that paper leave none).
          const now = get().selectedId;
          if (entry.cursor && (now === entry.cursor || now === undefined)) get().select(was);
          return;
        }
        notify(undoneNotice(entry));
      },
      addTags: (ids, tags) => changeTags(tagDeps, ids, tags, 'add'),
      removeTag: (id, tag) => changeTags(tagDeps, [id], [tag], 'remove'),
      renameTag: (from, to) => renameTag(tagDeps, from, to),
      async updatePaper(id, patch) {
        const paper = await transport.invoke('papers.update', { id, patch });
        if (paper.id !== id) {
          // The stub is gone: a change of its status can no longer be undone.
          set((state) => ({
            selectedId: paper.id,
            undoStack: state.undoStack.filter(
              (entry) =>
                !entry.restore.some((group) => group.ids.includes(id)) &&
                !(entry.places && Object.hasOwn(entry.places, id)),
            ),
          }));
          notify(`‘${shortTitle(paper.title)}’ was already in your library: the two are one paper now`);
        }
        return paper.id;
      },
      async reorder(ids, before) {
        // Undone like a status change (`u`), and on the stack at once, in the order of the keys: each paper goes
        // back to the place the library's answer says it had (filled in before an undo is sent, as keepPlaces).
        const { papers, lingering, detail } = get();
        const at = ids.length === 1 ? positionOf(papers, ids[0]) : -1;
        const places: Record<string, number> = {};
        const entry: UndoEntry = {
          label: `Moved ${whichPapers(ids, at === -1 ? undefined : papers[at], lingering, detail)}`,
          restore: [],
          places,
        };
        noticeFor();
        set((state) => ({ undoStack: [...state.undoStack.slice(-49), entry], notice: entry.label }));
        // In the one line of changes: a status key or an undo after it reaches the library after it.
        const sent = line.send(async () => {
          const { ranksBefore, numbering } = await transport.invoke('papers.reorder', { ids, before });
          Object.assign(places, ranksBefore);
          entry.numbering = numbering;
        });
        try {
          await sent;
        } catch (error) {
          set((state) => ({ undoStack: state.undoStack.filter((e) => e !== entry) }));
          get().showError(error);
        }
      },
      async nudge(delta) {
        const { papers, selectedId } = get();
        const index = positionOf(papers, selectedId);
        if (!selectedId || index === -1) return;
        const target = index + delta;
        if (target < 0 || target >= papers.length) return;
        // Before the paper above (up), or before the one after the paper below (down).
        const around = await get().rowsBetween(target, Math.min(papers.length, target + 2));
        const before = delta < 0 ? around[0]?.id : target + 1 < papers.length ? around[1]?.id : null;
        if (before === undefined) return;
        await get().reorder([selectedId], before);
      },
      offerUndo,
    };
  };
