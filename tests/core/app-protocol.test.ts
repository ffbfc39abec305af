import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_URL, appProtocolResponse, isAppUrl } from '../../electron/app-protocol';
import {
  CONTENT_SECURITY_POLICY,
  PDF_WORKER_CONTENT_SECURITY_POLICY,
  PDF_WORKER_PATH,
} from '../../electron/server/security';
import { resolveStatic } from '../../electron/server/static';

// A built renderer folder with a library beside it, as the packaged app has them, and symlinks in and out.
const work = await mkdtemp(join(tmpdir(), 'paperqueue-app-protocol-'));
afterAll(() => rm(work, { recursive: true, force: true, maxRetries: 5 }));
const root = join(work, 'renderer');
const secret = join(work, 'data', 'library.json');
const INDEX = '<!doctype html><title>Paperqueue index</title>';
await mkdir(join(root, 'assets'), { recursive: true });
await mkdir(join(work, 'data'));
await writeFile(secret, '{"version": 1, "papers": ["SECRET"]}');
await writeFile(join(root, 'index.html'), INDEX);
await writeFile(join(root, 'assets', 'app.js'), 'console.log("app");');
await writeFile(join(root, 'assets', 'app.css'), 'body { margin: 0 }');
await writeFile(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
await writeFile(join(root, 'assets', 'blob.bin'), 'raw');
await mkdir(join(root, 'pdfjs', 'wasm'), { recursive: true });
await writeFile(join(root, 'pdfjs', 'pdf.worker.min.mjs'), 'self.onmessage = () => {};');
await writeFile(join(root, 'pdfjs', 'wasm', 'jbig2.wasm'), '\0asm');
await writeFile(join(root, 'assets', 'pdf.worker.min.mjs'), 'console.log("not the worker");');
await symlink(secret, join(root, 'leak.json'));
await symlink(work, join(root, 'outside'));
await symlink(join(root, 'assets', 'app.js'), join(root, 'alias.js'));

const get = (url: string, init?: RequestInit) => appProtocolResponse(root, new Request(url, init));

describe('the app:// protocol', () => {
  it('serves the index page at / and /index.html, with the CSP and nosniff', async () => {
    expect(APP_URL).toBe('app://paperqueue/index.html');
    for (const url of ['app://paperqueue/', 'app://paperqueue/index.html', 'app://paperqueue/index.html#/queue']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(INDEX);
    }
  });

  it("allows an index page's inlined stylesheet by its hash", async () => {
    const styled = join(work, 'styled');
    await mkdir(styled);
    const css = '.app{display:grid}';
    await writeFile(join(styled, 'index.html'), `<!doctype html><style>${css}</style>`);
    const response = await appProtocolResponse(styled, new Request('app://paperqueue/index.html'));
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    expect(response.headers.get('content-security-policy')).toBe(
      CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${hash}`),
    );
  });

  it('gives each file its content type', async () => {
    for (const [path, type, body] of [
      ['/assets/app.js', 'text/javascript; charset=utf-8', 'console.log("app");'],
      ['/assets/app.css', 'text/css; charset=utf-8', 'body { margin: 0 }'],
      ['/assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
      ['/assets/blob.bin', 'application/octet-stream', 'raw'],
      // A symlink that stays inside the folder is fine.
      ['/alias.js', 'text/javascript; charset=utf-8', 'console.log("app");'],
    ] as const) {
      const response = await get(`app://paperqueue${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text(), path).toBe(body);
    }
  });

  it("gives pdf.js's worker alone the policy that adds 'wasm-unsafe-eval', by its exact path", async () => {
    for (const url of [`app://paperqueue${PDF_WORKER_PATH}`, `app://paperqueue${PDF_WORKER_PATH}?v=2`]) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe('text/javascript; charset=utf-8');
      expect(response.headers.get('content-security-policy'), url).toBe(PDF_WORKER_CONTENT_SECURITY_POLICY);
    }
    const wasm = await get('app://paperqueue/pdfjs/wasm/jbig2.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const path of [
      '/index.html',
      '/assets/app.js',
      '/assets/pdf.worker.min.mjs',
      '/pdfjs//pdf.worker.min.mjs',
      '/pdfjs/%70df.worker.min.mjs',
      '/pdfjs/pdf.worker.min.mjs/',
      '/pdfjs/missing.mjs',
    ]) {
      const response = await get(`app://paperqueue${path}`);
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
    }
    for (const method of ['POST', 'HEAD']) {
      const refused = await get(`app://paperqueue${PDF_WORKER_PATH}`, { method });
      expect(refused.status, method).toBe(405);
      expect(refused.headers.get('content-security-policy'), method).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves nothing outside its folder: a 404, never the file and never the index page', async () => {
    for (const path of [
      // The static server's cases (tests/server/server.test.ts).
      '/..%2fdata%2flibrary.json',
      '/%2e%2e/data/library.json',
      '/..\\data\\library.json',
      // Encoded dots, slashes and backslashes, deeper climbs, absolute paths.
      '/%2e%2e%2fdata%2flibrary.json',
      '/%2E%2E%2Fdata%2Flibrary.json',
      '/..%5cdata%5clibrary.json',
      '/assets/..%2f..%2fdata%2flibrary.json',
      '/assets/%2e%2e/%2e%2e/data/library.json',
      `/${encodeURIComponent(secret)}`,
      `/${secret}`,
      `/%2f${encodeURIComponent(secret.slice(1))}`,
      // Symlinks out of the folder, to the file and to a folder above it.
      '/leak.json',
      '/outside/data/library.json',
      // NUL bytes and malformed escapes.
      '/index.html%00.js',
      '/leak.json%00',
      '/%E0%A4%A',
      '/%',
    ]) {
      const response = await get(`app://paperqueue${path}`);
      const body = await response.text();
      expect(response.status, path).toBe(404);
      expect(body, path).not.toContain('SECRET');
      expect(body, path).not.toContain('Paperqueue index');
      expect(response.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers a missing file or a folder with a 404, not the index page', async () => {
    for (const path of ['/queue', '/missing.js', '/assets', '/assets/', '/index.html/']) {
      const response = await get(`app://paperqueue${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('Paperqueue index');
    }
  });

  it('refuses any other host, port or scheme', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://paperqueue.evil/index.html',
      'app://evil.paperqueue/index.html',
      'app://paperqueue:8080/index.html',
      'https://paperqueue/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('Paperqueue index');
    }
  });

  it('refuses any method but GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']) {
      const response = await get('app://paperqueue/index.html', { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
      expect(await response.text(), method).not.toContain('Paperqueue index');
    }
  });
});

describe('the static resolver', () => {
  it('refuses raw paths a URL parser would have tidied before they reach it', () => {
    expect(resolveStatic(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    for (const path of [
      '/../data/library.json',
      '/assets/../../data/library.json',
      '/./../data/library.json',
      '..',
      '../data/library.json',
      'data/library.json',
      '/assets/\\..\\..\\data',
      '/index.html\0',
      '/..',
    ]) {
      expect(resolveStatic(root, path), JSON.stringify(path)).toBeUndefined();
    }
  });
});

describe('the app origin check (will-navigate, IPC senders)', () => {
  it('compares the parsed scheme and host, not a prefix', () => {
    for (const url of ['app://paperqueue/index.html', 'app://paperqueue/', 'app://paperqueue/index.html#/x'])
      expect(isAppUrl(url), url).toBe(true);
    for (const url of [
      'app://paperqueue.evil/index.html',
      'app://paperqueue@evil/index.html',
      'app://paperqueue:1/index.html',
      'app://evil/app://paperqueue/',
      'https://paperqueue/index.html',
      'file:///index.html',
      'app:paperqueue/index.html',
      'not a url',
      '',
    ])
      expect(isAppUrl(url), url).toBe(false);
  });
});
