// A background thread for thread-hold.test.ts: counts its steps, each a millisecond of work, with a look at the
// page's flag between them (as the search index's and For you's builds do), until told to stop.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
const { pauseWhileHeld, useThreadHold } = await import('../../electron/core/thread-hold.ts');
useThreadHold(workerData.hold);
const [steps, stop] = [0, 1];
while (Atomics.load(workerData.counts, stop) === 0) {
  pauseWhileHeld();
  const until = performance.now() + 1;
  while (performance.now() < until);
  Atomics.add(workerData.counts, steps, 1);
}
