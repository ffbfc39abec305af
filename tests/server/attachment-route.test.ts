import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../electron/core/store/store';
import { parseRange } from '../../electron/server/attachment-route';
import { startServer, type RunningServer } from '../../electron/server/server';
import { run, tempDir } from '../core/helpers';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
const TRACEMONKEY = join(PDFS, 'tracemonkey.pdf');

let server: RunningServer | undefined;
let store: LibraryStore | undefined;
afterEach(async () => {
  await server?.close();
  await store?.flush().catch(() => undefined);
  server = store = undefined;
});

async function start() {
  const dir = await tempDir();
  const staticDir = join(dir, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Paperqueue</title>');
  store = await LibraryStore.open(join(dir, 'data'));
  server = await startServer({ store, staticDir });
  const paper = await run(store, 'papers.add', { title: 'Tracing' });
  const { attachment } = await run(store, 'attachments.add', { paperId: paper.id, path: TRACEMONKEY });
  return { server, store, hash: attachment.hash };
}

const get = (server: RunningServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { authorization: `Bearer ${server.token}`, ...headers } });

describe.skipIf(!existsSync(TRACEMONKEY))('GET /api/attachments/<hash>', () => {
  it('serves an attached PDF with the page token, whole or by Range', async () => {
    const { server, hash } = await start();
    const bytes = await readFile(TRACEMONKEY);
    const whole = await get(server, `/api/attachments/${hash}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

    const part = await get(server, `/api/attachments/${hash}`, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await get(server, `/api/attachments/${hash}`, { range: 'bytes=-10' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(-10))).toBe(true);
    const past = await get(server, `/api/attachments/${hash}`, { range: `bytes=${bytes.length}-` });
    expect(past.status).toBe(416);
  });

  it('refuses without the token, and serves no hash the library does not reference', async () => {
    const { server, hash } = await start();
    const anonymous = await fetch(`http://127.0.0.1:${server.port}/api/attachments/${hash}`);
    expect(anonymous.status).toBe(401);
    const unknown = await get(server, `/api/attachments/${'0'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    const traversal = await get(server, `/api/attachments/..%2Flibrary.json`);
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('papers');
  });

  it('does not serve a file changed on disk since it was attached', async () => {
    const { server, store, hash } = await start();
    const path = store.attachments.pathOf(hash);
    const bytes = await readFile(path);
    bytes.writeUInt8(bytes.readUInt8(5000) ^ 0xff, 5000);
    await writeFile(path, bytes);
    const damaged = await get(server, `/api/attachments/${hash}`);
    expect(damaged.status).toBe(409);
    expect(await damaged.text()).toMatch(/damaged/);
  });
});

describe('parseRange', () => {
  it('reads one range and refuses what cannot be met', () => {
    expect(parseRange(undefined, 10)).toBeUndefined();
    expect(parseRange('bytes=0-4', 10)).toEqual([0, 4]);
    expect(parseRange('bytes=5-', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9]);
    expect(parseRange('bytes=8-100', 10)).toEqual([8, 9]);
    expect(parseRange('bytes=10-', 10)).toBe('invalid');
    expect(parseRange('bytes=4-2', 10)).toBe('invalid');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeUndefined();
    expect(parseRange('items=0-1', 10)).toBe('invalid');
  });
});
