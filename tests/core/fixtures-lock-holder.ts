// A process for the lock stress test (lock-stress.test.ts), bundled and run under plain Node.
//   hold DIR MAX_MS: takes the library lock, prints {"held":pid}, then rewrites it with update() in a tight
//     loop until a line arrives on stdin (or MAX_MS passes), releases it and prints {"updates":n}.
//   try DIR ATTEMPTS MAX_MS: calls acquireLock up to ATTEMPTS times within MAX_MS, releasing at once any lock
//     it gets, and prints {"attempts","acquired","holders"}; then, after a line on stdin, takes the lock once
//     more and prints {"finally":true|false}.
import { createInterface } from 'node:readline';
import { acquireLock } from '../../electron/core/store/lock';

const [mode, dir, ...numbers] = process.argv.slice(2);
if (!dir || (mode !== 'hold' && mode !== 'try')) throw new Error('usage: fixtures-lock-holder hold|try DIR ...');
const say = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const nextLine = () => lines.next();

if (mode === 'hold') {
  const maxMs = Number(numbers[0] ?? 20_000);
  const lock = await acquireLock(dir, 'a lock stress holder');
  if (!lock.acquired) throw new Error(`the holder could not take the lock: ${JSON.stringify(lock)}`);
  let stop = false;
  void nextLine().then(() => (stop = true));
  say({ held: process.pid });
  const until = Date.now() + maxMs;
  let updates = 0;
  while (!stop && Date.now() < until) {
    // A long credential makes each rewrite take a little longer, as a real one with a URL and token does.
    await lock.update({ url: `http://127.0.0.1:${1024 + (updates % 60000)}/`, cliToken: 'c'.repeat(2048) });
    updates++;
  }
  await lock.release();
  say({ updates });
  process.exit(0);
} else {
  const attempts = Number(numbers[0] ?? 1000);
  const until = Date.now() + Number(numbers[1] ?? 2000);
  let tried = 0;
  let acquired = 0;
  const holders = new Set<number>();
  while (tried < attempts && Date.now() < until) {
    tried++;
    const lock = await acquireLock(dir, 'a lock stress taker');
    if (lock.acquired) {
      acquired++;
      await lock.release();
    } else if (!lock.readOnly) {
      holders.add(lock.holder.pid);
    }
  }
  say({ attempts: tried, acquired, holders: [...holders] });
  await nextLine();
  const last = await acquireLock(dir, 'a lock stress taker');
  say({ finally: last.acquired });
  if (last.acquired) await last.release();
  process.exit(0);
}
