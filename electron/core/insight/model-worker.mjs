// The thread that builds the relevance model (model-thread.ts), started by worker-model.ts. As the search
// index's thread (../search/build-worker.mjs), it first lowers its own priority to nice 10: on Linux nice is
// per thread, so the page and every request get the CPU first.
// Plain JavaScript because a worker's TypeScript is compiled by no host: this file registers tsx's loader for
// the thread before it imports the builder's sources (the build replaces these lines: pdf/worker-build.ts).
import { getPriority, setPriority } from 'node:os';

const BUILD_NICE = 10;
let priority;
try {
  setPriority(BUILD_NICE);
  priority = getPriority();
} catch {
  // A system that refuses a lower priority still gets the build off the main thread.
}
const { register } = await import('tsx/esm/api');
register();
const { serveModelBuild } = await import('./model-thread.ts');
serveModelBuild(priority);
