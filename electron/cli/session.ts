import { existsSync } from 'node:fs';
import { commands } from '../core/commands';
import { dispatch } from '../core/dispatch';
import type { Result } from '../core/result';
import { acquireLock, describeHolder, type LockInfo } from '../core/store/lock';
import { LibraryStore } from '../core/store/store';
import { describeError } from '../core/fs-errors';
import { attachSync, detachSync } from '../core/sync/attach';
import { CliError } from './verb';

/** How the CLI runs commands: on the library itself, or through the process that has it open. */
export type Session = {
  dispatch: (name: string, input: unknown) => Promise<Result<unknown>>;
  close: () => Promise<void>;
  /** Write library.json if it is not there yet: a library started by this run exists even if nothing was added. */
  create?: () => Promise<void>;
};

/**
 * One writer per library: when the app or browser mode holds the library, commands are forwarded to it
 * (so nothing is written behind its back); otherwise the CLI takes the lock for its own short run.
 */
export async function openSession(dataDir: string, warn: (text: string) => void): Promise<Session> {
  const lock = await acquireLock(dataDir, 'the paperqueue CLI');
  if (!lock.acquired && !lock.readOnly) return forwardingSession(lock.holder);
  // A folder that cannot be written (a read-only drive, a full disk) still opens, to read and export.
  const release = lock.acquired ? lock.release : () => Promise.resolve();
  let store: LibraryStore;
  try {
    store = await LibraryStore.open(dataDir, lock.acquired ? { recover: true } : { readOnly: lock.reason });
  } catch (error) {
    await release();
    throw error;
  }
  if (store.recovery) warn(`paperqueue: ${store.recovery.summary}`);
  // Sync, when set up, records this run's changes; a sync problem never stops a command.
  await attachSync(store).catch((error: unknown) =>
    warn(`paperqueue: sync is off for this run: ${describeError(error)}`),
  );
  return {
    // A change is on disk before the verb says it is done ("Marked 1 paper read." means saved).
    dispatch: async (name, input) => {
      const result = await dispatch({ store, caller: 'host' }, name, input);
      if (result.ok && isMutation(name)) {
        try {
          await store.flush();
        } catch (error) {
          return { ok: false, error: { code: 'INTERNAL', message: describeError(error, store.file) } };
        }
      }
      return result;
    },
    create: async () => {
      if (!existsSync(store.file)) await store.persist();
    },
    close: async () => {
      try {
        await detachSync(store);
        await store.flush();
      } finally {
        await release();
      }
    },
  };
}

/**
 * A folder with no library, read as an empty one (`import --dry-run` before the first import): opened read-only
 * and without the lock, so nothing, not even the folder, is made.
 */
export async function emptySession(dataDir: string): Promise<Session> {
  const store = await LibraryStore.open(dataDir, { readOnly: `${dataDir} has no library yet` });
  return {
    dispatch: (name, input) => dispatch({ store, caller: 'host' }, name, input),
    close: () => Promise.resolve(),
  };
}

function forwardingSession(holder: LockInfo): Session {
  const { url, cliToken: token } = holder;
  if (!url || !token) {
    throw new CliError(`the library is open in ${describeHolder(holder)}; close it and try again`);
  }
  return {
    async dispatch(name, input) {
      let response: Response;
      try {
        response = await fetch(new URL(`api/${name}`, url), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new CliError(`the library is open in ${describeHolder(holder)}, which does not answer at ${url}`);
      }
      return (await response.json()) as Result<unknown>;
    },
    close: () => Promise.resolve(),
  };
}

function isMutation(name: string): boolean {
  return (commands as Record<string, { kind: string } | undefined>)[name]?.kind === 'mutation';
}
