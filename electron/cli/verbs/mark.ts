import { STATUSES, type Status } from '../../core/schema';
import { plural } from '../format';
import { CliError, type Verb } from '../verb';

export const markVerb: Verb = {
  name: 'mark',
  usage: 'mark ID... STATUS',
  summary: `Set the status of one or more papers: ${STATUSES.join(', ')}.`,
  options: {},
  async run(ctx, { positionals }) {
    const status = positionals.at(-1);
    const refs = positionals.slice(0, -1);
    if (!status || refs.length === 0) throw new Error('usage');
    if (!(STATUSES as readonly string[]).includes(status)) {
      throw new CliError(`unknown status "${status}"; use one of ${STATUSES.join(', ')}`, 2);
    }
    const ids: string[] = [];
    for (const ref of refs) ids.push(await ctx.resolve(ref));
    const result = await ctx.call('papers.setStatus', { ids, status: status as Status });
    const unchanged = ids.length - result.updated;
    ctx.out(`Marked ${plural(result.updated, 'paper')} ${status}.` + (unchanged ? ` ${unchanged} already were.` : ''));
  },
};
