import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, cliIn, expect, serve, test } from './helpers';

/** The policies electron/server/security.ts sends, as tests/server/server.test.ts pins them. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const PDF_WORKER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
);
const PDF_WORKER_PATH = '/pdfjs/pdf.worker.min.mjs';

/** The smallest WebAssembly module: its magic number and version. */
const WASM = [0, 97, 115, 109, 1, 0, 0, 0];

test.describe('what a script in the page can reach', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test('cannot make the server read a file by its path, even with the token', async ({ app, page }) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    const secretDir = await mkdtemp(join(tmpdir(), 'paperqueue-secret-'));
    const secret = join(secretDir, '.env');
    await writeFile(secret, 'DB_PASSWORD=correct-horse-battery-staple\n');
    try {
      await page.goto(app.url);
      await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(2);
      // What an injected script would do: take the token from session storage and ask for the file.
      const answers = await page.evaluate(async (path) => {
        const token = sessionStorage.getItem('paperqueue.token');
        const asks = ['library.previewImport', 'library.import'].map(async (name) => {
          const response = await fetch(`/api/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ path, format: 'id-list' }),
          });
          return response.text();
        });
        return Promise.all(asks);
      }, secret);
      for (const answer of answers) {
        expect(JSON.parse(answer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(answer).not.toContain('correct-horse');
      }
      // Live updates still reach the page, and the token never travels in a URL.
      await app.cli('import', join(FIXTURES, 'five-papers.txt'));
      await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(7);
      // (The address the page was opened at carries it in its fragment, which is never sent.)
      expect(urls.filter((url) => url.includes(app.token))).toEqual([]);
      expect(urls).toContain(`${app.origin}/api/events`);
    } finally {
      await rm(secretDir, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});

test.describe('the Content-Security-Policy', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test("the page compiles neither WebAssembly nor strings; pdf.js's worker alone may compile WebAssembly", async ({
    app,
    page,
  }) => {
    // Every policy violation from the page's first byte on: the page's own styles and scripts must cause none.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(app.url);
    const html = await (await fetch(app.origin)).text();
    // The page's stylesheet is in the page (scripts/build/inline-styles.ts), allowed by its hash alone.
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css!);
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`;
    // And its theme and first-rows scripts (scripts/build/inline-scripts.ts; tests/e2e/first-paint-theme.spec.ts).
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, text]) => text!);
    expect(scripts).toHaveLength(2);
    const scriptHashes = scripts.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    const PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'self' ${hash}`).replace(
      "script-src 'self'",
      `script-src 'self' ${scriptHashes.join(' ')}`,
    );
    expect(response?.headers()['content-security-policy']).toBe(PAGE_POLICY);
    // The page's meta says the same (a meta cannot carry frame-ancestors).
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(PAGE_POLICY.replace("; frame-ancestors 'none'", ''));
    await expect(page.getByRole('grid', { name: 'Papers' })).toBeVisible();
    // The styles are applied (the sidebar is a column of its own), and nothing was refused.
    expect(await page.locator('.sidebar').evaluate((el) => getComputedStyle(el).display)).not.toBe('inline');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

    // The page: WebAssembly is refused, and so is a string handed to setTimeout (eval).
    const inPage = await page.evaluate(async (bytes) => {
      const wasm = await WebAssembly.compile(new Uint8Array(bytes)).then(
        () => 'compiled',
        (error: Error) => error.message,
      );
      // Whichever comes first: the string runs, or the policy refuses it.
      const evaluated = await new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          if (e.blockedURI === 'eval') resolve(`refused (${e.effectiveDirective})`);
        });
        (window as unknown as { ran: () => void }).ran = () => resolve('ran');
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- what an injected script would try
        setTimeout('window.ran()', 0);
      });
      return { wasm, evaluated };
    }, WASM);
    expect(inPage.wasm).toContain('Content Security Policy');
    expect(inPage.evaluated).toBe('refused (script-src)');

    // pdf.js's worker may compile it; a worker from any other file of ours may not.
    const started = async (path: string) => {
      const [worker] = await Promise.all([
        page.waitForEvent('worker'),
        page.evaluate((url) => void new Worker(url, { type: 'module' }), path),
      ]);
      return worker.evaluate(
        (bytes) =>
          WebAssembly.compile(new Uint8Array(bytes)).then(
            () => 'compiled',
            (error: Error) => error.message,
          ),
        WASM,
      );
    };
    expect(await started(PDF_WORKER_PATH)).toBe('compiled');
    expect(await started('/pdfjs/wasm/openjpeg_nowasm_fallback.js')).toContain('Content Security Policy');

    // What the server sends: the worker's wider policy on its one path, the page's on the page and the routes
    // it stands for, the app's on everything else.
    const script = /<script type="module" crossorigin src="\.(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const policies: Record<string, string | null> = {};
    for (const path of [PDF_WORKER_PATH, '/', '/index.html', script!, '/pdfjs/wasm/jbig2.wasm', '/queue'])
      policies[path] = (await fetch(`${app.origin}${path}`)).headers.get('content-security-policy');
    expect(policies).toEqual({
      [PDF_WORKER_PATH]: PDF_WORKER_CONTENT_SECURITY_POLICY,
      '/': PAGE_POLICY,
      '/index.html': PAGE_POLICY,
      [script!]: CONTENT_SECURITY_POLICY,
      '/pdfjs/wasm/jbig2.wasm': CONTENT_SECURITY_POLICY,
      '/queue': PAGE_POLICY,
    });
  });
});

/** Root can bind-mount a folder read-only, as a library on a read-only backup drive would be. */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test.describe('a library on a read-only disk', () => {
  test.skip(!canMount(), 'needs root and mount(8) to bind-mount a folder read-only');

  test('opens to read, search and export, says so in a banner, and refuses changes in a sentence', async ({ page }) => {
    const source = await mkdtemp(join(tmpdir(), 'paperqueue-ro-source-'));
    const mounted = await mkdtemp(join(tmpdir(), 'paperqueue-ro-'));
    await cliIn(source)('import', join(FIXTURES, 'digest-sample.txt'));
    const before = await readFile(join(source, 'library.json'));
    execFileSync('mount', ['--bind', source, mounted]);
    let server: Awaited<ReturnType<typeof serve>> | undefined;
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', mounted]);
      server = await serve(mounted);
      await page.goto(server.url);
      const banner = page.getByTestId('read-only-banner');
      await expect(banner).toContainText('The library is read-only:');
      await expect(banner).toContainText('Changes cannot be saved.');
      const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
      await expect(rows).toHaveCount(2);
      await page.getByRole('searchbox').fill('probing');
      await expect(rows).toHaveCount(1);
      await page.screenshot({ path: 'test-results/screens/read-only.png' });

      await rows.first().hover();
      await rows.first().getByRole('button', { name: 'Keep' }).click();
      // Not the read-only banner, and not the empty assertive region the page keeps for the reader's failures.
      const refused = page
        .getByRole('alert')
        .filter({ hasText: 'Changes cannot be saved', hasNotText: 'You can still read' });
      await expect(refused).toBeVisible();
      // The CLI reads and exports the same folder while the page has it.
      const exported = await cliIn(mounted)('export', '--format', 'bibtex');
      expect(exported).toContain('Causal Probing');
      expect(await readFile(join(source, 'library.json'))).toEqual(before);
    } finally {
      if (server) {
        const exited = new Promise((resolve) => server!.child.once('exit', resolve));
        server.child.kill('SIGTERM');
        await exited;
      }
      execFileSync('umount', ['-l', mounted]);
      await rm(mounted, { recursive: true, force: true, maxRetries: 5 });
      await rm(source, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
