// npm start: build, then open the desktop app; where Electron's runtime is missing and cannot be
// downloaded, say so in one line and run browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, installElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const build = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

let electron = findElectronBinary();
if (!('path' in electron)) electron = installElectronBinary(spawnSync);

const child =
  'path' in electron
    ? spawn(electron.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
    : (console.log(`Paperqueue: ${electron.reason}, so it opens in your browser instead (browser mode).`),
      spawn(process.execPath, [join(root, 'bin', 'paperqueue.mjs'), 'serve', ...process.argv.slice(2)], {
        cwd: root,
        stdio: 'inherit',
      }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
