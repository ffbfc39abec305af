import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generatedLibrary } from '../core/generated-library';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');
let child: ChildProcess | undefined;

afterEach(async () => {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

describe('paperqueue serve on a large library', () => {
  it('says it is opening the file (with its size) before the URL, then how many papers it opened', async () => {
    // Past the size (1 MB) from which serve says what it is opening.
    const { dir } = await generatedLibrary(2000, 3);
    const megabytes = Math.round((await stat(join(dir, 'library.json'))).size / 1e6);
    expect(megabytes).toBeGreaterThanOrEqual(1);
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const printed = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const look = () => {
          const match = pattern.exec(output);
          if (match) resolve(match);
        };
        child!.stdout?.on('data', (chunk: Buffer) => ((output += chunk.toString()), look()));
        child!.stderr?.on('data', (chunk: Buffer) => ((output += chunk.toString()), look()));
        child!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
        look();
      });
    const url = new URL((await printed(/running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/))[1]!);
    await printed(/Opened 2,000 papers in \d+\.\d s\./);
    const lines = output.split('\n');
    const opening = lines.findIndex((line) => line === `Opening library.json (${megabytes} MB)…`);
    expect(opening).toBeGreaterThanOrEqual(0);
    expect(opening).toBeLessThan(lines.findIndex((line) => line.includes('running at')));
    // The page's commands are answered once the library is open.
    const response = await fetch(`${url.origin}/api/stats.get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${url.hash.replace('#token=', '')}` },
      body: '{}',
    });
    expect(((await response.json()) as { value: { total: number } }).value.total).toBe(2000);
  }, 60_000);
});
