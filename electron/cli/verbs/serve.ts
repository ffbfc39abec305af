import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { foreground } from '../../core/foreground';
import { describeError } from '../../core/fs-errors';
import { prefetchModel } from '../../core/insight/library-model';
import { StoreLoadError } from '../../core/store/library-file';
import { LIBRARY_FILE_NAME, LibraryStore, SHELF_MIN_FILE_BYTES } from '../../core/store/store';
import { startServer } from '../../server/server';
import { acquireLock, describeHolder, type LockInfo } from '../../core/store/lock';
import { keptPageToken } from '../../server/page-token';
import { CliError, stringOption, type Verb, type VerbContext } from '../verb';

/** A library file this large (about 500 papers) is said to be opening, and how long it took. */
const SAY_OPENING_FROM = 1 << 20;

const megabytes = (bytes: number): string => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
const papers = (n: number): string => `${n.toLocaleString('en-US')} paper${n === 1 ? '' : 's'}`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Where `npm run build` puts the renderer: out/renderer in the folder of package.json above this file, which
 * runs from the sources (electron/cli/verbs) or from the CLI's bundle (out/main or out/main/chunks).
 */
export const RENDERER_DIR = join(projectRoot(import.meta.dirname), 'out', 'renderer');

function projectRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  return join(from, '..', '..', '..');
}

export const serveVerb: Verb = {
  name: 'serve',
  usage: 'serve [--port N] [--new-token]',
  summary:
    'Run Paperqueue in your browser (browser mode) on 127.0.0.1; prints the URL to open. Its token is kept for the ' +
    'library, so an open page works again after a restart; --new-token replaces it. A library it can neither ' +
    'open nor recover (one from a newer Paperqueue) is left as it is and named on the page, with what to do, ' +
    'until Ctrl-C (exit code 1).',
  options: { port: { type: 'string' }, 'new-token': { type: 'boolean' } },
  needsLibrary: false,
  async run(ctx, { values }) {
    const portText = stringOption(values, 'port') ?? '0';
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(`--port wants a port number, not "${portText}"`, 2);
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new CliError('the app is not built yet: run "npm run build" (or "npm run web", which builds and serves)');
    }
    const lock = await acquireLock(ctx.dataDir, 'browser mode');
    if (lock.acquired) {
      try {
        return await serveUntilStopped(ctx, port, lock.update, undefined, values['new-token'] === true);
      } finally {
        await lock.release();
      }
    }
    // A folder that cannot be written is served read-only, with no lock to announce the server in.
    if (lock.readOnly) return serveUntilStopped(ctx, port, undefined, lock.reason, values['new-token'] === true);
    const { holder } = lock;
    if (holder.url && holder.pageToken) {
      ctx.out(`Paperqueue is already running for this library at ${holder.url}#token=${holder.pageToken}`);
      return;
    }
    throw new CliError(`the library is open in ${describeHolder(holder)}; close it first`);
  },
};

async function serveUntilStopped(
  ctx: VerbContext,
  port: number,
  announce: ((at: Pick<LockInfo, 'url' | 'cliToken' | 'pageToken'>) => Promise<void>) | undefined,
  readOnly?: string,
  newToken = false,
): Promise<number> {
  // A process that serves a page: what the page will want first is made ready as the library opens (catalog.ts).
  foreground.servesPages = true;
  // For you's model, read on another core while the library opens.
  void prefetchModel(ctx.dataDir);
  // The first start on a machine starts the library (the app's page opens on it, empty), and says where.
  const file = join(ctx.dataDir, LIBRARY_FILE_NAME);
  const created = readOnly === undefined && !existsSync(file);
  // A library of hundreds of megabytes takes seconds to open: what is going on is said at once, and the page
  // is served meanwhile (its commands wait for the library).
  const bytes = created
    ? 0
    : await stat(file).then(
        (about) => about.size,
        () => 0,
      );
  if (bytes >= SAY_OPENING_FROM) ctx.err(`Opening ${LIBRARY_FILE_NAME} (${megabytes(bytes)})…`);
  const opening = LibraryStore.open(
    ctx.dataDir,
    readOnly === undefined ? { recover: true, shelveAbstractsFrom: SHELF_MIN_FILE_BYTES } : { readOnly },
  );
  // A refusal at once (a newer Paperqueue's file) is the page's to show and said below once the server runs, not
  // an unhandled rejection that ends the process while the token is read, before any page can connect.
  opening.catch(() => undefined);
  // Kept per folder: a page left open on this port works again once the server is back (keptPageToken).
  const token = await keptPageToken(ctx.dataDir, newToken);
  // The page says what it waits for, with the size serve says.
  const openingBytes = bytes >= SAY_OPENING_FROM ? bytes : undefined;
  const server = await startServer({ store: opening, openingBytes, staticDir: RENDERER_DIR, port, token }).catch(
    async (error: NodeJS.ErrnoException) => {
      await opening.then((store) => store.flush()).catch(() => undefined);
      throw new CliError(
        error.code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port` : error.message,
      );
    },
  );
  // The lock (mode 0600) tells the CLI where to forward and with which credential; the page never reads it.
  await announce?.({ url: server.origin, cliToken: server.cliToken, pageToken: server.token });
  ctx.out(`Paperqueue is running at ${server.url}`);
  const started = Date.now();
  const opened = await opening.then(
    (store) => ({ store }),
    (error: unknown) => ({ error }),
  );
  if ('error' in opened) {
    // The page keeps saying why and what to do until Ctrl-C, and commands are answered 503 with the reason;
    // nothing touches the file meanwhile.
    ctx.err(notOpened(opened.error));
    ctx.err('The page at that URL says why and what to do. Press Ctrl-C to stop.');
    await untilStopped();
    await server.close();
    return 1;
  }
  const { store } = opened;
  if (bytes >= SAY_OPENING_FROM) ctx.err(`Opened ${papers(store.size)} in ${seconds(Date.now() - started)}.`);
  if (store.recovery) ctx.err(`Recovered: ${store.recovery.summary}`);
  if (store.readOnly) ctx.err(store.readOnly);
  if (created) {
    await store.persist();
    ctx.err(`Created a new library in ${ctx.dataDir}.`);
  }
  ctx.err(`Library: ${store.file}. Press Ctrl-C to stop.`);
  await untilStopped();
  await server.close();
  await store.flush();
  ctx.err('Stopped; every change is saved.');
  return 0;
}

const untilStopped = () =>
  new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

/** Why the library could not be opened, in one line as the CLI says any failure (main.ts). */
function notOpened(error: unknown): string {
  if (error instanceof StoreLoadError) return `paperqueue: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  const message = describeError(error);
  return `paperqueue serve: ${code && !message.includes(code) ? `${code}: ` : ''}${message}`;
}
