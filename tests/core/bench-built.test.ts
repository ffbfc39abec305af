import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsStale } from '../../scripts/bench/built';

// The browser benches build the app first when its build is older than a source: a stale CLI bundle made
// `paperqueue serve` run the TypeScript sources through tsx, and the bench measured that.
describe('the bench knows a stale build', () => {
  let root: string;
  const at = (seconds: number) => new Date(1_700_000_000_000 + seconds * 1000);
  const file = async (path: string, seconds: number) => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), '');
    await utimes(join(root, path), at(seconds), at(seconds));
  };
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'paperqueue-built-'));
    await file('electron/core/a.ts', 10);
    await file('renderer/src/b.tsx', 10);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is fresh when both outputs are newer than every source', async () => {
    await file('out/renderer/index.html', 20);
    await file('out/main/cli.js', 20);
    expect(buildIsStale(root)).toBe(false);
  });

  it('is stale when a source deep in electron/ or renderer/ changed after the build', async () => {
    await file('out/renderer/index.html', 20);
    await file('out/main/cli.js', 20);
    await file('electron/core/search/c.ts', 30);
    expect(buildIsStale(root)).toBe(true);
    await file('electron/core/search/c.ts', 15);
    await file('renderer/src/store/d.ts', 25);
    expect(buildIsStale(root)).toBe(true);
  });

  it('is stale when an output is missing or older than the sources', async () => {
    await file('out/renderer/index.html', 20);
    expect(buildIsStale(root)).toBe(true);
    await file('out/main/cli.js', 5);
    expect(buildIsStale(root)).toBe(true);
  });
});
