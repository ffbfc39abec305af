// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { THEME_SCRIPT, UI_MEMORY_KEY } from '../../renderer/src/theme-script';
import { applyTheme, recall, remember } from '../../renderer/src/ui-memory';

/** What the page's first script puts on the root for the storage as it is (run as the page runs it). */
function firstScript(): string | null {
  document.documentElement.removeAttribute('data-theme');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page's inline script, as the page runs it
  const run = new Function(THEME_SCRIPT) as () => void;
  run();
  return document.documentElement.getAttribute('data-theme');
}

/** What the app's store puts on the root at start for the same storage (store/index.ts). */
function appStart(): string | null {
  document.documentElement.removeAttribute('data-theme');
  applyTheme(recall(localStorage).theme ?? 'system');
  return document.documentElement.getAttribute('data-theme');
}

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute('data-theme');
});

describe("the page's first script (renderer/src/theme-script.ts) and ui-memory.ts", () => {
  it('read the theme from one key: what the app remembers, the first script finds', () => {
    remember(localStorage, { theme: 'dark', density: 'compact' });
    expect(localStorage.getItem(UI_MEMORY_KEY)).toContain('"theme":"dark"');
    expect(firstScript()).toBe('dark');
    remember(localStorage, { theme: 'light' });
    expect(firstScript()).toBe('light');
    remember(localStorage, { theme: 'system' });
    expect(firstScript()).toBeNull();
  });

  it('put the same theme on the root as the app does, for every value the storage may hold', () => {
    for (const saved of [
      null,
      '',
      '{}',
      '{"theme":"dark"}',
      '{"theme":"light","view":{"kind":"stats"}}',
      '{"theme":"system"}',
      '{"theme":"Dark"}',
      '{"theme":"blue"}',
      '{"theme":["dark"]}',
      '{"theme": "dark"',
      'null',
      '"dark"',
      '[]',
      '5',
      '{"__proto__":{"theme":"dark"}}',
    ]) {
      if (saved === null) localStorage.removeItem(UI_MEMORY_KEY);
      else localStorage.setItem(UI_MEMORY_KEY, saved);
      expect(firstScript(), String(saved)).toBe(appStart());
    }
  });

  it('leaves the root to the system when the storage cannot be read at all', () => {
    localStorage.setItem(UI_MEMORY_KEY, '{"theme":"dark"}');
    const blocked = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(() => window.localStorage).toThrow('insecure');
      expect(firstScript()).toBeNull();
    } finally {
      if (blocked) Object.defineProperty(window, 'localStorage', blocked);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
  });
});
