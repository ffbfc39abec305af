import { plural, table } from '../format';
import { CliError, jsonOption, type Verb } from '../verb';
import { utcMinute } from '../../core/text';

export const backupVerb: Verb = {
  name: 'backup',
  usage: 'backup list [--json] | backup restore ID',
  summary: 'List the backups kept beside the library, or restore one (what it replaces is backed up first).',
  options: { ...jsonOption },
  async run(ctx, { values, positionals }) {
    const [action, id] = positionals;
    if (action === 'list' && !id) {
      const backups = await ctx.call('library.backups', {});
      if (values.json) ctx.out(JSON.stringify(backups, null, 2));
      else if (backups.length === 0) ctx.out('No backups yet.');
      else {
        const rows = backups.map((b) => [
          b.id,
          b.at.slice(0, 19).replace('T', ' ') + ' UTC',
          `${Math.ceil(b.bytes / 1024)} kB`,
        ]);
        ctx.out(table(['ID', 'TAKEN', 'SIZE'], rows, ctx.width));
      }
      return;
    }
    if (action === 'restore' && id) {
      // Said in the CLI's words (the command's own refusal names its input field), and how to find the ids.
      if (!(await ctx.call('library.backups', {})).some((b) => b.id === id)) {
        throw new CliError(`No backup ${id}; \`paperqueue backup list\` shows them`, 1, 'NOT_FOUND');
      }
      const result = await ctx.call('library.restoreBackup', { id });
      ctx.out(`Restored ${plural(result.restored, 'paper')} from the backup of ${utcMinute(result.from)}.`);
      return;
    }
    throw new Error('usage');
  },
};
