// The crash harness's child: a real store in a real folder, written continuously until the parent kills it.
// Every line on stdout is one JSON object: {"opening":pid}, {"ready":pid} once the library is open, then for each mutation
// {"intent":...} before it is applied and {"durable":...} once store.flush() has put it on disk.
// Linux writes to a pipe synchronously, so a line printed is a line the parent receives, even after SIGKILL.
import { randomBytes } from 'node:crypto';
import { dispatch } from '../../../electron/core/dispatch';
import { STATUSES, type Paper } from '../../../electron/core/schema';
import { acquireLock } from '../../../electron/core/store/lock';
import { LibraryStore } from '../../../electron/core/store/store';

export type Mutation =
  | { op: 'add'; title: string }
  | { op: 'note'; id: string; note: string }
  | { op: 'status'; id: string; status: Paper['status'] };

/** Enough papers to exercise notes and statuses while keeping each whole-file write small. */
const MAX_PAPERS = 40;

const [dataDir, mode = 'forever'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-writer DATA_DIR [forever|once]');
const say = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

say({ opening: process.pid });
const lock = await acquireLock(dataDir, 'the crash harness');
if (!lock.acquired) throw new Error(lock.readOnly ? lock.reason : `the library is held by process ${lock.holder.pid}`);
const store = await LibraryStore.open(dataDir);
say({ ready: process.pid });

let n = 0;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function next(): Mutation {
  n++;
  const papers = [...store.all()];
  const roll = Math.random();
  if (papers.length === 0 || (papers.length < MAX_PAPERS && roll < 0.2)) {
    return { op: 'add', title: `Crash-tested paper ${process.pid}-${n}-${randomBytes(4).toString('hex')}` };
  }
  const paper = pick(papers);
  if (roll < 0.6) return { op: 'note', id: paper.id, note: `Note ${process.pid}-${n}\n\n${'words '.repeat(n % 50)}` };
  return { op: 'status', id: paper.id, status: pick(STATUSES.filter((s) => s !== paper.status)) };
}

async function apply(mutation: Mutation): Promise<void> {
  const result =
    mutation.op === 'add'
      ? await dispatch({ store }, 'papers.add', { title: mutation.title, abstract: 'Written while being killed.' })
      : mutation.op === 'note'
        ? await dispatch({ store }, 'notes.save', { id: mutation.id, note: mutation.note })
        : await dispatch({ store }, 'papers.setStatus', { ids: [mutation.id], status: mutation.status });
  if (!result.ok) throw new Error(`${mutation.op} failed: ${result.error.message}`);
  await store.flush();
}

do {
  const mutation = next();
  say({ intent: mutation });
  await apply(mutation);
  say({ durable: mutation });
} while (mode === 'forever');
await lock.release();
