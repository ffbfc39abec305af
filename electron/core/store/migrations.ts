import { LIBRARY_VERSION } from '../schema';

/** Turns a library of version N into one of version N + 1. */
export type Migration = (data: { version: number }) => { version: number };

/**
 * Upgrades from each older library version to the next: entry N upgrades version N to N + 1. Version 1 is the
 * first format, so the table is empty; a future version N + 1 adds `N: (data) => upgraded` and bumps
 * LIBRARY_VERSION (tests/core/durability/migrations.test.ts fails while a step of the chain is missing).
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Upgrade `data` one version at a time up to `target`. A missing step, or a step that does not raise the
 * version by exactly one, is a programming error and throws rather than loop or half-upgrade.
 */
export function migrate(
  data: { version: number },
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = LIBRARY_VERSION,
): unknown {
  let current = data;
  while (current.version < target) {
    const from = current.version;
    const step = migrations[from];
    if (!step) throw new Error(`There is no migration from library version ${from} to ${from + 1}.`);
    current = step(current);
    if (current.version !== from + 1) {
      throw new Error(
        `The migration from library version ${from} produced version ${current.version}, not ${from + 1}.`,
      );
    }
  }
  return current;
}
