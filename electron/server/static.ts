import { readdir, readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import { filePolicy } from './security';

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

/**
 * A file of the built renderer as served: its bytes, type, whether its name carries its content's hash, and
 * its Content-Security-Policy (security.ts `filePolicy`: the index page's allows its inlined stylesheet and
 * theme script).
 */
export type StaticFile = { body: Buffer; type: string; hashed: boolean; policy: string };

/**
 * The built renderer's page and its assets, read once and kept in memory (about 2 MB), each through
 * readStatic's checks: on the first start of a large library the page's scripts are then sent without
 * waiting for the disk or the thread pool, which the library's own reads keep busy. The page and every
 * file under assets/ are read as soon as the server starts; other files (PDF.js's fonts and maps) are read
 * when asked. A server serves the renderer it started with: rebuild, then restart it.
 */
export class StaticFiles {
  private readonly kept = new Map<string, Promise<StaticFile | undefined>>();

  constructor(private readonly root: string) {
    void this.read('/');
    void readdir(`${root}/assets`)
      .then((names) => Promise.all(names.map((name) => this.read(`/assets/${name}`))))
      .catch(() => undefined);
  }

  /** The file at a URL path, or undefined (as readStatic). */
  read(urlPath: string): Promise<StaticFile | undefined> {
    // Kept by the name the build gives, spelt plainly: other spellings of a file (escapes, dot segments) are
    // read each time, so no run of made-up URLs can fill the memory.
    const keep = urlPath === '/' || urlPath === '/index.html' || PLAIN_ASSET.test(urlPath);
    const kept = keep ? this.kept.get(urlPath) : undefined;
    if (kept) return kept;
    const reading = readStatic(this.root, urlPath).then(
      (file) =>
        file && {
          ...file,
          hashed: urlPath.startsWith('/assets/') && HASHED.test(urlPath),
          policy: filePolicy(urlPath, file),
        },
    );
    if (keep) {
      this.kept.set(urlPath, reading);
      // A file that is not there now may be there later: only what was read is kept.
      void reading.then((file) => file || this.kept.delete(urlPath));
    }
    return reading;
  }
}

/** A file directly under assets/, named as the build names its files. */
const PLAIN_ASSET = /^\/assets\/[\w-]+(?:\.[\w-]+)+$/;

/** An asset named by its content's hash as the build names them (index-C8W47a2B.js): it never changes. */
const HASHED = /-[\w-]{8}\.(?:js|css|woff2|svg|png)$/;
