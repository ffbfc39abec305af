import { STATUSES } from '../../core/schema';
import { jsonOption, type Verb } from '../verb';

export const statsVerb: Verb = {
  name: 'stats',
  usage: 'stats [--json]',
  summary: 'Counts by status, with notes, highlights and sources.',
  options: { ...jsonOption },
  async run(ctx, { values }) {
    const stats = await ctx.call('stats.get', {});
    if (values.json) {
      ctx.out(JSON.stringify(stats, null, 2));
      return;
    }
    const rows: [string, number][] = [
      ...STATUSES.map((s): [string, number] => [s, stats.byStatus[s]]),
      ['total', stats.total],
      ['unread', stats.unread],
      ['with notes', stats.notes],
      ['highlights', stats.annotations],
    ];
    const width = Math.max(...rows.map(([, n]) => String(n).length));
    for (const [label, n] of rows) ctx.out(`${label.padEnd(12)}${String(n).padStart(width)}`);
    if (stats.sources.length) {
      ctx.out('\nSources');
      for (const s of stats.sources) ctx.out(`  ${String(s.count).padStart(width)}  ${s.name} (${s.format})`);
    }
  },
};
