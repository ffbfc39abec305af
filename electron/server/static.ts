import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/**
 * The file a URL path names inside `root`, or undefined when it is not one: malformed escapes, NUL bytes,
 * backslashes and `..` segments (after decoding, so `%2e%2e%2f` too) are refused, not repaired. Pure: it
 * does not look at the disk, so it cannot see symlinks (readStatic does).
 */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // A folder is never a file of ours ('/assets/', '/index.html/'); '/' is the index page.
  if (decoded.split('/').includes('..') || (decoded.endsWith('/') && decoded !== '/')) return undefined;
  const file = resolve(root, '.' + normalize(decoded === '/' ? '/index.html' : decoded));
  return isInside(resolve(root), file) ? file : undefined;
}

/** A file of the built renderer, or undefined; never anything outside `root`, even through a symlink. */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | undefined> {
  const file = resolveStatic(root, urlPath);
  if (!file) return undefined;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, realFile)) return undefined;
    return { body: await readFile(realFile), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

/** Strictly below `dir`: `dir` itself (a folder) and anything reached by `..` or on another drive are not. */
function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}
