import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexHtmlTransformContext, IndexHtmlTransformHook, Plugin } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { appProtocolResponse } from '../../electron/app-protocol';
import { LibraryStore } from '../../electron/core/store/store';
import { CONTENT_SECURITY_POLICY, pagePolicy } from '../../electron/server/security';
import { startServer, type RunningServer } from '../../electron/server/server';
import { THEME_SCRIPT } from '../../renderer/src/theme-script';
import { inlinePageStyles } from '../../scripts/build/inline-styles';
import { firstPaintScript, inlinePageScripts } from '../../scripts/build/inline-scripts';
import { tempDir } from '../core/helpers';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The app's policy with these hash-sources added to script-src and style-src: what a page of ours is sent. */
const withHashes = (scripts: string[], styles: string[]) =>
  CONTENT_SECURITY_POLICY.replace("script-src 'self'", ["script-src 'self'", ...scripts].join(' ')).replace(
    "style-src 'self'",
    ["style-src 'self'", ...styles].join(' '),
  );

const CSS = 'body{margin:0}.app{display:grid}';
const SCRIPT = 'try{document.documentElement.dataset.theme="dark"}catch(e){}';
/** A built page as the build writes it: its module script by URL, its stylesheet and theme script inlined. */
const PAGE =
  `<!doctype html><html><head><title>Paperqueue</title>` +
  `<script type="module" crossorigin src="./assets/index-1234.js"></script><style>${CSS}</style>` +
  `<script>${SCRIPT}</script></head><body><div id="root"></div></body></html>`;

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A built renderer folder holding `index` and an asset. */
async function renderer(index: string): Promise<string> {
  const dir = join(await tempDir(), 'renderer');
  await mkdir(join(dir, 'assets'), { recursive: true });
  await writeFile(join(dir, 'index.html'), index);
  await writeFile(join(dir, 'assets', 'index-1234.js'), 'console.log("app");');
  return dir;
}

describe("a page's inline theme script in its policy", () => {
  it("allows exactly the page's style and script hashes, never a script of other text or the module by URL", () => {
    expect(pagePolicy(PAGE)).toBe(withHashes([hash(SCRIPT)], [hash(CSS)]));
    expect(pagePolicy(PAGE)).not.toContain('unsafe-inline');
    // A script alone, a script twice, and one whose text is not the page's.
    expect(pagePolicy(`<script>${SCRIPT}</script>`)).toBe(withHashes([hash(SCRIPT)], []));
    expect(pagePolicy(`<script>${SCRIPT}</script><p></p><script>${SCRIPT}</script>`)).toBe(
      withHashes([hash(SCRIPT)], []),
    );
    expect(pagePolicy(`<script>${SCRIPT} </script>`)).not.toContain(hash(SCRIPT));
    // A script by URL, or a data block with attributes, is not hashed: 'self' covers ours, nothing covers others.
    expect(pagePolicy('<script type="module" src="./assets/index-1234.js"></script>')).toBe(CONTENT_SECURITY_POLICY);
    expect(pagePolicy('<script type="text/plain">x</script>')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is sent by browser mode on the page and the routes it stands for, and nowhere else', async () => {
    const store = await LibraryStore.open(join(await tempDir(), 'data'));
    server = await startServer({ store, staticDir: await renderer(PAGE) });
    const policy = async (path: string) =>
      (await fetch(`http://127.0.0.1:${server!.port}${path}`)).headers.get('content-security-policy');
    const page = withHashes([hash(SCRIPT)], [hash(CSS)]);
    expect({
      '/': await policy('/'),
      '/index.html': await policy('/index.html'),
      '/queue': await policy('/queue'),
      '/assets/index-1234.js': await policy('/assets/index-1234.js'),
    }).toEqual({ '/': page, '/index.html': page, '/queue': page, '/assets/index-1234.js': CONTENT_SECURITY_POLICY });
    await store.flush();
  });

  it("is sent by the desktop app's app:// protocol on the page, and nowhere else", async () => {
    const root = await renderer(PAGE);
    const policy = async (path: string) =>
      (await appProtocolResponse(root, new Request(`app://paperqueue${path}`))).headers.get('content-security-policy');
    expect(await policy('/index.html')).toBe(withHashes([hash(SCRIPT)], [hash(CSS)]));
    expect(await policy('/assets/index-1234.js')).toBe(CONTENT_SECURITY_POLICY);
  });
});

/** Runs a plugin's transformIndexHtml as the build does (order 'post', with the bundle). */
async function transform(plugin: Plugin, html: string, context: Partial<IndexHtmlTransformContext>): Promise<string> {
  const hook = plugin.transformIndexHtml as { handler: IndexHtmlTransformHook };
  const out = await hook.handler.call(undefined as never, html, {
    path: '/index.html',
    filename: 'renderer/index.html',
    ...context,
  });
  if (typeof out !== 'string') throw new Error('expected the page back as text');
  return out;
}

describe('the build puts its scripts in the page (scripts/build/inline-scripts.ts)', () => {
  it("writes renderer/index.html's theme and first-rows scripts into its head, their hashes into the meta, and the meta agrees with the header", async () => {
    const source = await readFile(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    // As the build has the page when the plugins run: the stylesheet linked, then inlined, then the script.
    const linked = source.replace(
      '</head>',
      '<link rel="stylesheet" crossorigin href="./assets/index-abcd.css"></head>',
    );
    const bundle = { 'assets/index-abcd.css': { type: 'asset', source: CSS } };
    const styled = await transform(inlinePageStyles(), linked, { bundle } as never);
    const built = await transform(inlinePageScripts(), styled, { bundle } as never);
    const first = firstPaintScript();

    const head = built.slice(0, built.indexOf('<body>'));
    // Right after the policy, before the stylesheet: the theme first, then the first rows' request; nothing else.
    expect(head).toMatch(/content="[^"]+"\s*\/>\n {4}<script>/);
    expect(head).toContain(`<script>${THEME_SCRIPT}</script>\n    <script>${first}</script>`);
    expect(head.indexOf(first)).toBeLessThan(head.indexOf('<style>'));
    expect(built.split('<script>').length).toBe(3);
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(built)?.[1];
    expect(meta).toContain(`script-src 'self' ${hash(THEME_SCRIPT)} ${hash(first)};`);
    expect(meta).toContain(`style-src 'self' ${hash(CSS)};`);
    // The servers' header for this page is the meta's policy (plus frame-ancestors, which a meta cannot carry).
    expect(pagePolicy(built)).toBe(`${meta}; frame-ancestors 'none'`);
    expect(pagePolicy(built)).toBe(withHashes([hash(THEME_SCRIPT), hash(first)], [hash(CSS)]));
  });

  it('refuses a build whose lazy chunk would load the stylesheet it inlined (a file the build no longer has)', async () => {
    const plugin = inlinePageStyles();
    const linked =
      '<meta content="style-src \'self\'"><head><link rel="stylesheet" href="./assets/index-abcd.css"></head>';
    const bundle: Record<string, unknown> = { 'assets/index-abcd.css': { type: 'asset', source: CSS } };
    await transform(plugin, linked, { bundle } as never);
    const generate = (plugin.generateBundle as { handler: (options: unknown, bundle: unknown) => void }).handler;
    const errors: string[] = [];
    const context = { error: (message: string) => errors.push(message) };
    // A chunk that only mentions other files passes; one whose import lists the inlined stylesheet does not.
    bundle['assets/Reader-1.js'] = { type: 'chunk', fileName: 'assets/Reader-1.js', code: 'import("./Other-2.js")' };
    generate.call(context, {}, bundle);
    expect(errors).toEqual([]);
    bundle['assets/Reader-1.js'] = {
      type: 'chunk',
      fileName: 'assets/Reader-1.js',
      code: 'const m=()=>["./Markdown-3.js","./index-abcd.css"];',
    };
    generate.call(context, {}, bundle);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^assets\/Reader-1\.js loads assets\/index-abcd\.css with a lazy import/);
  });

  it('refuses a script that would end its element early, and a page without the policy it extends', async () => {
    await expect(
      transform(
        inlinePageScripts(() => ['x="</script>"']),
        '<head></head>',
        {},
      ),
    ).rejects.toThrow(/<\/script/);
    await expect(
      transform(
        inlinePageScripts(() => [THEME_SCRIPT]),
        '<meta content="script-src *"><head></head>',
        {},
      ),
    ).rejects.toThrow(/renderer\/index\.html: no "script-src 'self'"/);
  });
});
