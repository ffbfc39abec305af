import type { PaperqueueBridge } from '../../electron/bridge';
import type { CommandInput, CommandName, CommandOutput } from '../../electron/core/dispatch';
import type { CommandFailure, Result } from '../../electron/core/result';
import type { LibraryState } from '../../electron/core/shared/library-state';
import type { ChangeEvent, ProgressEvent } from '../../electron/core/store/store';
import { TOKEN_KEY, pageStorage, tokenInHash } from './page-storage';
import { ServerLink, notDoneLabel, type ReachEvent } from './server-link';

// The library as serve tells the page of it while it opens: declared once for both, in electron/core/shared/.
export type { LibraryState };

/** How the renderer reaches the core: the only file that knows which host it runs in. */
export type Transport = {
  /**
   * `signal`: the caller no longer wants the answer (the paper it was for is no longer shown): the promise
   * rejects with an AbortError (`isAborted`). In browser mode the request is dropped too, which frees its
   * connection: a page has six to its server, and answers that wait for background work (More like this on a
   * first start) held open one per key press until every later request queued behind them.
   */
  invoke: <K extends CommandName>(
    name: K,
    input: CommandInput<K>,
    options?: { signal?: AbortSignal },
  ) => Promise<CommandOutput<K>>;
  onChanged: (callback: (event: ChangeEvent) => void) => () => void;
  /** How far a long command (a big import) has come. */
  onProgress: (callback: (event: ProgressEvent) => void) => () => void;
  /** The library could not be written (disk full, permission denied). */
  onWriteError: (callback: (message: string) => void) => () => void;
  /** The bytes of an attached PDF, by its SHA-256 (only PDFs the library references are served). */
  attachmentBytes: (hash: string) => Promise<Uint8Array>;
  /** Browser mode: the server stopped answering, answers again, or refuses this page's token. */
  onReach?: (callback: (event: ReachEvent) => void) => () => void;
  /** Browser mode: the library is opening (called at once with what is known), opened, or could not be opened. */
  onLibrary?: (callback: (state: LibraryState) => void) => () => void;
};

/** A failed command, with the code and message the core gave. */
export class CommandFailed extends Error {
  readonly code: string;
  /** The fields the core's input check refused (`patch.year`), each with its reason. */
  readonly issues: readonly { path: string; message: string }[];
  constructor(failure: CommandFailure | { code: string; message: string }) {
    super(failure.message);
    this.name = 'CommandFailed';
    this.code = failure.code;
    this.issues = ('issues' in failure && failure.issues) || [];
  }
}

function unwrap<T>(result: Result<unknown>): T {
  if (!result.ok) throw new CommandFailed(result.error);
  return result.value as T;
}

/** True for what an invoke given a signal rejects with once that signal is aborted. */
export function isAborted(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** `answer`, or an AbortError as soon as `signal` is aborted (the answer is then dropped when it comes). */
function unlessAborted<T>(answer: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return answer;
  if (signal.aborted) return Promise.reject(new DOMException('The answer is no longer wanted.', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const aborted = () => reject(new DOMException('The answer is no longer wanted.', 'AbortError'));
    signal.addEventListener('abort', aborted, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted));
  });
}

export function bridgeTransport(bridge: PaperqueueBridge): Transport {
  return {
    // IPC has no connections to run out of: an answer no longer wanted is only dropped.
    invoke: async (name, input, options) => unwrap(await unlessAborted(bridge.invoke(name, input), options?.signal)),
    onChanged: (callback) => bridge.onChanged(callback),
    onWriteError: (callback) => bridge.onWriteError(callback),
    onProgress: (callback) => bridge.onProgress(callback),
    async attachmentBytes(hash) {
      const { base64 } = unwrap<{ base64: string }>(await bridge.invoke('attachments.read', { hash }));
      return base64ToBytes(base64);
    },
  };
}

/**
 * Browser mode: the token arrives in the URL's fragment once, then lives in this tab's session storage and
 * leaves the address. Where the browser refuses the site's storage (`kept` false) the fragment stays, so that
 * a reload still has it.
 */
export function httpTransport(location: Location, storage: Storage, kept = true): Transport {
  const fromHash = tokenInHash(location.hash);
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    if (kept) history.replaceState(null, '', location.pathname + location.search);
  }
  const token = storage.getItem(TOKEN_KEY) ?? '';
  const auth = { authorization: `Bearer ${token}` };
  // One stream for all server events, opened on first use. The token buys an HttpOnly cookie for it first,
  // so the token itself never travels in a URL. A stream that drops is closed and opened again (a new
  // cookie: a restarted server has a new one) once the server answers again.
  let stream: RelayedEvents | undefined;
  // The library's state comes with the cookie, at once (the library may take seconds to open), then on the stream.
  let library: LibraryState | undefined;
  const libraryListeners = new Set<(state: LibraryState) => void>();
  const learned = (state: LibraryState | undefined) => {
    if (!state || JSON.stringify(state) === JSON.stringify(library)) return;
    library = state;
    for (const listener of libraryListeners) listener(state);
  };
  const openStream = (relay: RelayedEvents) =>
    void fetch('/api/events', { method: 'POST', headers: auth }).then(
      async (response) => {
        link.answered(response.status);
        if (!response.ok) return;
        relay.connect(new EventSource('/api/events'), () => link.unreachable());
        // (A server from before the state was told answers 204, without a body.)
        learned(((await response.json().catch(() => undefined)) as { library?: LibraryState } | undefined)?.library);
      },
      () => link.unreachable(),
    );
  const link = new ServerLink(
    () => fetch('/api/events', { method: 'POST', headers: auth }),
    () => stream && openStream(stream),
  );
  if (!token) link.answered(401);
  const events = (): EventTarget => {
    if (stream) return stream.target;
    stream = new RelayedEvents();
    stream.target.addEventListener('library', (event) =>
      learned(JSON.parse((event as MessageEvent<string>).data) as LibraryState),
    );
    openStream(stream);
    return stream.target;
  };
  return {
    async invoke(name, input, options) {
      let response: Response;
      try {
        response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify(input ?? {}),
          signal: options?.signal,
        });
      } catch (error) {
        // Dropped by the caller: the server is not to blame.
        if (isAborted(error)) throw error;
        link.unreachable(name);
        const what = notDoneLabel(name);
        throw new CommandFailed({
          code: 'UNREACHABLE',
          message: `Not done${what ? `: ${what}` : ''}. Paperqueue can't be reached; is "paperqueue serve" still running?`,
        });
      }
      link.answered(response.status);
      // A command held while the library opened is answered once it opens, or with why it could not. (A body
      // cut off by the caller's abort rejects with its AbortError.)
      const body = (await response.json()) as Result<unknown> & { library?: LibraryState };
      learned(body.library ?? (response.ok && library?.state === 'opening' ? { state: 'open' } : undefined));
      return unwrap(body);
    },
    onReach: (callback) => link.subscribe(callback),
    onLibrary(callback) {
      events();
      libraryListeners.add(callback);
      if (library) callback(library);
      return () => libraryListeners.delete(callback);
    },
    onChanged(callback) {
      const source = events();
      const listener = (event: Event) => callback(JSON.parse((event as MessageEvent<string>).data) as ChangeEvent);
      source.addEventListener('changed', listener);
      return () => source.removeEventListener('changed', listener);
    },
    onProgress(callback) {
      const source = events();
      const listener = (event: Event) => callback(JSON.parse((event as MessageEvent<string>).data) as ProgressEvent);
      source.addEventListener('progress', listener);
      return () => source.removeEventListener('progress', listener);
    },
    async attachmentBytes(hash) {
      // Bytes, not base64 in JSON: the route answers Range requests too, and checks the hash is the library's.
      const response = await fetch(`/api/attachments/${encodeURIComponent(hash)}`, { headers: auth });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as Result<unknown> | undefined;
        if (body && !body.ok) throw new CommandFailed(body.error);
        throw new CommandFailed({ code: 'INTERNAL', message: `The PDF could not be read (HTTP ${response.status}).` });
      }
      return new Uint8Array(await response.arrayBuffer());
    },
    onWriteError(callback) {
      const source = events();
      const listener = (event: Event) =>
        callback((JSON.parse((event as MessageEvent<string>).data) as { message: string }).message);
      source.addEventListener('write-error', listener);
      return () => source.removeEventListener('write-error', listener);
    },
  };
}

/**
 * Listeners can subscribe at once while the event stream opens once its cookie is set: they are added to a
 * plain EventTarget that relays every event type the server sends.
 */
class RelayedEvents {
  readonly target = new EventTarget();
  /** Relays `source`'s events; when it drops, it is closed (not left to retry with a stale cookie) and `lost` runs. */
  connect(source: EventSource, lost: () => void): void {
    source.addEventListener('error', () => {
      source.close();
      lost();
    });
    for (const type of ['changed', 'progress', 'write-error', 'library'])
      source.addEventListener(type, (event) => {
        this.target.dispatchEvent(new MessageEvent(type, { data: (event as MessageEvent<string>).data }));
      });
  }
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function detectTransport(): Transport {
  if (window.paperqueue) return bridgeTransport(window.paperqueue);
  const session = pageStorage('sessionStorage');
  return httpTransport(window.location, session.storage, session.kept);
}
