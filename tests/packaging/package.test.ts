import { execFile } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const work = await mkdtemp(join(tmpdir(), 'paperqueue-package-'));
afterAll(() => rm(work, { recursive: true, force: true, maxRetries: 5 }));

/** The fuses electron-builder.yml asks for, by their place in Electron's fuse wire. */
const FUSES: [FuseV1Options, boolean][] = [
  [FuseV1Options.RunAsNode, false],
  [FuseV1Options.EnableCookieEncryption, true],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
  [FuseV1Options.EnableNodeCliInspectArguments, false],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
  [FuseV1Options.OnlyLoadAppFromAsar, true],
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, false],
  [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
];
/** A fuse's byte in the wire: '1' on, '0' off. */
const fuseByte = (on: boolean): number => (on ? 0x31 : 0x30);

/**
 * Electron's fuse wire as its binary carries it: the sentinel, the wire version (1), the number of fuses,
 * then one byte per fuse. Each starts the opposite of what the config asks, so every fuse must be flipped.
 */
function standInFuseWire(): Buffer {
  const wire = Buffer.alloc(FUSES.length);
  for (const [fuse, on] of FUSES) wire[fuse] = fuseByte(!on);
  return Buffer.concat([
    Buffer.from('#!/bin/sh\n# dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, FUSES.length]),
    wire,
    Buffer.from('\n'),
  ]);
}

type Packed = {
  files: string[];
  binary: string;
  standInFuses: Awaited<ReturnType<typeof getCurrentFuseWire>>;
};
let packed: Packed;
beforeAll(async () => {
  packed = await pack();
}, 120_000);

/**
 * electron-builder cannot download Electron here, so it packs against a stand-in Electron folder whose
 * `electron` is a shell script carrying a fuse wire: this checks the packaging config, what goes into
 * app.asar and the fuses electron-builder flips, not that the app runs.
 */
async function pack(): Promise<Packed> {
  const electronDist = join(work, 'electron-dist');
  await execFileAsync('mkdir', ['-p', electronDist]);
  const standIn = join(electronDist, 'electron');
  await writeFile(standIn, standInFuseWire());
  await chmod(standIn, 0o755);
  const standInFuses = await getCurrentFuseWire(standIn);
  const out = join(work, 'dist');
  await execFileAsync(process.execPath, [
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--dir',
    '--linux',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${out}`,
  ]);
  const files = listPackage(join(out, 'linux-unpacked', 'resources', 'app.asar'), { isPack: false });
  return { files, binary: join(out, 'linux-unpacked', 'paperqueue'), standInFuses };
}

function execFileAsync(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} failed:\n${stderr}`)) : resolve(stdout),
    ),
  );
}

describe('the desktop package', () => {
  it('holds the built app and its runtime dependencies only', () => {
    const { files } = packed;
    for (const wanted of [
      '/out/main/main.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
      // The PDF text worker sits beside main.js, and PDF.js's legacy build is there for it to load.
      '/out/main/extract-worker.mjs',
      '/node_modules/pdfjs-dist/legacy/build/pdf.mjs',
      // The reader's PDF.js worker at the one path served with 'wasm-unsafe-eval', and its JBIG2 decoder.
      '/out/renderer/pdfjs/pdf.worker.min.mjs',
      '/out/renderer/pdfjs/wasm/jbig2.wasm',
      '/package.json',
    ]) {
      expect(files).toContain(wanted);
    }
    for (const runtime of ['lowdb', 'zod', 'node-html-parser', 'pdfjs-dist'])
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
  });

  it("flips Electron's fuses in the packed binary", async () => {
    const before = packed.standInFuses;
    const after = await getCurrentFuseWire(packed.binary);
    expect(after.version).toBe('1');
    for (const [fuse, on] of FUSES) {
      expect(before[fuse], `${FuseV1Options[fuse]} in the stand-in`).toBe(fuseByte(!on));
      expect(after[fuse], `${FuseV1Options[fuse]} in the package`).toBe(fuseByte(on));
    }
  });
});
