import type { ListSort, View } from './store/types';
import { UI_MEMORY_KEY } from './theme-script';

/** The app's look: the system's light or dark, or one of them always. */
export type Theme = 'system' | 'light' | 'dark';

/** How much a list row shows: its title, authors and two lines of the abstract, or the title and a line. */
export type Density = 'comfortable' | 'compact';

/** Where the reader was, so a reload (or the next start of the desktop app) opens there again. */
export type Remembered = {
  view?: View;
  sort?: ListSort;
  selectedId?: string;
  scrollTop?: number;
  theme?: Theme;
  density?: Density;
};

/** The page's first script reads the theme from the same key, before the app's script runs (theme-script.ts). */
const KEY = UI_MEMORY_KEY;
const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const SORTS: readonly ListSort[] = ['queue', 'added', 'title', 'year', 'updated', 'foryou'];

/** What was remembered; anything malformed (an older version, a hand edit) is left out, never trusted. */
export function recall(storage: Storage | undefined): Remembered {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? '{}');
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object') return {};
  const value = raw as Record<string, unknown>;
  const out: Remembered = {};
  if (isView(value.view)) out.view = value.view;
  if (SORTS.includes(value.sort as ListSort)) out.sort = value.sort as ListSort;
  if (typeof value.selectedId === 'string' && value.selectedId.length <= 64) out.selectedId = value.selectedId;
  if (typeof value.scrollTop === 'number' && Number.isFinite(value.scrollTop) && value.scrollTop >= 0)
    out.scrollTop = value.scrollTop;
  if (THEMES.includes(value.theme as Theme)) out.theme = value.theme as Theme;
  if (value.density === 'comfortable' || value.density === 'compact') out.density = value.density;
  return out;
}

export function remember(storage: Storage | undefined, patch: Remembered): void {
  if (!storage) return;
  try {
    storage.setItem(KEY, JSON.stringify({ ...recall(storage), ...patch }));
  } catch {
    // Storage full or disabled: the app works, it only forgets.
  }
}

function isView(value: unknown): value is View {
  if (!value || typeof value !== 'object') return false;
  const view = value as Record<string, unknown>;
  switch (view.kind) {
    case 'status':
      return ['inbox', 'queued', 'reading', 'read', 'dismissed', 'unread', 'all'].includes(view.status as string);
    case 'source':
      return typeof view.name === 'string' && (view.format === undefined || typeof view.format === 'string');
    case 'tag':
      return typeof view.tag === 'string';
    case 'stats':
      return true;
    default:
      return false;
  }
}

/** Show `theme` now: the page's root carries it for the style sheet (no attribute: follow the system). */
export function applyTheme(theme: Theme, root: HTMLElement | undefined = globalThis.document?.documentElement): void {
  if (!root) return;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
