// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { AfterPaint, nextPaint } from '../../renderer/src/after-paint';

const microtasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

afterEach(() => {
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('work that waits for the next frame', () => {
  it('waits for a frame on a visible page', async () => {
    let done = false;
    void nextPaint().then(() => (done = true));
    await microtasks();
    expect(done).toBe(false);
    await frame();
    await microtasks();
    expect(done).toBe(true);
  });

  it('does not wait on a hidden page, which draws no frame and may run its timers once a minute', async () => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'hidden' });
    let done = false;
    void nextPaint().then(() => (done = true));
    await microtasks();
    expect(done).toBe(true);
  });

  it('ends its wait by the fallback without an error when the window lost its frame functions meanwhile', async () => {
    // As jsdom's teardown does between test files: the fallback's timer fires after the window is gone.
    const { requestAnimationFrame: request, cancelAnimationFrame: cancel } = globalThis;
    globalThis.requestAnimationFrame = () => 0;
    try {
      let done = false;
      void nextPaint().then(() => (done = true));
      Reflect.deleteProperty(globalThis, 'cancelAnimationFrame');
      await new Promise((resolve) => setTimeout(resolve, 150));
      await microtasks();
      expect(done).toBe(true);
    } finally {
      globalThis.requestAnimationFrame = request;
      globalThis.cancelAnimationFrame = cancel;
    }
  });

  it('runs each kind of work once, the last asked for', async () => {
    const later = new AfterPaint();
    const ran: string[] = [];
    for (const id of ['a', 'b', 'c']) later.run('detail', () => ran.push(`detail ${id}`));
    later.run('remember', () => ran.push('remember'));
    expect(ran).toEqual([]);
    await frame();
    await microtasks();
    expect(ran).toEqual(['detail c', 'remember']);
    later.run('detail', () => ran.push('after dispose'));
    later.dispose();
    await frame();
    await microtasks();
    expect(ran).toEqual(['detail c', 'remember']);
  });
});
