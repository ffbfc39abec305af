/**
 * Upgrades from each older library version to the next. Version 1 is the first format, so the table is
 * empty; a future version N adds `N - 1: (data) => upgraded` and bumps LIBRARY_VERSION.
 */
const MIGRATIONS: Record<number, (data: { version: number }) => { version: number }> = {};

export function migrate(data: { version: number }): unknown {
  let current = data;
  while (MIGRATIONS[current.version]) current = MIGRATIONS[current.version]!(current);
  return current;
}
