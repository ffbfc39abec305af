// The thread that builds the search index (build-thread.ts), started by worker-build.ts. Its first act is to
// lower its own priority: on Linux nice is per thread, so the page load and every request get the CPU first.
// Plain JavaScript because a worker's TypeScript is compiled by no host (tsx, vitest, Electron's main process):
// this file registers tsx's loader for the thread before it imports the builder's sources.
import { getPriority, setPriority } from 'node:os';

let priority;
try {
  setPriority(19);
  priority = getPriority();
} catch {
  // A system that refuses a lower priority still gets the build off the main thread.
}
const { register } = await import('tsx/esm/api');
register();
const { serveBuild } = await import('./build-thread.ts');
serveBuild(priority);
