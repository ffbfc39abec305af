// Finds Electron's runtime without triggering its download (electron >= 42 downloads on first use).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** @returns {{ path: string } | { reason: string }} */
export function findElectronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const path = relative ? join(distDir, relative) : undefined;
  if (path && existsSync(path)) return { path };
  return { reason: 'the Electron runtime is not downloaded on this machine' };
}

/** Try Electron's own installer once (it fetches the runtime from GitHub releases). */
export function installElectronBinary(spawnSync) {
  const dir = dirname(require.resolve('electron/package.json'));
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 ? findElectronBinary() : { reason: 'the Electron runtime could not be downloaded' };
}
