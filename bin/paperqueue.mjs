#!/usr/bin/env node
// The paperqueue CLI. It runs the bundle `npm run build` writes (out/main/cli.js) when that is newer than every
// source file of electron/, and otherwise the TypeScript sources straight through tsx: `npx paperqueue` needs no
// build step and never runs code older than the sources. The bundle starts in a fifth of the time (one file to
// load instead of two hundred to resolve and compile), which every command, and every test that runs the CLI
// as a child process, pays at each start. PAPERQUEUE_CLI_SOURCES=1 always runs the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'out', 'main', 'cli.js');

/** The newest modification time of the files under `dir`, or Infinity if one cannot be read. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function bundleIsFresh() {
  if (process.env.PAPERQUEUE_CLI_SOURCES === '1' || !existsSync(bundle)) return false;
  try {
    return statSync(bundle).mtimeMs >= newest(join(root, 'electron'));
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
