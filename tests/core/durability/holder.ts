// Holds a library the way the desktop app does (electron/main.ts): the lock, the store, and the local API that
// other processes forward their commands to, named in the lock file with the CLI's credential. Prints
// {"url","token"} (the page's credential) once it listens, or {"refused": holder} when another process has
// the library. SIGTERM flushes, stops and releases the lock.
import { join } from 'node:path';
import { acquireLock, describeHolder } from '../../../electron/core/store/lock';
import { LibraryStore } from '../../../electron/core/store/store';
import { startServer } from '../../../electron/server/server';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: holder DATA_DIR');
const say = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

const lock = await acquireLock(dataDir, 'the Paperqueue app');
if (!lock.acquired) {
  say({ refused: lock.readOnly ? lock.reason : describeHolder(lock.holder) });
  process.exit(3);
}
const store = await LibraryStore.open(dataDir, { recover: true });
// No renderer is served in this test; the API is all the other processes use.
const api = await startServer({ store, staticDir: join(dataDir, 'no-renderer') });
await lock.update({ url: api.origin, cliToken: api.cliToken });
process.once('SIGTERM', () => {
  void (async () => {
    await api.close();
    await store.flush();
    await lock.release();
    process.exit(0);
  })();
});
say({ url: api.origin, token: api.token, pid: process.pid });
