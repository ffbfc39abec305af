// The sync crash test's child: one device appending to its log in a real sync folder until the parent kills it.
// stdout lines: {"ready":pid} once the log is open, then {"durable":seq} each time an append has resolved.
import { readFile } from 'node:fs/promises';
import { createPaper } from '../../../electron/core/paper';
import { STATUSES } from '../../../electron/core/schema';
import { DeviceInfoSchema } from '../../../electron/core/sync/device';
import { DeviceLog } from '../../../electron/core/sync/log-writer';
import { SyncReplica } from '../../../electron/core/sync/replica';

const [syncDir, infoFile] = process.argv.slice(2);
if (!syncDir || !infoFile) throw new Error('usage: crash-log-writer SYNC_DIR DEVICE_JSON');
const say = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

const info = DeviceInfoSchema.parse(JSON.parse(await readFile(infoFile, 'utf8')));
const { log, ops, nextSeq } = await DeviceLog.open(syncDir, info);
const replica = new SyncReplica(info.id);
replica.restore(ops, nextSeq);
say({ ready: process.pid });

for (let n = 0; ; n++) {
  const now = new Date().toISOString();
  const papers = replica.library().papers;
  const before = papers[n % Math.max(1, papers.length)];
  const recorded =
    !before || n % 5 === 0
      ? replica.recordPaper(
          undefined,
          createPaper(
            { title: `Killed while logging ${process.pid}-${n}`, abstract: 'x'.repeat(n % 400) },
            {
              format: 'manual',
              name: 'manual',
              importedAt: now,
            },
            n,
            now,
          ),
          { weak: true },
        )
      : replica.recordPaper(before, {
          ...before,
          note: `${before.note}\nline ${process.pid}-${n} ${'words '.repeat(n % 30)}`,
          status: STATUSES[n % STATUSES.length]!,
          history: [...before.history, { status: STATUSES[n % STATUSES.length]!, at: now }],
          updatedAt: now,
        });
  await log.append(recorded);
  say({ durable: recorded.at(-1)!.seq });
}
