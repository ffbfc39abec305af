import { afterAll, beforeAll } from 'vitest';

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
