import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const policy = (scriptSrc: string, styleSrc = "style-src 'self'"): string =>
  [
    "default-src 'none'",
    scriptSrc,
    styleSrc,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

/** The Content-Security-Policy of the desktop app and browser mode alike: nothing remote, no inline script. */
export const CONTENT_SECURITY_POLICY = policy("script-src 'self'");

/** Where the build puts pdf.js's worker (electron.vite.config.ts), as a URL path of the renderer. */
export const PDF_WORKER_PATH = '/pdfjs/pdf.worker.min.mjs';

/**
 * The policy of pdf.js's worker alone: the app's, plus 'wasm-unsafe-eval' for its WebAssembly decoders
 * (JBIG2, JPEG 2000, ICC colour). A worker loaded from a URL runs under the policy of its own response
 * (CSP 3), not the page's, so the page still may compile neither WebAssembly nor strings.
 */
export const PDF_WORKER_CONTENT_SECURITY_POLICY = policy("script-src 'self' 'wasm-unsafe-eval'");

/**
 * The policy of a file of the built renderer served for the URL path `urlPath`: the worker's when that path
 * is exactly the worker's (a file served in place of a missing one, such as the index page, must not ask).
 */
export const staticFilePolicy = (urlPath: string): string =>
  urlPath === PDF_WORKER_PATH ? PDF_WORKER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;

/** A `<style>` element as the build writes one into a page of ours (scripts/build/inline-styles.ts). */
const INLINE_STYLE = /<style>([\s\S]*?)<\/style>/g;
/**
 * A `<script>` element as the build writes one into a page of ours (scripts/build/inline-scripts.ts): plain, no
 * attributes (the page's own module, `<script type="module" src>`, is a file of ours, allowed by 'self').
 */
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** The CSP hash-source that allows exactly this inline text (CSP 3: SHA-256 of its UTF-8, in base64). */
export const hashSource = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hash-sources of each element `pattern` finds in `html`, each once, after a space: '' for none. */
const hashesOf = (html: string, pattern: RegExp): string =>
  [...new Set([...html.matchAll(pattern)].map((element) => hashSource(element[1]!)))].map((h) => ` ${h}`).join('');

/**
 * The policy of a page of ours: the app's, with each `<style>` element the build put into it (the page's own
 * stylesheet, inlined so that its first frame waits for no request) and each plain `<script>` (the theme
 * script, which puts the chosen theme on the page before its first frame) allowed by its hash. Never
 * 'unsafe-inline': a style or script element put into the page any other way (a note's markdown, a hostile
 * abstract) has no hash the page was sent with.
 */
export function pagePolicy(html: string): string {
  const styles = hashesOf(html, INLINE_STYLE);
  const scripts = hashesOf(html, INLINE_SCRIPT);
  return styles === '' && scripts === ''
    ? CONTENT_SECURITY_POLICY
    : policy(`script-src 'self'${scripts}`, `style-src 'self'${styles}`);
}

/** The policy of a file of the built renderer served for `urlPath`: a page's own (pagePolicy), or as staticFilePolicy. */
export const filePolicy = (urlPath: string, file: { body: Uint8Array; type: string }): string =>
  file.type.startsWith('text/html') ? pagePolicy(Buffer.from(file.body).toString('utf8')) : staticFilePolicy(urlPath);

export const newToken = (): string => randomBytes(24).toString('base64url');

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only our own origin may talk to us: defeats DNS rebinding (Host) and cross-site requests (Origin). */
export function allowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export function allowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
