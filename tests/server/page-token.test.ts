import { spawn, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../core/helpers';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');
const running = new Set<ChildProcess>();

afterEach(async () => {
  for (const child of running) await stop(child);
});

/** `paperqueue serve` on `dataDir`, as a person runs it; its URL, read from what it prints. */
async function serve(dataDir: string, ...args: string[]): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args, '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, url: new URL(url) };
}

async function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const tokenOf = (url: URL) => url.hash.replace('#token=', '');

/** A command sent as the page sends it: the HTTP status it gets. */
async function statusWith(url: URL, token: string): Promise<number> {
  const response = await fetch(`${url.origin}/api/library.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  await response.arrayBuffer();
  return response.status;
}

describe('the page token of browser mode', () => {
  it('is kept for the data folder (0600), so a restarted serve accepts the page opened before', async () => {
    const data = join(await tempDir(), 'data');
    const first = await serve(data);
    const token = tokenOf(first.url);
    expect(await statusWith(first.url, token)).toBe(200);
    await stop(first.child);

    const second = await serve(data);
    expect(tokenOf(second.url)).toBe(token);
    expect(await statusWith(second.url, token)).toBe(200);
    if (process.platform !== 'win32') expect((await stat(join(data, 'page-token'))).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('is replaced by serve --new-token, after which the old one is refused', async () => {
    const data = join(await tempDir(), 'data');
    const first = await serve(data);
    const old = tokenOf(first.url);
    await stop(first.child);

    const rotated = await serve(data, '--new-token');
    const token = tokenOf(rotated.url);
    expect(token).not.toBe(old);
    expect(await statusWith(rotated.url, old)).toBe(401);
    expect(await statusWith(rotated.url, token)).toBe(200);
    await stop(rotated.child);

    // The new one is the one kept.
    const again = await serve(data);
    expect(tokenOf(again.url)).toBe(token);
  }, 60_000);
});
