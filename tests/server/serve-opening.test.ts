import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../electron/core/store/store';
import { startServer, type RunningServer } from '../../electron/server/server';
import { generatedLibrary } from '../core/generated-library';
import { openTempStore, run, tempDir } from '../core/helpers';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'paperqueue.mjs');
let child: ChildProcess | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child!.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
});

/** `paperqueue serve` on `dir` as a child process; `printed(pattern)` waits for a line it prints (stdout or stderr). */
function serve(dir: string) {
  const started = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  let output = '';
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(output);
        if (match) resolve(match);
      };
      started.stdout.on('data', (chunk: Buffer) => ((output += chunk.toString()), look()));
      started.stderr.on('data', (chunk: Buffer) => ((output += chunk.toString()), look()));
      started.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      look();
    });
  const url = async () => new URL((await printed(/running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/))[1]!);
  return { child: started, printed, url, output: () => output };
}

describe('paperqueue serve on a large library', () => {
  it('says it is opening the file (with its size) before the URL, then how many papers it opened', async () => {
    // Past the size (1 MB) from which serve says what it is opening.
    const { dir } = await generatedLibrary(2000, 3);
    const megabytes = Math.round((await stat(join(dir, 'library.json'))).size / 1e6);
    expect(megabytes).toBeGreaterThanOrEqual(1);
    const { printed, url: printedUrl, output } = serve(dir);
    const url = await printedUrl();
    await printed(/Opened 2,000 papers in \d+\.\d s\./);
    const lines = output().split('\n');
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

describe('paperqueue serve on a library it cannot open', () => {
  // From its first line: a newer Paperqueue's library, whole or cut short (which is never moved aside for recovery).
  const newer = '{"version":999,"papers":[\n{"id":"k3f9","title":"Kept by a newer Paperqueue"}\n]}\n';
  it.each([
    ['written by a newer Paperqueue', newer, 'it was written by a newer Paperqueue (library version 999'],
    ['cut short, by a newer Paperqueue', newer.slice(0, 50), 'and is damaged: it is not valid JSON'],
  ])(
    '(%s) keeps serving the page with the reason until Ctrl-C, and leaves the file as it was',
    async (_, text, why) => {
      const dir = await tempDir();
      const file = join(dir, 'library.json');
      await writeFile(file, text);
      const before = await readFile(file);
      const serving = serve(dir);
      const url = await serving.url();
      // In the terminal, in one line, as the CLI says a library it cannot open.
      const said = (await serving.printed(/^paperqueue: Cannot open the library .*$/m))[0];
      expect(said).toContain(why);
      expect(said).toContain(file);
      const message = said.slice('paperqueue: '.length);
      const auth = { authorization: `Bearer ${url.hash.replace('#token=', '')}` };
      // The page is served, and told why and which file, whenever it asks.
      const page = await fetch(url.origin);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const told = await fetch(`${url.origin}/api/events`, { method: 'POST', headers: auth });
      expect(await told.json()).toEqual({ library: { state: 'failed', message, file, newer: true } });
      const command = await fetch(`${url.origin}/api/stats.get`, { method: 'POST', headers: auth, body: '{}' });
      expect(command.status).toBe(503);
      expect(await command.json()).toMatchObject({ ok: false, error: { message } });

      const exited = new Promise<number | null>((resolve) => serving.child.once('exit', resolve));
      serving.child.kill('SIGINT');
      expect(await exited).toBe(1);
      // Nothing wrote to it, moved it aside or put a library in its place.
      expect((await readFile(file)).equals(before)).toBe(true);
      expect((await readdir(dir)).sort()).toEqual(['library.json', 'page-token']);
    },
    30_000,
  );
});

/** A server in-process on a library whose opening is held until the test settles it. */
async function heldOpening() {
  const staticDir = join(await tempDir(), 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Paperqueue</title>');
  let settle!: { open: (store: LibraryStore) => void; fail: (error: Error) => void };
  const opening = new Promise<LibraryStore>((open, fail) => (settle = { open, fail }));
  server = await startServer({ store: opening, openingBytes: 218_000_000, staticDir });
  const { port, token } = server;
  const call = (path: string, body?: string) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
  /** The event stream, as the page's cookie opens it; `next(type)` waits for the next event of that type. */
  const events = async () => {
    const cookie = (await call('/api/events')).headers.get('set-cookie')!.split(';')[0]!;
    const frames: string[] = [];
    const waiting: (() => void)[] = [];
    const req = request({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie } }, (res) =>
      res.on('data', (chunk: Buffer) => {
        frames.push(
          ...chunk
            .toString()
            .split('\n\n')
            .filter((frame) => frame.startsWith('event: ')),
        );
        for (const wake of waiting.splice(0)) wake();
      }),
    );
    req.end();
    const next = async (type: string): Promise<unknown> => {
      for (;;) {
        const at = frames.findIndex((frame) => frame.startsWith(`event: ${type}\n`));
        if (at >= 0)
          return JSON.parse(
            frames
              .splice(0, at + 1)
              .at(-1)!
              .split('\ndata: ')[1]!,
          );
        await new Promise<void>((wake) => waiting.push(wake));
      }
    };
    return { next, close: () => req.destroy() };
  };
  return { settle, call, events };
}

describe("the library's state, told to the page while serve opens it", () => {
  it('is answered at once while the open is held, streamed, and held commands are answered once it opens', async () => {
    const { settle, call, events } = await heldOpening();
    const held = call('/api/stats.get', '{}').then((response) => response.json());
    const told = await call('/api/events');
    expect(told.status).toBe(200);
    expect(await told.json()).toEqual({ library: { state: 'opening', bytes: 218_000_000 } });
    // The page's token only, as for the stream's cookie.
    const stranger = await fetch(`http://127.0.0.1:${server!.port}/api/events`, { method: 'POST' });
    expect(stranger.status).toBe(401);
    const stream = await events();
    expect(await stream.next('library')).toEqual({ state: 'opening', bytes: 218_000_000 });

    const library = await openTempStore();
    await run(library, 'papers.add', { title: 'Opened at last' });
    settle.open(library);
    expect(await stream.next('library')).toEqual({ state: 'open' });
    expect(await held).toMatchObject({ ok: true, value: { total: 1 } });
    expect(await (await call('/api/events')).json()).toEqual({ library: { state: 'open' } });
    stream.close();
  });

  it("says why a library could not be opened, in serve's words, on the stream and to each held command", async () => {
    // A library from a newer Paperqueue cannot be opened here: LibraryStore.open refuses it as it does in serve.
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), '{"version": 999, "papers": []}');
    const refusal = await LibraryStore.open(dir, { recover: true }).then(
      () => new Error('opened'),
      (error: Error) => error,
    );
    expect(refusal.message).toContain('written by a newer Paperqueue');
    const { settle, call, events } = await heldOpening();
    const held = call('/api/stats.get', '{}');
    const stream = await events();
    expect(await stream.next('library')).toMatchObject({ state: 'opening' });
    settle.fail(refusal);
    const failed = { state: 'failed', message: refusal.message, file: join(dir, 'library.json'), newer: true };
    expect(await stream.next('library')).toEqual(failed);
    const answer = await held;
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ ok: false, error: { message: refusal.message }, library: failed });
    expect(await (await call('/api/events')).json()).toEqual({ library: failed });
    stream.close();
  });
});
