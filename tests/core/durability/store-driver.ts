// A store in a child process, driven one JSON request per line on stdin, one JSON answer per line on stdout.
// The fault tests run it where the parent cannot reach (a private tmpfs that fills up) or as another user
// (root ignores folder permissions, so a root test run drives the store as an unprivileged user).
import { createInterface } from 'node:readline';
import { open as openFile, readFile, readdir, rm } from 'node:fs/promises';
import { dispatch } from '../../../electron/core/dispatch';
import { LibraryStore } from '../../../electron/core/store/store';

export type DriverRequest =
  | { op: 'open'; dir: string }
  | { op: 'dispatch'; name: string; input: unknown }
  | { op: 'flush' }
  | { op: 'writeErrors' }
  | { op: 'fill'; file: string }
  | { op: 'remove'; file: string }
  | { op: 'read'; file: string }
  | { op: 'list'; dir: string };

let store: LibraryStore | undefined;
const writeErrors: string[] = [];

async function handle(request: DriverRequest): Promise<unknown> {
  switch (request.op) {
    case 'open':
      store = await LibraryStore.open(request.dir);
      store.onWriteError((error) => writeErrors.push(error instanceof Error ? error.message : String(error)));
      return { papers: store.size };
    case 'dispatch':
      return dispatch({ store: store! }, request.name, request.input);
    case 'flush':
      return store!.flush().then(
        () => ({ ok: true }),
        (error: NodeJS.ErrnoException) => ({ ok: false, code: error.code, message: error.message }),
      );
    case 'writeErrors':
      return writeErrors.splice(0);
    case 'fill': {
      // Take every free block of the file system, as another program filling the disk would.
      const handle = await openFile(request.file, 'w');
      const chunk = Buffer.alloc(4096, 120);
      let written = 0;
      try {
        for (;;) written += (await handle.write(chunk)).bytesWritten;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        await handle.close();
      }
      return { written };
    }
    case 'remove':
      await rm(request.file);
      return { removed: request.file };
    case 'read':
      return { base64: (await readFile(request.file)).toString('base64') };
    case 'list':
      return readdir(request.dir);
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  try {
    process.stdout.write(JSON.stringify({ value: await handle(JSON.parse(line) as DriverRequest) }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ thrown: error instanceof Error ? error.message : String(error) }) + '\n');
  }
}
