import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../electron/core/store/store';
import {
  CONTENT_SECURITY_POLICY,
  PDF_WORKER_CONTENT_SECURITY_POLICY,
  PDF_WORKER_PATH,
  pagePolicy,
} from '../../electron/server/security';
import { startServer, type RunningServer } from '../../electron/server/server';
import { tempDir } from '../core/helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a server on a built renderer of an index page and `files` (URL path to contents). */
async function start(files: Record<string, string> = {}) {
  const dir = await tempDir();
  const staticDir = join(dir, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Paperqueue</title>');
  for (const [path, body] of Object.entries(files)) {
    await mkdir(dirname(join(staticDir, path)), { recursive: true });
    await writeFile(join(staticDir, path), body);
  }
  const store = await LibraryStore.open(join(dir, 'data'));
  server = await startServer({ store, staticDir });
  return { server, store };
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw HTTP request, so Host and Origin can be set as an attacker would. */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token in its fragment', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32}$/);
  });

  it('runs commands with the token, and refuses without it (401)', async () => {
    const { server } = await start();
    const headers = { 'content-type': 'application/json', host: `127.0.0.1:${server.port}` };
    const without = await send(server.port, '/api/stats.get', { method: 'POST', headers, body: '{}' });
    expect(without.status).toBe(401);
    const wrong = await send(server.port, '/api/stats.get', {
      method: 'POST',
      headers: { ...headers, authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    const ok = await send(server.port, '/api/papers.add', {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ title: 'Served over HTTP' }),
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { title: 'Served over HTTP', status: 'inbox' } });
  });

  it('refuses a foreign Host (DNS rebinding) or Origin with 403, and sends no CORS headers', async () => {
    const { server } = await start();
    const auth = { authorization: `Bearer ${server.token}` };
    expect(
      (
        await send(server.port, '/api/stats.get', {
          method: 'POST',
          headers: { ...auth, host: `evil.example:${server.port}` },
        })
      ).status,
    ).toBe(403);
    const cross = await send(server.port, '/api/stats.get', {
      method: 'POST',
      headers: { ...auth, host: `127.0.0.1:${server.port}`, origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    expect(cross.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers bad JSON and invalid input with a Result, never a crash', async () => {
    const { server } = await start();
    const headers = { authorization: `Bearer ${server.token}`, host: `127.0.0.1:${server.port}` };
    const bad = await send(server.port, '/api/papers.get', { method: 'POST', headers, body: '{not json' });
    expect(bad.status).toBe(400);
    const invalid = await send(server.port, '/api/papers.get', { method: 'POST', headers, body: '{"id": 5}' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('serves the renderer with the strict CSP, and nothing outside its folder', async () => {
    const { server, store } = await start();
    await mkdir(store.dataDir, { recursive: true });
    await writeFile(store.file, '{"version": 1, "papers": []}');
    const host = { host: `127.0.0.1:${server.port}` };
    const page = await send(server.port, '/', { headers: host });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    for (const path of ['/..%2fdata%2flibrary.json', '/%2e%2e/data/library.json', '/..\\data\\library.json']) {
      const escape = await send(server.port, path, { headers: host });
      expect(escape.body, path).not.toContain('"papers"');
    }
  });

  it('keeps the page and its assets from the start, hashed assets cached for good, and nothing else', async () => {
    const { server, store } = await start({
      'assets/index-C8W47a2B.js': 'console.log(1)',
      'assets/plain.js': 'console.log(2)',
      'assets/../../outside.js': 'no',
    });
    const host = { host: `127.0.0.1:${server.port}` };
    const hashed = await send(server.port, '/assets/index-C8W47a2B.js', { headers: host });
    expect(hashed).toMatchObject({ status: 200, body: 'console.log(1)' });
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers['content-type']).toContain('text/javascript');
    const plain = await send(server.port, '/assets/plain.js', { headers: host });
    expect(plain).toMatchObject({ status: 200, body: 'console.log(2)' });
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect((await send(server.port, '/', { headers: host })).headers['cache-control']).toBe('no-cache');
    // A missing asset is the page (client-side routes), asked again it is still looked for, not kept missing.
    const missing = await send(server.port, '/assets/later-AAAAAAAA.js', { headers: host });
    expect(missing.body).toContain('<title>Paperqueue</title>');
    await writeFile(join(dirname(store.dataDir), 'renderer', 'assets', 'later-AAAAAAAA.js'), 'console.log(3)');
    expect((await send(server.port, '/assets/later-AAAAAAAA.js', { headers: host })).body).toBe('console.log(3)');
    for (const path of ['/assets/..%2f..%2foutside.js', '/assets/%2e%2e/%2e%2e/outside.js']) {
      expect((await send(server.port, path, { headers: host })).body, path).not.toBe('no');
    }
    // The plain name is kept as first read; another spelling of the same file is read afresh each time.
    await writeFile(join(dirname(store.dataDir), 'renderer', 'assets', 'plain.js'), 'console.log(4)');
    expect((await send(server.port, '/assets/plain.js', { headers: host })).body).toBe('console.log(2)');
    expect((await send(server.port, '/assets/%70lain.js', { headers: host })).body).toBe('console.log(4)');
    await writeFile(join(dirname(store.dataDir), 'renderer', 'assets', 'plain.js'), 'console.log(5)');
    expect((await send(server.port, '/assets/%70lain.js', { headers: host })).body).toBe('console.log(5)');
  });

  it("keeps the page's policy as it was, and gives pdf.js's worker alone one that adds 'wasm-unsafe-eval'", async () => {
    // Byte for byte: a change to the page's policy is a change to this line.
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(PDF_WORKER_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"),
    );
    expect(PDF_WORKER_PATH).toBe('/pdfjs/pdf.worker.min.mjs');
    const { server } = await start({
      '/pdfjs/pdf.worker.min.mjs': 'self.onmessage = () => {};',
      '/pdfjs/wasm/jbig2.wasm': '\0asm',
      '/assets/index-1234.js': 'console.log("app");',
      '/assets/pdf.worker.min.mjs': 'console.log("not the worker");',
    });
    const host = { host: `127.0.0.1:${server.port}` };
    const policy = async (path: string, method = 'GET') => {
      const reply = await send(server.port, path, { method, headers: host });
      return {
        status: reply.status,
        type: reply.headers['content-type'],
        csp: reply.headers['content-security-policy'],
      };
    };
    for (const method of ['GET', 'HEAD']) {
      // (A URL's dot segments are resolved before its path is compared, as a browser resolves them.)
      for (const path of [PDF_WORKER_PATH, `${PDF_WORKER_PATH}?v=2`, '/pdfjs/./pdf.worker.min.mjs'])
        expect(await policy(path, method), `${method} ${path}`).toEqual({
          status: 200,
          type: 'text/javascript; charset=utf-8',
          csp: PDF_WORKER_CONTENT_SECURITY_POLICY,
        });
    }
    expect(await policy('/pdfjs/wasm/jbig2.wasm')).toEqual({
      status: 200,
      type: 'application/wasm',
      csp: CONTENT_SECURITY_POLICY,
    });
    // Every other file, the index page in place of any path, another spelling of the worker's path, the API.
    for (const path of [
      '/',
      '/index.html',
      '/queue',
      '/assets/index-1234.js',
      '/assets/pdf.worker.min.mjs',
      '/pdfjs//pdf.worker.min.mjs',
      '/pdfjs/%70df.worker.min.mjs',
      '/pdfjs/pdf.worker.min.mjs/',
      '/PDFJS/pdf.worker.min.mjs',
      '/api/stats.get',
    ])
      expect((await policy(path)).csp, path).toBe(CONTENT_SECURITY_POLICY);
  });

  it("allows the page's inlined stylesheet by its hash, on the page and every route it stands for, and nowhere else", async () => {
    const css = 'body{margin:0}.app{display:grid}';
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    const { server } = await start({
      '/index.html': `<!doctype html><title>Paperqueue</title><style>${css}</style>`,
      '/assets/index-1234.js': 'console.log("app");',
    });
    const page = CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${hash}`);
    const host = { host: `127.0.0.1:${server.port}` };
    const policies: Record<string, unknown> = {};
    for (const path of ['/', '/index.html', '/queue', PDF_WORKER_PATH, '/assets/index-1234.js', '/api/stats.get'])
      policies[path] = (await send(server.port, path, { headers: host })).headers['content-security-policy'];
    expect(policies).toEqual({
      '/': page,
      '/index.html': page,
      // A client-side route and a missing worker are the index page, sent with the page's own policy.
      '/queue': page,
      [PDF_WORKER_PATH]: page,
      '/assets/index-1234.js': CONTENT_SECURITY_POLICY,
      '/api/stats.get': CONTENT_SECURITY_POLICY,
    });
    // The hash is of the style's text exactly: another text (a style a note's markdown might carry) is not allowed.
    expect(pagePolicy('<style>body{margin:1px}</style>')).not.toContain(hash);
    expect(pagePolicy('<title>no styles</title>')).toBe(CONTENT_SECURITY_POLICY);
    expect(pagePolicy(`<style>${css}</style><style>${css}</style>`)).toBe(page);
  });

  it("serves the index page with the page's policy when the worker is missing, never the worker's", async () => {
    const { server } = await start();
    const reply = await send(server.port, PDF_WORKER_PATH, { headers: { host: `127.0.0.1:${server.port}` } });
    expect(reply.body).toContain('<title>Paperqueue</title>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('streams change events to a page holding the HttpOnly cookie its token bought, never to a token in the URL', async () => {
    const { server } = await start();
    const host = { host: `127.0.0.1:${server.port}` };
    // The old way, a token in the URL, is refused: URLs end up in logs and history.
    const inUrl = await send(server.port, `/api/events?token=${server.token}`, { headers: host });
    expect(inUrl.status).toBe(401);
    expect((await send(server.port, '/api/events', { method: 'POST', headers: host })).status).toBe(401);
    const bought = await send(server.port, '/api/events', {
      method: 'POST',
      headers: { ...host, authorization: `Bearer ${server.token}` },
    });
    expect(bought.status).toBe(200);
    expect(JSON.parse(bought.body)).toEqual({ library: { state: 'open' } });
    const setCookie = String(bought.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^paperqueue-events-${server.port}=[\\w-]{32};`));
    for (const flag of ['HttpOnly', 'SameSite=Strict', 'Path=/api/events']) expect(setCookie).toContain(flag);
    // The cookie carries its own value, not the token that runs commands.
    const cookie = setCookie.split(';')[0]!;
    expect(cookie).not.toContain(server.token);
    const wrongCookie = await send(server.port, '/api/events', {
      headers: { ...host, cookie: `paperqueue-events-${server.port}=${server.token}` },
    });
    expect(wrongCookie.status).toBe(401);

    const events = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...host, cookie } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('event: changed')) {
              req.destroy();
              resolve(text);
            }
          });
          void send(server.port, '/api/papers.add', {
            method: 'POST',
            headers: { authorization: `Bearer ${server.token}`, ...host },
            body: '{"title": "An evented paper"}',
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(events).toMatch(/event: changed\ndata: \{"command":"papers\.add","ids":\["[0-9a-z]{8}"\]\}/);
  });

  it("reads a file by its path for the CLI's credential only: the page's token gets FORBIDDEN and no line of the file", async () => {
    const { server, store } = await start();
    const secret = join(await tempDir(), 'id_rsa');
    await writeFile(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n');
    const headers = { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json' };
    for (const name of ['library.previewImport', 'library.import']) {
      const asPage = await send(server.port, `/api/${name}`, {
        method: 'POST',
        headers: { ...headers, authorization: `Bearer ${server.token}` },
        body: JSON.stringify({ path: secret, format: 'id-list' }),
      });
      expect(JSON.parse(asPage.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(asPage.body).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmU');
      expect(asPage.body).not.toContain('PRIVATE KEY');
    }
    expect(server.cliToken).not.toBe(server.token);
    const paper = join(await tempDir(), 'ids.txt');
    await writeFile(paper, '2401.00001\n');
    const asCli = await send(server.port, '/api/library.import', {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${server.cliToken}` },
      body: JSON.stringify({ path: paper }),
    });
    expect(JSON.parse(asCli.body)).toMatchObject({ ok: true, value: { added: 1 } });
    expect(store.size).toBe(1);
  });

  it('takes a 49 MB file in base64 on the import routes alone, and answers a malformed name without raw error text', async () => {
    const { server } = await start();
    const headers = { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}` };
    const file = Buffer.alloc(49 * 1024 * 1024, 0x20);
    file.write('% not a paper\n');
    const body = JSON.stringify({ base64: file.toString('base64'), name: 'big.txt' });
    expect(body.length).toBeGreaterThan(64 * 1024 * 1024);
    const preview = await send(server.port, '/api/library.previewImport', { method: 'POST', headers, body });
    expect(preview.status).toBe(200);
    expect(JSON.parse(preview.body)).toMatchObject({ ok: true, value: { source: 'big.txt', new: 0 } });
    const elsewhere = await send(server.port, '/api/papers.add', { method: 'POST', headers, body });
    expect(elsewhere.status).toBe(413);

    const malformed = await send(server.port, '/api/papers.%E0%A4%A', { method: 'POST', headers, body: '{}' });
    expect(malformed.status).toBe(404);
    expect(malformed.body).not.toMatch(/URIError|malformed/i);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  }, 60_000);
});
