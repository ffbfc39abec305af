import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/dispatch';
import type { LibraryStore } from '../core/store/store';
import { CONTENT_SECURITY_POLICY, allowedHost, allowedOrigin, newToken, tokenMatches } from './security';
import { readStatic } from './static';

export type ServerOptions = {
  store: LibraryStore;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
};

export type RunningServer = {
  /** The URL to open: the origin with the token in the fragment (never sent over the wire). */
  url: string;
  origin: string;
  port: number;
  token: string;
  close: () => Promise<void>;
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;

/**
 * Browser mode: the renderer and the command table over HTTP on 127.0.0.1 only.
 * POST /api/<command> with a bearer token runs dispatch; GET /api/events?token= streams change events.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(error) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!allowedHost(req.headers.host, port) || !allowedOrigin(req.headers.origin, port)) {
      return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Foreign Host or Origin.' } });
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events') {
      if (!tokenMatches(token, url.searchParams.get('token'))) return unauthorized(res);
      return openEventStream(req, res);
    }
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(token, bearer(req))) return unauthorized(res);
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } });
      const body = await readJson(req);
      if (!body.ok)
        return send(res, body.status, { ok: false, error: { code: 'INVALID_INPUT', message: body.message } });
      const result = await dispatch({ store: options.store }, decodeURIComponent(url.pathname.slice(5)), body.value);
      return send(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed' });
    // Client-side routes fall back to the app's page.
    const file = (await readStatic(options.staticDir, url.pathname)) ?? (await readStatic(options.staticDir, '/'));
    if (!file) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The renderer is not built. Run "npm run build" first.\n');
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  const unsubscribe = options.store.onChange((event) => {
    const frame = `event: changed\ndata: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const unsubscribeErrors = options.store.onWriteError((error) => {
    const message = error instanceof Error ? error.message : String(error);
    const frame = `event: write-error\ndata: ${JSON.stringify({ message })}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const unsubscribeProgress = options.store.onProgress((progress) => {
    const frame = `event: progress\ndata: ${JSON.stringify(progress)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    origin: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeErrors();
      unsubscribeProgress();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function unauthorized(res: ServerResponse): void {
  send(res, 401, {
    ok: false,
    error: { code: 'UNAUTHORIZED', message: 'Missing or wrong token; open the URL that "paperqueue serve" printed.' },
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

type Body = { ok: true; value: unknown } | { ok: false; status: number; message: string };

async function readJson(req: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'The request is over 64 MB.' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
}
