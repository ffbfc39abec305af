import { plural, table } from '../format';
import { jsonOption, type Verb } from '../verb';

export const tagsVerb: Verb = {
  name: 'tags',
  usage: 'tags [--json] | tags rename OLD NEW [--json]',
  summary:
    'List your tags with their papers, or rename one on every paper that has it (a name another tag has merges the two).',
  options: { ...jsonOption },
  async run(ctx, { values, positionals }) {
    const [action, from, to, ...extra] = positionals;
    if (action === undefined || (action === 'list' && from === undefined)) {
      const tags = await ctx.call('tags.list', {});
      if (values.json) ctx.out(JSON.stringify(tags, null, 2));
      else if (tags.length === 0) ctx.out('No tags yet.');
      else
        ctx.out(
          table(
            ['TAG', 'PAPERS'],
            tags.map((t) => [t.tag, t.count.toLocaleString('en')]),
            ctx.width,
          ),
        );
      return;
    }
    if (action !== 'rename' || from === undefined || to === undefined || extra.length > 0) throw new Error('usage');
    const { updated, tag, merged } = await ctx.call('tags.rename', { from, to });
    if (values.json) ctx.out(JSON.stringify({ updated, tag, merged }, null, 2));
    else if (updated === 0) ctx.out(`Nothing to rename: the tag is already “${tag}”.`);
    else
      ctx.out(
        `${merged ? 'Merged' : 'Renamed'} “${from}” ${merged ? 'into' : 'to'} “${tag}” on ${plural(updated, 'paper')}.`,
      );
  },
};
