import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** What the browser benches run: the renderer's page, and the CLI's bundle that `paperqueue serve` runs. */
const OUTPUTS = [join('out', 'renderer', 'index.html'), join('out', 'main', 'cli.js')];
const SOURCES = ['electron', 'renderer'];

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Whether the build is missing or older than a source file. */
export function buildIsStale(root = ROOT): boolean {
  try {
    const built = Math.min(...OUTPUTS.map((file) => statSync(join(root, file)).mtimeMs));
    return SOURCES.some((dir) => newest(join(root, dir)) > built);
  } catch {
    return true;
  }
}

/**
 * The app built from the sources as they are, before a bench serves it: undefined once it is, else why not.
 *
 * A stale build measured code that is no longer the sources': the page's old bundle, and `bin/paperqueue.mjs`
 * then runs the server's TypeScript through tsx (a fresh bundle it runs as the app does), which compiles each
 * module on first use, For you's too. Afternoon runs of 12-07 measured that by mistake.
 */
export function ensureBuilt(root = ROOT): string | undefined {
  if (!buildIsStale(root)) return undefined;
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) return 'the app is not built and "electron-vite build" failed';
  return buildIsStale(root) ? 'the build is still older than the sources after "electron-vite build"' : undefined;
}
