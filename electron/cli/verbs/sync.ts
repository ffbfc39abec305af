import { resolve } from 'node:path';
import type { SyncStatus } from '../../core/sync/attach';
import { plural } from '../format';
import { CliError, jsonOption, stringOption, type Verb, type VerbContext } from '../verb';

export const syncVerb: Verb = {
  name: 'sync',
  usage: 'sync (status | now | setup DIR --name NAME [--pdfs | --no-pdfs] | off) [--json]',
  summary:
    'Sync this library with your other machines through DIR, a folder Syncthing, Dropbox or a network drive syncs.',
  options: { ...jsonOption, name: { type: 'string' }, pdfs: { type: 'boolean' }, 'no-pdfs': { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const [action, dir, ...extra] = positionals;
    let status: SyncStatus;
    if (action === 'status' && !dir) status = await ctx.call('sync.status', {});
    else if (action === 'now' && !dir) status = await ctx.call('sync.now', {});
    // The library keeps every paper; the sync folder keeps this machine's files for the other machines.
    else if (action === 'off' && !dir) status = await ctx.call('sync.setup', { off: true });
    else if (action === 'setup' && dir && extra.length === 0) {
      const name = stringOption(values, 'name');
      if (!name?.trim()) throw new CliError('sync setup wants --name NAME, what you call this machine', 2);
      const pdfs = values.pdfs ? true : values['no-pdfs'] ? false : undefined;
      status = await ctx.call('sync.setup', { dir: resolve(dir), name, ...(pdfs !== undefined && { pdfs }) });
    } else throw new Error('usage');
    if (values.json) ctx.out(JSON.stringify(status, null, 2));
    else if (action === 'off')
      ctx.out(
        "Sync is off on this machine. The library keeps every paper; the sync folder keeps this machine's files for the others.",
      );
    else {
      if (action === 'now') printReport(ctx, status);
      printStatus(ctx, status, action === 'status');
    }
    // A sync that could not reach its folder fails the command, so scripts notice.
    return status.setUp && action !== 'status' && status.folderState !== 'ok' ? 1 : 0;
  },
};

/**
 * What this sync did, before the status: "Received 3 changes from Desktop; sent 2.", then each thing another
 * machine's change decided here (papers deleted here and kept, statuses replaced, papers removed). A kept
 * paper is not deleted again for the person: it holds the other machine's newer change, which they have not
 * seen; the command to delete it again is printed instead.
 */
function printReport(ctx: VerbContext, status: SyncStatus): void {
  if (!status.setUp || !status.lastSync) return;
  const report = status.lastSync;
  ctx.out(report.summary);
  for (const note of report.notes) ctx.out(`  ${note}`);
  if (report.kept.count > 0) {
    const ids = JSON.stringify({ ids: report.kept.papers.map((paper) => paper.paperId) });
    const some = report.kept.count > report.kept.papers.length ? ' (the first ones named)' : '';
    ctx.out(
      `  To delete ${report.kept.count === 1 ? 'it' : 'them'} again${some}: paperqueue call papers.remove '${ids}'`,
    );
  }
  ctx.out('');
}

function printStatus(ctx: VerbContext, status: SyncStatus, last = false): void {
  if (!status.setUp) {
    ctx.out('Sync is not set up. Run "paperqueue sync setup DIR --name NAME" with a folder your sync app shares.');
    return;
  }
  ctx.out(`Device   ${status.device.name} (${status.device.id})`);
  ctx.out(`Folder   ${status.folder}${status.folderState === 'ok' ? '' : `  [${status.folderState}]`}`);
  if (status.message) ctx.out(`         ${status.message}`);
  ctx.out(`Synced   ${status.lastSyncedAt ? status.lastSyncedAt.slice(0, 19).replace('T', ' ') + ' UTC' : 'never'}`);
  ctx.out(`Waiting  ${plural(status.waiting, 'change')} not in the sync folder yet`);
  if (status.pdfs) {
    const waiting = status.pdfsWaiting > 0 ? `; ${plural(status.pdfsWaiting, 'PDF')} not shared by any device yet` : '';
    ctx.out(`PDFs     synced too${waiting}`);
  } else ctx.out('PDFs     not synced (sync setup DIR --name NAME --pdfs carries them)');
  const others = status.devices.filter((device) => !device.self);
  ctx.out(`Devices  ${others.length === 0 ? 'no other device yet' : others.map((d) => d.name ?? d.id).join(', ')}`);
  for (const skew of status.skewed) {
    ctx.out(`Clock    ${skew.name ?? skew.device} is ${Math.round(skew.aheadMs / 60_000)} min ahead of this machine`);
  }
  if (status.conflicts.length > 0) {
    ctx.out(`Conflicts (${status.conflicts.length}): notes edited on two devices, both versions kept between markers`);
    for (const conflict of status.conflicts) {
      // The machines each side was edited on, when the markers name them (older ones do not).
      const machines = [conflict.ours.device, conflict.theirs.device].filter(Boolean).join(' / ');
      ctx.out(`  ${conflict.paperId.slice(0, 8)}  ${conflict.title}${machines ? `  (${machines})` : ''}`);
    }
  }
  for (const problem of status.problems) ctx.out(`Problem  ${problem.file}: ${problem.reason}`);
  // `sync now` said it above; `sync status` tells what the last sync did.
  if (last && status.lastSync) {
    ctx.out(`Last     ${status.lastSync.summary}`);
    for (const note of status.lastSync.notes) ctx.out(`         ${note}`);
  }
}
