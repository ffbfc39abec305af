import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/core/**/*.test.ts',
      'tests/cli/**/*.test.ts',
      'tests/server/**/*.test.ts',
      'tests/renderer/**/*.test.{ts,tsx}',
    ],
    testTimeout: 30_000,
  },
});
