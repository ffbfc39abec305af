import { describe, expect, it } from 'vitest';
import { openInFreshProcess } from '../../scripts/bench/measure';
import { generatedLibrary } from './generated-library';

describe("the bench's memory of a fresh process", { timeout: 120_000 }, () => {
  it('is that of plain Node running the core bundled, as the app runs its build, not through tsx', async () => {
    const { dir } = await generatedLibrary(300, 3);
    const fresh = await openInFreshProcess(dir);
    expect(fresh).toBeDefined();
    // Run by plain Node (no --import of a loader), from one bundled file, it opened the library and built its model.
    expect(fresh!.execArgv).toEqual([]);
    expect(fresh!.entry).toMatch(/open-memory-\d+\.mjs$/);
    expect(fresh!.papers).toBe(300);
    expect(fresh!.heapUsed).toBeLessThan(fresh!.rss);
    expect(fresh!.rssRuntime).toBeLessThan(fresh!.rss);
  });
});
