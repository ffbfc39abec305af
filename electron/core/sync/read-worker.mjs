// The thread that reads the sync folder (read-thread.ts), started by read-folder.ts. As the search index's
// builder does (electron/core/search/build-worker.mjs), it first lowers its own priority to nice 10: on Linux
// nice is per thread, so the library's thread and every request get the CPU first. Plain JavaScript because a
// worker's TypeScript is compiled by no host: this file registers tsx's loader for the thread before it imports
// the sources; the build (electron/core/pdf/worker-build.ts) makes it import the bundled reader instead.
import { getPriority, setPriority } from 'node:os';

const READ_NICE = 10;
let priority;
try {
  setPriority(READ_NICE);
  priority = getPriority();
} catch {
  // A system that refuses a lower priority still gets the reading off the main thread.
}
const { register } = await import('tsx/esm/api');
register();
const { serveRead } = await import('./read-thread.ts');
serveRead(priority);
