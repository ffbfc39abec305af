import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { defineCommand } from '../command';
import { CommandError } from '../result';
import { attachSync, isFolder, setUpSync, syncStatus } from '../sync/attach';
import { SyncFolderNewerError } from '../sync/folder';
import { Bounded } from './inputs';

export const syncStatusCommand = defineCommand({
  kind: 'query',
  summary: 'Sync: the folder, last synced, changes waiting, devices seen, conflicts, skewed clocks, a missing folder.',
  input: z.strictObject({}).default({}),
  run: (ctx) => syncStatus(ctx.store),
});

export const syncNow = defineCommand({
  kind: 'mutation',
  summary: "Sync now: write this device's changes to the sync folder and merge every other device's.",
  input: z.strictObject({}).default({}),
  async run(ctx) {
    const session = await attachSync(ctx.store);
    if (!session)
      throw new CommandError('CONFLICT', 'Sync is not set up: run "paperqueue sync setup DIR --name NAME".');
    // A missing or newer folder is not a failed command: the status says what is wrong, and changes wait.
    await session.syncNow().catch(() => undefined);
    return syncStatus(ctx.store);
  },
});

export const syncSetup = defineCommand({
  kind: 'mutation',
  summary:
    'Sync this library through DIR, a folder Syncthing, Dropbox or a network drive already syncs, as device NAME.',
  input: z.strictObject({ dir: Bounded.line.min(1), name: Bounded.name.trim().min(1) }),
  // The folder is on this machine's disk: the app's page chooses it through its host, never by a typed path.
  hostOnly: ({ dir }) => dir,
  async run(ctx, { dir, name }) {
    if (!isAbsolute(dir))
      throw new CommandError('INVALID_INPUT', `The sync folder must be an absolute path, not "${dir}".`);
    if (!(await isFolder(dir))) {
      throw new CommandError(
        'NOT_FOUND',
        `The sync folder ${dir} does not exist. Create it (or mount its drive, or let the sync app create it) first.`,
      );
    }
    try {
      await setUpSync(ctx.store, dir, name);
    } catch (error) {
      if (error instanceof SyncFolderNewerError) throw new CommandError('CONFLICT', error.message);
      throw error;
    }
    return syncStatus(ctx.store);
  },
});
