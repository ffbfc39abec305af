import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS_ROOT_VARIABLE } from './seeded-library';

/**
 * One folder for the whole run's seeded libraries (seeded-library.ts), which every worker reads from the
 * environment it inherits; removed when the run ends.
 */
// eslint-disable-next-line no-restricted-syntax -- Playwright takes a global setup as its file's default export.
export default async function seedsSetup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'paperqueue-e2e-seeds-'));
  process.env[SEEDS_ROOT_VARIABLE] = root;
  return () => rm(root, { recursive: true, force: true, maxRetries: 5 });
}
