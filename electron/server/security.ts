import { randomBytes, timingSafeEqual } from 'node:crypto';

const policy = (scriptSrc: string): string =>
  [
    "default-src 'none'",
    scriptSrc,
    "style-src 'self'",
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
