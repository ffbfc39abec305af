/**
 * The page's localStorage or sessionStorage, or where the browser refuses this site's storage (site data
 * blocked: reading `window.localStorage` then throws a SecurityError) a memory of this page's life, so the app
 * still starts. What the page remembers across reloads (the view, the theme, the reader's place, unsaved note
 * drafts) is then kept until the tab closes or reloads; `kept` says which.
 */
export type PageStorage = {
  storage: Storage;
  /** False when the browser refused the storage and this is the page's own memory. */
  kept: boolean;
};

/** Browser mode: the session storage key of the page's token (transport.ts; the first script reads it too). */
export const TOKEN_KEY = 'paperqueue.token';

/** Browser mode: the page's token in its address's fragment (`#token=…`, serve's URL), or undefined. */
export const tokenInHash = (hash: string): string | undefined => /(?:^#|&)token=([\w-]+)/.exec(hash)?.[1];

const opened = new Map<string, PageStorage>();

/** The page's own storage of `kind`, the same object each time (a refused one is one memory for the page). */
export function pageStorage(kind: 'localStorage' | 'sessionStorage'): PageStorage {
  let found = opened.get(kind);
  if (!found) opened.set(kind, (found = openStorage(kind, window)));
  return found;
}

/** `from`'s storage of `kind`, or a new memory where it is refused. */
export function openStorage(kind: 'localStorage' | 'sessionStorage', from: Window): PageStorage {
  try {
    const storage = from[kind];
    // Some browsers hand out the object and refuse its first use instead.
    storage.getItem('paperqueue.probe');
    return { storage, kept: true };
  } catch {
    return { storage: new MemoryStorage(), kept: false };
  }
}

/** Storage's interface over a Map: what a refused storage becomes for the page's life. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  [name: string]: unknown;

  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(String(key)) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(String(key), String(value));
  }
  removeItem(key: string): void {
    this.items.delete(String(key));
  }
  clear(): void {
    this.items.clear();
  }
}
