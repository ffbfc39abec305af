import type { Transport } from '../transport';
import type { AppState } from './index';
import { tagWork, whileWorking, type BulkWork } from './bulk-work';
import type { ChangeLine } from './change-line';
import { positionOf } from './list-rows';
import type { View } from './types';
import { whichPapers, type UndoEntry } from './undo-entries';

type Deps = {
  transport: Transport;
  get: () => AppState;
  set: (partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => void;
  line: ChangeLine;
  /** Puts `entry` on the undo stack and shows its notice for a while. */
  offer: (entry: UndoEntry) => void;
  working: (work: (current: BulkWork | undefined) => BulkWork | undefined) => void;
};

/**
 * Tags added to papers or removed from them, undone like a status change (`u`): on the stack at once, in the
 * order of the keys, the tags the papers had filled in from the library's answer (an undo sent after it).
 */
export async function changeTags(
  { transport, get, set, line, offer, working }: Deps,
  ids: string[],
  tags: string[],
  mode: 'add' | 'remove',
): Promise<void> {
  const { papers, lingering, detail } = get();
  const at = ids.length === 1 ? positionOf(papers, ids[0]) : -1;
  const which = whichPapers(ids, at === -1 ? undefined : papers[at], lingering, detail);
  const named = tags.map((tag) => `#${tag}`).join(' ');
  const before: { ids: string[]; tags: string[] }[] = [];
  const entry: UndoEntry = {
    label: mode === 'add' ? `Tagged ${which} ${named}` : `Removed ${named} from ${which}`,
    restore: [],
    tags: before,
  };
  offer(entry);
  const sent = line.send(async () => {
    for (const group of (await transport.invoke('tags.set', { ids, tags, mode })).before) before.push(group);
  });
  try {
    await whileWorking(working, tagWork(ids.length, named, mode), () => sent);
  } catch (error) {
    set((state) => ({ undoStack: state.undoStack.filter((e) => e !== entry), notice: undefined }));
    get().showError(error);
  }
}

/** Compared as the library compares tags: in any case, spaces squashed. */
export const tagKey = (tag: string): string => tag.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Rename a tag on every paper that has it (into another tag: the two merge). On the stack once the library has
 * answered (what it merged into is said then); rejects with the library's reason. A list of the old tag follows
 * it to its new name, and back with the undo.
 */
export async function renameTag({ transport, get, line, offer }: Deps, from: string, to: string): Promise<void> {
  const answer = await line.send(() => transport.invoke('tags.rename', { from, to }));
  if (answer.updated === 0) return;
  const { view } = get();
  const following = view.kind === 'tag' && tagKey(view.tag) === tagKey(from);
  const now: View = { kind: 'tag', tag: answer.tag };
  if (following) get().setView(now);
  const ids = answer.before.flatMap((group) => group.ids);
  const which = whichPapers(ids, undefined, undefined, undefined);
  offer({
    label: `${answer.merged ? 'Merged' : 'Renamed'} #${from} ${answer.merged ? 'into' : 'to'} #${answer.tag} on ${which}`,
    restore: [],
    tags: answer.before,
    ...(following && { views: { now, back: view } }),
  });
}
