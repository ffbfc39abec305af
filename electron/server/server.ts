import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type Caller } from '../core/dispatch';
import { warmModel } from '../core/insight/library-model';
import { MAX_IMPORT_BYTES } from '../core/importers/read-file';
import type { LibraryState } from '../core/shared/library-state';
import type { LibraryStore } from '../core/store/store';
import { CONTENT_SECURITY_POLICY, allowedHost, allowedOrigin, newToken, tokenMatches } from './security';
import { MAX_PDF_BYTES } from '../core/attachments/store-pdf';
import { serveAttachment } from './attachment-route';
import { StaticFiles } from './static';
import { foreground } from '../core/foreground';
import { attachSync, detachSync, keepSyncing } from '../core/sync/attach';
import { LibraryOpening } from './library-opening';
import { bearer, commandName, cookie, readJson, send, unauthorized } from './requests';

export type ServerOptions = {
  /**
   * The library, or its opening: the server answers (the page and its scripts) at once, and holds each command
   * until the library is open (a 218 MB library.json takes seconds to read).
   */
  store: LibraryStore | Promise<LibraryStore>;
  /** The size of the library file being opened, which the page says while it waits ("Opening your library (218 MB)…"). */
  openingBytes?: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  cliToken?: string;
};

export type RunningServer = {
  /** The URL to open: the origin with the token in the fragment (never sent over the wire). */
  url: string;
  origin: string;
  port: number;
  /** The page's credential: handed over in the URL's fragment, it may run every command but read no file by path. */
  token: string;
  /** The CLI's credential, kept in the lock file (mode 0600) and never given to the page: it may name files. */
  cliToken: string;
  close: () => Promise<void>;
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** An import carries a file of up to 50 MB in base64 (4/3 of it) inside JSON: its route alone takes more. */
const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024 * 1024;
const IMPORT_COMMANDS = new Set(['library.import', 'library.previewImport']);
/** Attaching carries a PDF of up to 200 MB in base64. */
const MAX_ATTACH_BODY_BYTES = Math.ceil(MAX_PDF_BYTES / 3) * 4 + 1024 * 1024;
const HEARTBEAT_MS = 25_000;
/** How often browser mode merges the sync folder in the background (a sync never holds up a request). */
const SYNC_INTERVAL_MS = 30_000;

/**
 * Browser mode: the renderer and the command table over HTTP on 127.0.0.1 only.
 * POST /api/<command> with a bearer token runs dispatch. POST /api/events with the token sets an HttpOnly,
 * SameSite=Strict cookie, and GET /api/events with that cookie streams change events (an EventSource cannot
 * send a header, and a token in a URL ends up in logs and history). Both answer at once, before the library is
 * open, with the library's state (LibraryState): the POST in its body, the stream as its first event and again
 * when the library opens or fails to.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  foreground.servesPages = true;
  const streams = new Set<ServerResponse>();
  // Settled by whoever gave the opening (serve reports its failure); the server waits for it, and tells the page.
  const library = new LibraryOpening(options.store, options.openingBytes, (state) => {
    for (const stream of streams) stream.write(libraryFrame(state));
  });
  const opening = library.store;
  const token = options.token ?? newToken();
  const cliToken = options.cliToken ?? newToken();
  /** Only opens the event stream: a cookie that leaked would give away no command. */
  const eventsToken = newToken();
  const files = new StaticFiles(options.staticDir);
  let port = 0;

  const server = createServer((req, res) => {
    // A person is waiting for this (the event stream aside, which stays open): background work holds back. The
    // request ends when its answer is sent or its caller drops it (a page's fetch aborted).
    const request = req.method === 'GET' && req.url?.startsWith('/api/events') ? undefined : foreground.begin();
    if (request) res.once('close', request);
    (request ? request.within(() => handle(req, res)) : handle(req, res)).catch((error: unknown) => {
      // The details go to the log, not to the page: a raw error can carry paths and file contents.
      console.error('paperqueue: a request failed:', error);
      if (!res.headersSent) {
        send(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: 'The request failed inside Paperqueue; the details are in its log.' },
        });
      } else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!allowedHost(req.headers.host, port) || !allowedOrigin(req.headers.origin, port)) {
      return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Foreign Host or Origin.' } });
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/events') {
      if (req.method === 'POST') {
        if (callerOf(req) !== 'page') return unauthorized(res);
        res.setHeader('set-cookie', eventsCookie());
        return send(res, 200, { library: library.state });
      }
      if (!tokenMatches(eventsToken, cookie(req, eventsCookieName()))) return unauthorized(res);
      return openEventStream(req, res);
    }
    if (url.pathname.startsWith('/api/attachments/')) {
      if (!callerOf(req)) return unauthorized(res);
      const store = await openLibrary(res);
      if (store) await serveAttachment(req, res, store, url.pathname.slice('/api/attachments/'.length));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const caller = callerOf(req);
      if (!caller) return unauthorized(res);
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Use POST.' } });
      const name = commandName(url.pathname.slice(5));
      if (name === undefined)
        return send(res, 404, { ok: false, error: { code: 'UNKNOWN_COMMAND', message: 'There is no such command.' } });
      const limit =
        name === 'attachments.add'
          ? MAX_ATTACH_BODY_BYTES
          : IMPORT_COMMANDS.has(name)
            ? MAX_IMPORT_BODY_BYTES
            : MAX_BODY_BYTES;
      const body = await readJson(req, limit);
      if (!body.ok)
        return send(res, body.status, { ok: false, error: { code: 'INVALID_INPUT', message: body.message } });
      const store = await openLibrary(res);
      if (store) send(res, 200, await dispatch({ store, caller }, name, body.value));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed' });
    // Client-side routes fall back to the app's page.
    const own = await files.read(url.pathname);
    const file = own ?? (await files.read('/'));
    if (!file) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('The renderer is not built. Run "npm run build" first.\n');
    }
    // The index page in place of a client-side route is sent with its own policy, which allows its styles.
    res.setHeader('content-security-policy', file.policy);
    // A hashed asset never changes: a page loaded again in the same browser does not ask for it.
    const caching = own?.hashed ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { 'content-type': file.type, 'cache-control': caching });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** The library once open; undefined, and the reason answered, when it could not be opened. */
  async function openLibrary(res: ServerResponse): Promise<LibraryStore | undefined> {
    try {
      return await opening;
    } catch {
      const message = library.state.state === 'failed' ? library.state.message : 'The library could not be opened.';
      // With the state, for a page whose event stream is not open yet: it says so in place of the list.
      send(res, 503, { ok: false, error: { code: 'INTERNAL', message }, library: library.state });
      return undefined;
    }
  }

  /** The page's token may run commands; the CLI's may also name files on disk. */
  function callerOf(req: IncomingMessage): Caller | undefined {
    const given = bearer(req);
    if (tokenMatches(cliToken, given)) return 'host';
    return tokenMatches(token, given) ? 'page' : undefined;
  }

  // Cookies are kept per host, not per port: the port in the name keeps two servers' cookies apart.
  const eventsCookieName = () => `paperqueue-events-${port}`;
  const eventsCookie = () => `${eventsCookieName()}=${eventsToken}; Path=/api/events; HttpOnly; SameSite=Strict`;

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    res.write(libraryFrame(library.state));
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  /** Once the library is open: its events streamed, sync attached; what `close` undoes. */
  const following = opening.then(async (store) => {
    // For you's model, if an earlier run kept it, is read now rather than when the page first asks.
    void warmModel(store);
    const unsubscribe = store.onChange((event) => {
      const frame = `event: changed\ndata: ${JSON.stringify(event)}\n\n`;
      for (const stream of streams) stream.write(frame);
    });
    const unsubscribeErrors = store.onWriteError((error) => {
      const message = error instanceof Error ? error.message : String(error);
      const frame = `event: write-error\ndata: ${JSON.stringify({ message })}\n\n`;
      for (const stream of streams) stream.write(frame);
    });
    const unsubscribeProgress = store.onProgress((progress) => {
      const frame = `event: progress\ndata: ${JSON.stringify(progress)}\n\n`;
      for (const stream of streams) stream.write(frame);
    });
    // Sync, when set up: changes recorded as they commit (from now), the folder merged in the background, and
    // sync set up later from the settings dialog merged the same way.
    await attachSync(store).catch(() => undefined);
    const stopSync = keepSyncing(store, SYNC_INTERVAL_MS, (error) => console.error('paperqueue: sync is off:', error));
    return async () => {
      stopSync();
      await detachSync(store);
      unsubscribe();
      unsubscribeErrors();
      unsubscribeProgress();
    };
  });
  following.catch(() => undefined);
  // A library given open is followed before the server is handed over, as before.
  if (!(options.store instanceof Promise)) await following;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    origin: `http://127.0.0.1:${port}/`,
    port,
    token,
    cliToken,
    close: async () => {
      clearInterval(heartbeat);
      await (
        await following.catch(() => undefined)
      )?.();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function libraryFrame(state: LibraryState): string {
  return `event: library\ndata: ${JSON.stringify(state)}\n\n`;
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}
