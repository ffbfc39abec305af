import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { AttachmentDamaged, AttachmentFiles } from '../core/attachments/files';
import type { LibraryStore } from '../core/store/store';

/**
 * GET /api/attachments/<sha256>: an attached PDF's bytes, for the page's reader. Only PDFs the library
 * references are served (never any other file of the data folder), checked against their hash, with
 * Range requests answered so a large PDF can be read in parts.
 */
export async function serveAttachment(
  req: IncomingMessage,
  res: ServerResponse,
  store: LibraryStore,
  hash: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'INVALID_INPUT', 'Use GET.');
  if (!AttachmentFiles.isHash(hash) || !store.attachmentRefs.has(hash)) {
    return fail(res, 404, 'NOT_FOUND', 'No paper has that PDF attached.');
  }
  let size: number;
  try {
    size = await store.attachments.check(hash);
  } catch (error) {
    if (error instanceof AttachmentDamaged) return fail(res, 409, 'CONFLICT', error.message);
    return fail(res, 404, 'NOT_FOUND', "The PDF's file is missing from the data folder.");
  }
  const headers = {
    'content-type': 'application/pdf',
    'accept-ranges': 'bytes',
    // Bytes named by their hash never change.
    'cache-control': 'private, max-age=31536000, immutable',
    'content-disposition': 'inline',
  };
  const range = parseRange(req.headers.range, size);
  if (range === 'invalid') {
    res.writeHead(416, { 'content-range': `bytes */${size}` });
    return void res.end();
  }
  const [start, end] = range ?? [0, size - 1];
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'content-length': String(Math.max(0, end - start + 1)),
    ...(range && { 'content-range': `bytes ${start}-${end}/${size}` }),
  });
  if (req.method === 'HEAD' || size === 0) return void res.end();
  await pipeline(createReadStream(store.attachments.pathOf(hash), { start, end }), res);
}

/** One byte range of "bytes=a-b", "bytes=a-" or "bytes=-n"; undefined for none, 'invalid' for one that cannot be met. */
export function parseRange(header: string | undefined, size: number): [number, number] | undefined | 'invalid' {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges at once are answered with the whole file, as RFC 9110 allows.
  if (!match) return header.includes(',') ? undefined : 'invalid';
  const [, from, to] = match;
  if (from === '' && to === '') return 'invalid';
  let start: number;
  let end: number;
  if (from === '') {
    start = Math.max(0, size - Number(to));
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return [start, end];
}

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ ok: false, error: { code, message } }));
}
