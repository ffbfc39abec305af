// The thread that builds the search index (build-thread.ts), started by worker-build.ts. Its first act is to
// lower its own priority: on Linux nice is per thread, so the page load and every request get the CPU first.
// Nice 10, not 19: a thread at 19 gets about 1/70 of a core that other work wants, and at load 15 (other
// programs busy) the build then took over 40 s; at 10 it gets about a tenth, and still yields to the page.
// Plain JavaScript because a worker's TypeScript is compiled by no host (tsx, vitest, Electron's main process):
// this file registers tsx's loader for the thread before it imports the builder's sources.
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
const { serveBuild } = await import('./build-thread.ts');
serveBuild(priority);
