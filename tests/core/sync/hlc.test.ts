import { describe, expect, it } from 'vitest';
import {
  HybridClock,
  MAX_PULL_MS,
  after,
  compareStamps,
  makeStamp,
  parseStamp,
  stampDevice,
  stampWall,
} from '../../../electron/core/sync/hlc';
import { DAY, T0 } from './helpers';

const A = 'a000000000000000';
const B = 'b000000000000000';

describe('hybrid logical clock', () => {
  it('orders stamps by time, then counter, then device, as plain strings', () => {
    const stamps = [
      makeStamp(T0 + 1, 0, A),
      makeStamp(T0, 2, A),
      makeStamp(T0, 1, B),
      makeStamp(T0, 1, A),
      makeStamp(T0 - 5, 9, B),
    ];
    const sorted = [...stamps].sort(compareStamps);
    expect(sorted.map((s) => parseStamp(s))).toEqual([
      { wall: T0 - 5, counter: 9, device: B },
      { wall: T0, counter: 1, device: A },
      { wall: T0, counter: 1, device: B },
      { wall: T0, counter: 2, device: A },
      { wall: T0 + 1, counter: 0, device: A },
    ]);
    expect(stampDevice(stamps[0]!)).toBe(A);
    expect(stampWall(stamps[0]!)).toBe(T0 + 1);
    expect(parseStamp('not a stamp')).toBeUndefined();
  });

  it('never goes back, even when the wall clock does', () => {
    let now = T0;
    const clock = new HybridClock(A, () => now);
    const first = clock.tick();
    now = T0 - 60_000;
    const second = clock.tick();
    const third = clock.tick();
    expect(compareStamps(first, second)).toBeLessThan(0);
    expect(compareStamps(second, third)).toBeLessThan(0);
    expect(parseStamp(third)).toEqual({ wall: T0, counter: 2, device: A });
  });

  it('moves past a remote stamp within the bound, so what follows a change it saw comes after it', () => {
    const clock = new HybridClock(A, () => T0);
    const remote = makeStamp(T0 + 5000, 7, B);
    expect(clock.observe(remote)).toBeUndefined();
    const next = clock.tick();
    expect(compareStamps(next, remote)).toBeGreaterThan(0);
    expect(parseStamp(next)).toEqual({ wall: T0 + 5000, counter: 9, device: A });
  });

  it('is pulled at most MAX_PULL_MS ahead by a device whose clock is days ahead, and reports the skew', () => {
    const clock = new HybridClock(A, () => T0);
    const remote = makeStamp(T0 + 3 * DAY, 0, B);
    expect(clock.observe(remote)).toEqual({ skewMs: 3 * DAY });
    const next = parseStamp(clock.tick())!;
    expect(next.wall).toBe(T0 + MAX_PULL_MS);
    // A thousand more observations of that device do not drag it further.
    for (let i = 0; i < 1000; i++) clock.observe(makeStamp(T0 + 3 * DAY + i, i, B));
    expect(parseStamp(clock.tick())!.wall).toBe(T0 + MAX_PULL_MS);
  });

  it('gives the first stamp of a device after any stamp, across a full counter', () => {
    expect(after(makeStamp(T0, 3, B), A)).toBe(makeStamp(T0, 4, A));
    expect(after(makeStamp(T0, 3, A), B)).toBe(makeStamp(T0, 3, B));
    expect(after(makeStamp(T0, 0xffff, B), A)).toBe(makeStamp(T0 + 1, 0, A));
    expect(compareStamps(after(makeStamp(T0, 3, B), B), makeStamp(T0, 3, B))).toBeGreaterThan(0);
  });

  it('carries into the next millisecond when a millisecond holds more than 65,535 events', () => {
    const clock = new HybridClock(A, () => T0);
    let last = clock.tick();
    let ordered = true;
    for (let i = 0; i < 0x10000; i++) {
      const next = clock.tick();
      ordered &&= next > last;
      last = next;
    }
    expect(ordered).toBe(true);
    expect(parseStamp(last)).toEqual({ wall: T0 + 1, counter: 0, device: A });
  });
});
