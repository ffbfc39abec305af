import { defineConfig } from 'vitest/config';

/** Runs after `npm run build`: packs the app with electron-builder and checks app.asar. */
export default defineConfig({
  test: { include: ['tests/packaging/**/*.test.ts'], testTimeout: 120_000 },
});
