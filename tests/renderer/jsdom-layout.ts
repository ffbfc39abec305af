import { act } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * jsdom lays nothing out: for the tests of a file, the list is given a window's height (900 pixels), and a
 * ResizeObserver that never reports. Call at the top of a test file.
 */
export function giveTheListAWindow(): void {
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 900 });
    globalThis.ResizeObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  });
  afterAll(() => {
    if (height) Object.defineProperty(HTMLElement.prototype, 'clientHeight', height);
  });
}

/** The window's width as the media queries see it: set before the app starts, or resized once it runs. */
export type WindowWidth = { width: number; resize: (to: number) => void };

/**
 * jsdom has no matchMedia (the app reads no width in particular, as wide as ever): for the tests of a file, the
 * window has a width, `initial` again after each test, which a media query answers to by its min- and
 * max-widths (one of its comma-separated queries), and `resize` changes as a person resizing the window does.
 * Call at the top of a test file.
 */
export function giveTheWindowAWidth(initial: number): WindowWidth {
  const changed = new Set<() => void>();
  const window_ = {
    width: initial,
    resize: (to: number) => {
      window_.width = to;
      act(() => changed.forEach((listener) => listener()));
    },
  };
  const matches = (query: string) =>
    query.split(',').some((one) => {
      const min = /min-width: (\d+)px/.exec(one)?.[1];
      const max = /max-width: (\d+)px/.exec(one)?.[1];
      if (min === undefined && max === undefined) return false;
      return (min === undefined || window_.width >= Number(min)) && (max === undefined || window_.width <= Number(max));
    });
  beforeAll(() => {
    window.matchMedia = (query: string) =>
      ({
        media: query,
        get matches() {
          return matches(query);
        },
        addEventListener: (_: string, listener: () => void) => changed.add(listener),
        removeEventListener: (_: string, listener: () => void) => changed.delete(listener),
      }) as unknown as MediaQueryList;
  });
  afterEach(() => {
    window_.width = initial;
  });
  afterAll(() => {
    delete (window as { matchMedia?: unknown }).matchMedia;
  });
  return window_;
}

/** An import preview's row as a browser draws it: a possible duplicate (its four lines and its choice) taller than a line. */
export const previewRowHeight = (row: Element): number => (row.classList.contains('possible') ? 120 : 33);

/**
 * For the tests of a file: the list is 900 pixels high (giveTheListAWindow), and each row reports its height as
 * a browser would when it is drawn (`rowHeight`), through a ResizeObserver. Call at the top of a test file.
 */
export function measureDrawnRows(rowHeight: (row: Element) => number): void {
  giveTheListAWindow();
  const observer = globalThis.ResizeObserver;
  beforeAll(() => {
    globalThis.ResizeObserver = class {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe(target: Element): void {
        const blockSize = rowHeight(target);
        const entry = { target, borderBoxSize: [{ blockSize, inlineSize: 700 }] } as unknown as ResizeObserverEntry;
        queueMicrotask(() => this.report([entry], this));
      }
      unobserve(): void {}
      disconnect(): void {}
    };
  });
  afterAll(() => {
    globalThis.ResizeObserver = observer;
  });
}

/**
 * A windowed list (the room above and below its rows drawn in its --before and --after) laid out as a browser
 * lays it out: its scroll height is that room and the rows drawn at `rowHeight` (jsdom says 0, which put a list
 * kept at its end at -900), and its scroll position is kept within it. Returns the rows in the DOM (by tag: a
 * role query over the list would take most of a test's time).
 */
export function layOutWindowedList(list: HTMLElement, rowHeight: (row: Element) => number): () => HTMLElement[] {
  const drawn = () => [...list.querySelectorAll('li')];
  const room = (name: string) => parseFloat(list.style.getPropertyValue(name) || '0');
  const scrollHeight = () => room('--before') + room('--after') + drawn().reduce((sum, row) => sum + rowHeight(row), 0);
  let scrollTop = 0;
  Object.defineProperty(list, 'scrollHeight', { configurable: true, get: scrollHeight });
  Object.defineProperty(list, 'scrollTop', {
    configurable: true,
    get: () => scrollTop,
    set: (top: number) => {
      scrollTop = Math.max(0, Math.min(top, scrollHeight() - list.clientHeight));
    },
  });
  return drawn;
}
