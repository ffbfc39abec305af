import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's Chromium by default; PAPERQUEUE_CHROMIUM points elsewhere, unset uses Playwright's own browser. */
const executablePath =
  process.env.PAPERQUEUE_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Generous: a busy 2-core machine runs two browsers and spawns CLI processes; no test measures speed.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Three on the 2 cores CI has: the third fills the time a test waits on its browser, serve and the disk (11 min
  // rather than 15 on a busy machine, for no more CPU). The race a busy machine showed in note-two-tabs (typing
  // stalled past the autosave put half a sentence into a clash) is fixed in the note editor and notes.save.
  workers: process.env.CI ? 3 : undefined,
  // The seeded libraries, imported once for the whole run rather than once per worker (seeded-library.ts).
  globalSetup: './tests/e2e/seeds-setup.ts',
  reporter: process.env.CI ? 'list' : 'line',
  projects: [
    {
      name: 'browser-mode',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1360, height: 860 },
        launchOptions: {
          executablePath,
          // Chromium's own background traffic (updates, sync) has nowhere to go offline; keep it quiet.
          args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
