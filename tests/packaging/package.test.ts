import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = await mkdtemp(join(tmpdir(), 'paperqueue-package-'));
afterAll(() => rm(work, { recursive: true, force: true }));

/**
 * electron-builder cannot download Electron here, so it packs against a stand-in Electron folder:
 * this checks the packaging config and what goes into app.asar, not that the app runs.
 */
async function pack(): Promise<string[]> {
  const electronDist = join(work, 'electron-dist');
  await execFileAsync('mkdir', ['-p', electronDist]);
  await writeFile(join(electronDist, 'electron'), '#!/bin/sh\n');
  await chmod(join(electronDist, 'electron'), 0o755);
  const out = join(work, 'dist');
  await execFileAsync(process.execPath, [
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--dir',
    '--linux',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${out}`,
  ]);
  return listPackage(join(out, 'linux-unpacked', 'resources', 'app.asar'), { isPack: false });
}

function execFileAsync(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} failed:\n${stderr}`)) : resolve(stdout),
    ),
  );
}

describe('the desktop package', () => {
  it('holds the built app and its runtime dependencies only', async () => {
    const files = await pack();
    for (const wanted of [
      '/out/main/main.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(wanted);
    }
    for (const runtime of ['lowdb', 'zod', 'node-html-parser'])
      expect(files).toContain(`/node_modules/${runtime}/package.json`);
    // Renderer libraries are bundled by vite; test and build tools stay out.
    for (const absent of [
      'react',
      'react-dom',
      'zustand',
      'vitest',
      'electron',
      'typescript',
      '@retorquere/bibtex-parser',
    ]) {
      expect(files).not.toContain(`/node_modules/${absent}/package.json`);
    }
    expect(files.some((f) => f.startsWith('/tests/') || f.startsWith('/electron/'))).toBe(false);
  }, 120_000);
});
