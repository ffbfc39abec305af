import { describe, expect, it } from 'vitest';
import { Slices } from '../../../electron/core/insight/slices';

/** Hold the thread for `ms`, as a paper's work does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('background work in slices', () => {
  it('ends a slice once its time is up, however long each step takes', async () => {
    // Slow steps (code still being compiled): a slice ends after one look at the clock, not 1,000 steps.
    const slow = new Slices();
    let step = 0;
    for (; step < 10_000; step++) {
      busy(0.2);
      const turn = slow.due(step);
      if (turn) {
        await turn;
        break;
      }
    }
    expect(step).toBe(63);
    // Steps that cost nothing: no turn until the slice's time has passed.
    const fast = new Slices();
    const started = performance.now();
    let turned = false;
    for (let i = 0; !turned && performance.now() - started < 5000; i++) {
      const turn = fast.due(i);
      if (turn) {
        turned = true;
        await turn;
      }
    }
    expect(turned).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(8);
  });
});
