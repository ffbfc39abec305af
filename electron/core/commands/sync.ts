import { z } from 'zod';
import { defineCommand } from '../command';
import { CommandError } from '../result';
import { attachSync, setUpSync, syncFolderProblem, syncStatus, turnOffSync } from '../sync/attach';
import { SyncFolderNewerError } from '../sync/folder';
import { DEVICE_NAME_MAX } from '../sync/device';
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

const SetUp = z.strictObject({
  dir: Bounded.line.min(1),
  // At most what a device's settings hold: a longer name was written, then refused by every later read.
  name: Bounded.name.trim().min(1).max(DEVICE_NAME_MAX, `A machine name of at most ${DEVICE_NAME_MAX} characters`),
  /** Carry the attached PDFs too (left as it was when omitted and the folder is the same). */
  pdfs: z.boolean().optional(),
});
const TurnOff = z.strictObject({ off: z.literal(true) });

export const syncSetup = defineCommand({
  kind: 'mutation',
  summary:
    'Sync this library through DIR, a folder Syncthing, Dropbox or a network drive already syncs, as device NAME; {"off": true} turns sync off on this machine.',
  input: z.union([SetUp, TurnOff]),
  // Served to the page too (browser mode's person types the path; the app's native dialog fills it in): it
  // reads nothing back but sync's own checksummed files, and writes only under devices/<id>/ of a folder
  // that is empty or already Paperqueue's (syncFolderProblem), so it cannot read or litter the disk.
  async run(ctx, input) {
    if ('off' in input) {
      // The library keeps every paper; the sync folder keeps this device's files for the other devices.
      await turnOffSync(ctx.store);
      return syncStatus(ctx.store);
    }
    const problem = await syncFolderProblem(input.dir, ctx.store.dataDir);
    if (problem) throw new CommandError(problem.code, problem.message);
    try {
      await setUpSync(ctx.store, input.dir, input.name, { pdfs: input.pdfs });
    } catch (error) {
      if (error instanceof SyncFolderNewerError) throw new CommandError('CONFLICT', error.message);
      throw error;
    }
    return syncStatus(ctx.store);
  },
});
