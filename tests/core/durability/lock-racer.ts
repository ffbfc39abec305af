// Races other processes for the library lock; while it believes it holds the lock it keeps a marker file
// created exclusively, so two holders at once show up as EEXIST. Prints {"held":n,"overlaps":[...]}.
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { acquireLock } from '../../../electron/core/store/lock';

const [dataDir, roundsText = '50'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: lock-racer DATA_DIR [ROUNDS]');
const marker = join(dataDir, 'holder.marker');
let held = 0;
const overlaps: string[] = [];
for (let round = 0; round < Number(roundsText);) {
  const lock = await acquireLock(dataDir, 'a lock racer');
  if (!lock.acquired) {
    await new Promise((resolve) => setImmediate(resolve));
    continue;
  }
  round++;
  held++;
  try {
    const handle = await open(marker, 'wx');
    await handle.close();
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    await unlink(marker);
  } catch (error) {
    overlaps.push(`process ${process.pid} got the lock while another process held it (${String(error)})`);
  }
  await lock.release();
}
process.stdout.write(JSON.stringify({ held, overlaps }) + '\n');
