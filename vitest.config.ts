import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Renderer tests that replace one of the app's modules (vi.mock): each keeps a worker of its own. */
const MOCKING = ['tests/renderer/find-measure.test.tsx', 'tests/renderer/list-renders.test.tsx'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one on 2 cores. Most of these tests wait on child
    // processes and the disk, so two there cut the run from 357 s to 211 s without starving either.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/core/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/server/**/*.test.ts'],
        },
      },
      {
        // A worker per file loaded React, jsdom and pdf.js again for each of 80 files: about half of their time.
        // Sharing a worker, each file gets from tests/renderer/fresh-file.ts what a worker of its own would give.
        extends: true,
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          exclude: MOCKING,
          isolate: false,
          setupFiles: ['tests/renderer/fresh-file.ts'],
        },
      },
      { extends: true, test: { name: 'renderer-own-worker', include: MOCKING } },
    ],
  },
});
