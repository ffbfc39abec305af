/**
 * A hybrid logical clock (Kulkarni et al., 2014): a reading is the wall time in milliseconds, a counter for
 * events within one millisecond, and the device, written as a string whose code-unit order is the total order
 * (time, counter, device), so stamps compare, sort and serialise as plain strings.
 *
 * Departure from the textbook clock: observing a remote stamp pulls the local clock forward by at most
 * MAX_PULL_MS past the local wall time. A device whose clock is days ahead therefore cannot drag every
 * other device days into the future (where their counters would run on until real time caught up). Its
 * changes still merge with their own stamps, and causality is kept where it matters, per paper: a change
 * made after seeing a paper's newest change is stamped just after it (`after`), whatever the local clock
 * says (see SyncReplica.stampFor). Past the bound, the remote device is reported as skewed.
 */
export type Stamp = string;

/** A reading taken apart. */
export type StampParts = { wall: number; counter: number; device: string };

const WALL_DIGITS = 12;
const COUNTER_DIGITS = 4;
const MAX_COUNTER = 0xffff;
const STAMP = /^([0-9a-f]{12})\.([0-9a-f]{4})\.([0-9a-z]{1,32})$/;

/** How far a remote stamp may pull the local clock ahead of the local wall time: one minute. */
export const MAX_PULL_MS = 60_000;

export function makeStamp(wall: number, counter: number, device: string): Stamp {
  return `${wall.toString(16).padStart(WALL_DIGITS, '0')}.${counter.toString(16).padStart(COUNTER_DIGITS, '0')}.${device}`;
}

export function parseStamp(stamp: string): StampParts | undefined {
  const match = STAMP.exec(stamp);
  if (!match) return undefined;
  return { wall: parseInt(match[1]!, 16), counter: parseInt(match[2]!, 16), device: match[3]! };
}

export const isStamp = (text: string): boolean => STAMP.test(text);

/** The device that issued a stamp (the stamp must be valid). */
export const stampDevice = (stamp: Stamp): string => stamp.slice(WALL_DIGITS + COUNTER_DIGITS + 2);

/** Wall time of a stamp in milliseconds. */
export const stampWall = (stamp: Stamp): number => parseInt(stamp.slice(0, WALL_DIGITS), 16);

export const compareStamps = (a: Stamp, b: Stamp): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first stamp of `device` that comes after `stamp` in the total order. */
export function after(stamp: Stamp, device: string): Stamp {
  const parts = parseStamp(stamp);
  if (!parts) throw new Error(`Not a clock stamp: ${stamp}`);
  // Same time and counter: a device id that sorts after the other's is enough.
  if (device > parts.device) return makeStamp(parts.wall, parts.counter, device);
  return parts.counter < MAX_COUNTER
    ? makeStamp(parts.wall, parts.counter + 1, device)
    : makeStamp(parts.wall + 1, 0, device);
}

/** What observing a remote stamp did: how far ahead of this device's wall time it was, when past the bound. */
export type Observation = { skewMs: number } | undefined;

/** One device's clock. `now` is injectable so tests can set a clock hours off. */
export class HybridClock {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly device: string,
    private readonly now: () => number = Date.now,
    private readonly maxPullMs: number = MAX_PULL_MS,
  ) {}

  /** The latest reading issued or observed, to resume from after a restart. */
  get last(): Stamp {
    return makeStamp(this.wall, this.counter, this.device);
  }

  /** A stamp for a local event: after every stamp this clock has issued or observed. */
  tick(): Stamp {
    const physical = this.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else this.bump();
    return this.last;
  }

  /**
   * Take in a remote stamp, moving the clock past it unless it is more than maxPullMs ahead of this device's
   * wall time: then the clock moves only to that bound, and the skew is returned so it can be reported.
   */
  observe(remote: Stamp): Observation {
    const parts = parseStamp(remote);
    if (!parts) return undefined;
    const physical = this.now();
    const bound = physical + this.maxPullMs;
    const skewed = parts.wall > bound;
    const wall = skewed ? bound : parts.wall;
    const counter = skewed ? 0 : parts.counter;
    const top = Math.max(this.wall, wall, physical);
    if (top === this.wall && top === wall) this.counter = Math.max(this.counter, counter);
    else if (top === wall) this.counter = counter;
    else if (top !== this.wall) this.counter = -1;
    this.wall = top;
    this.bump();
    return skewed ? { skewMs: parts.wall - physical } : undefined;
  }

  /** Resume from a stamp this device issued before (read back from its own log). */
  restore(stamp: Stamp): void {
    const parts = parseStamp(stamp);
    if (!parts) return;
    if (parts.wall > this.wall || (parts.wall === this.wall && parts.counter > this.counter)) {
      this.wall = parts.wall;
      this.counter = parts.counter;
    }
  }

  private bump(): void {
    this.counter++;
    if (this.counter > MAX_COUNTER) {
      this.wall++;
      this.counter = 0;
    }
  }
}
