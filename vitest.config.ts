import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** Renderer tests that replace one of the app's modules (vi.mock): each keeps a worker of its own. */
const MOCKING = ['tests/renderer/find-measure.test.tsx', 'tests/renderer/list-renders.test.tsx'];

const NODE = ['tests/core/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/server/**/*.test.ts'];

/**
 * Node tests that keep a worker of their own: each replaces a module (vi.mock), changes what the whole process
 * shares (its umask), or measures the process itself (its heap after gc(), its open files, how soon its event
 * loop answers while background work waits for a quiet moment), which another file's leftovers in a shared
 * worker (a store still writing, a thread still building) would add to.
 */
const NODE_OWN_WORKER = [
  'tests/server/ipc.test.ts',
  'tests/core/file-modes.test.ts',
  'tests/core/abstract-shelf.test.ts',
  'tests/core/store-identities.test.ts',
  'tests/core/store-line-places.test.ts',
  'tests/core/insight/rules-verdicts.test.ts',
  'tests/core/foreground.test.ts',
  'tests/core/thread-hold.test.ts',
  'tests/core/search-titles-only.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default is one worker fewer than the cores: one on 2 cores. Most of these tests wait on child
    // processes and the disk, so two there cut the run from 357 s to 211 s without starving either.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        // As the renderer's: a worker per file started Node's test runner and loaded zod, lowdb and pdf.js again
        // for each of 200 files. tests/renderer/fresh-file.ts gives each file fresh modules and real timers.
        extends: true,
        test: {
          name: 'node',
          include: NODE,
          exclude: NODE_OWN_WORKER,
          isolate: false,
          setupFiles: ['tests/renderer/fresh-file.ts'],
        },
      },
      { extends: true, test: { name: 'node-own-worker', include: NODE_OWN_WORKER } },
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
