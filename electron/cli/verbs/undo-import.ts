import { plural } from '../format';
import { jsonOption, type Verb } from '../verb';

/** The last import taken back, through library.import's undo: what it added removed, what it filled in put back. */
export const undoImportVerb: Verb = {
  name: 'undo-import',
  usage: 'undo-import [--json]',
  summary:
    'Take the last import back: remove the papers it added and put back the details it filled in or merged, ' +
    'keeping papers read, noted, tagged or highlighted since and fields edited since.',
  options: { ...jsonOption },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0) throw new Error('usage');
    const result = await ctx.call('library.import', { undo: 'last' });
    if (values.json) {
      ctx.out(JSON.stringify(result.undone, null, 2));
      return 0;
    }
    const { source, removed, restored, kept, detached } = result.undone!;
    const parts = removed > 0 ? [`removed ${plural(removed, 'paper')}`] : [];
    if (restored) parts.push(`put back the details of ${plural(restored, 'paper')}`);
    if (detached) parts.push(`took ${plural(detached, 'PDF')} off the papers it had attached them to`);
    ctx.out(`Took back the import of “${source}”${parts.length ? `: ${parts.join(', ')}` : ''}.`);
    if (kept) ctx.out(`Kept ${plural(kept, 'paper')} it added that you have read, noted, tagged or highlighted since.`);
    return 0;
  },
};
