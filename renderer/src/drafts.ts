import { pageStorage } from './page-storage';

/**
 * Unsaved note text, kept in localStorage on every keystroke so a reload or a crash between a keystroke
 * and its autosave loses nothing; removed once the save is confirmed. Each tab keeps its own (two tabs typing
 * into one note keep two drafts), with the note it was typed over (`base`), so a draft saved later is merged
 * with what the library has by then, never put in its place.
 */
export type Draft = { note: string; at: string; base?: string };

/** A draft as found in the storage: whose tab typed it, and on which paper. */
export type FoundDraft = { key: string; tab: string; paperId: string; draft: Draft };

const PREFIX = 'paperqueue.note-draft.';
/** Drafts kept before they were kept per tab: one a paper, with no base. */
const OLD_PREFIX = 'paperqueue.draft.';
const TAB_KEY = 'paperqueue.tab';
const LOCK_PREFIX = 'paperqueue.tab.';

const keyOf = (tab: string, paperId: string) => `${PREFIX}${tab}.${paperId}`;

/**
 * How long a tab waits for the lock of the id its sessionStorage has: a reload's page before it lets go of it
 * as it unloads (at once); a tab duplicated from one still open never gets it.
 */
const RELOAD_MS = 1000;

/**
 * This tab's id, kept in its sessionStorage so a reload is the same tab. Once claimed (`claimTab`) it holds a
 * Web Lock by that name while the page lives, which the browser lets go when the tab closes or reloads: other
 * tabs see the tab is gone.
 */
export function tabId(): string {
  const session = pageStorage('sessionStorage').storage;
  let tab = session.getItem(TAB_KEY);
  if (!tab) {
    tab = Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
    session.setItem(TAB_KEY, tab);
  }
  if (claimed && !held.has(tab)) {
    held.add(tab);
    void navigator.locks?.request(LOCK_PREFIX + tab, () => new Promise<never>(() => undefined)).catch(() => undefined);
  }
  return tab;
}
const held = new Set<string>();
let claimed = false;
let claim: Promise<void> | undefined;

/**
 * This tab's id, made its own: a tab the browser duplicated starts with a copy of the other's sessionStorage, and
 * so with its id, while that tab is still open and holds the id's lock. The copy then takes an id of its own, so
 * that the two keep their drafts apart (and neither saves the other's as its own after a reload). Until this
 * settles (at once, or RELOAD_MS in a duplicated tab) the id holds no lock.
 */
export async function claimTab(): Promise<string> {
  claim ??= (async () => {
    const session = pageStorage('sessionStorage').storage;
    const kept = session.getItem(TAB_KEY);
    if (kept && !(await freeWithin(LOCK_PREFIX + kept, RELOAD_MS))) session.removeItem(TAB_KEY);
    claimed = true;
  })();
  await claim;
  return tabId();
}

/** True if the lock `name` is free, or comes free within `ms` (false if another page holds it for longer). */
async function freeWithin(name: string, ms: number): Promise<boolean> {
  if (!navigator.locks) return true;
  try {
    return await navigator.locks.request(name, { signal: AbortSignal.timeout(ms) }, () => true);
  } catch (error) {
    // Timed out while another page held it; any other failure says nothing about other tabs.
    return !(error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'));
  }
}

/** The tabs open now (their locks held), or undefined where the browser has no Web Locks. */
export async function openTabs(): Promise<ReadonlySet<string> | undefined> {
  if (!navigator.locks) return undefined;
  try {
    const { held: locks = [] } = await navigator.locks.query();
    const names = locks.map((lock) => lock.name ?? '').filter((name) => name.startsWith(LOCK_PREFIX));
    return new Set(names.map((name) => name.slice(LOCK_PREFIX.length)));
  } catch {
    return undefined;
  }
}

/** Papers whose editor is open in this page, and how many times: that editor saves their drafts itself. */
const editing = new Map<string, number>();

export const drafts = {
  save(storage: Storage, paperId: string, note: string, base?: string): void {
    try {
      const draft: Draft = { note, at: new Date().toISOString(), ...(base !== undefined && { base }) };
      storage.setItem(keyOf(tabId(), paperId), JSON.stringify(draft));
    } catch {
      // Storage full or disabled: the autosave still runs.
    }
  },
  /** Removes this tab's draft of the paper, if it is still `note` (a key typed since keeps it). */
  clear(storage: Storage, paperId: string, note: string): void {
    const draft = drafts.get(storage, paperId);
    if (draft?.note === note) storage.removeItem(keyOf(tabId(), paperId));
  },
  /** This tab's draft of the paper. */
  get(storage: Storage, paperId: string): Draft | undefined {
    return read(storage, keyOf(tabId(), paperId));
  },
  /** The papers with a draft typed in this tab. */
  ids(storage: Storage): string[] {
    const tab = tabId();
    return drafts.all(storage).flatMap((found) => (found.tab === tab ? [found.paperId] : []));
  },
  /** Every draft kept in this browser, each tab's (a draft from before tabs kept their own has tab ''). */
  all(storage: Storage): FoundDraft[] {
    const found: FoundDraft[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      const [tab, paperId] = key ? placeOf(key) : [];
      const draft = paperId === undefined ? undefined : read(storage, key!);
      if (draft) found.push({ key: key!, tab: tab!, paperId: paperId!, draft });
    }
    return found;
  },
  /** An editor of the paper is open in this page until the returned function is called. */
  editing(paperId: string): () => void {
    editing.set(paperId, (editing.get(paperId) ?? 0) + 1);
    return () => {
      const left = (editing.get(paperId) ?? 1) - 1;
      if (left > 0) editing.set(paperId, left);
      else editing.delete(paperId);
    };
  },
  isEditing: (paperId: string): boolean => editing.has(paperId),
};

/** The tab and paper a key holds a draft of. */
function placeOf(key: string): [string, string] | [] {
  if (key.startsWith(OLD_PREFIX)) return ['', key.slice(OLD_PREFIX.length)];
  if (!key.startsWith(PREFIX)) return [];
  const rest = key.slice(PREFIX.length);
  const dot = rest.indexOf('.');
  return dot > 0 ? [rest.slice(0, dot), rest.slice(dot + 1)] : [];
}

function read(storage: Storage, key: string): Draft | undefined {
  try {
    const raw = storage.getItem(key);
    const draft = raw ? (JSON.parse(raw) as Partial<Draft>) : undefined;
    return typeof draft?.note === 'string' ? (draft as Draft) : undefined;
  } catch {
    return undefined;
  }
}
