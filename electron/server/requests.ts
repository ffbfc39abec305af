import type { IncomingMessage, ServerResponse } from 'node:http';

/** The request and answer parts of browser mode's HTTP server: its token, cookies, command names and bodies. */

export function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

export function unauthorized(res: ServerResponse): void {
  send(res, 401, {
    ok: false,
    error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token; open the URL that "paperqueue serve" printed.' },
  });
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** A command name from the URL, or undefined when it does not decode (a stray "%"). */
export function commandName(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

type Body = { ok: true; value: unknown } | { ok: false; status: number; message: string };

export async function readJson(req: IncomingMessage, limit: number): Promise<Body> {
  const chunks: Buffer[] = [];
  // A body over the limit is read to its end and dropped, so the client gets the 413 instead of a reset.
  const complete = await new Promise<boolean>((resolve, reject) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size <= limit));
    req.on('error', reject);
  });
  if (!complete) return { ok: false, status: 413, message: `The request is over ${Math.round(limit / 1048576)} MB.` };
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}
