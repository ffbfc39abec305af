import { stringOption, jsonOption, CliError, type Verb } from '../verb';

type Item = { id: string; title: string; score: number; reason: string };

/** Best first, aligned: score, id, title, and the reason on the line below. */
function table(items: Item[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const head = `${item.score.toFixed(3).padStart(7)}  ${item.id}  `;
    const room = Math.max(20, width - head.length);
    lines.push(head + (item.title.length > room ? `${item.title.slice(0, room - 1)}…` : item.title));
    lines.push(`${' '.repeat(head.length)}${item.reason}`);
  }
  return lines;
}

function limitOf(values: Record<string, unknown>): number | undefined {
  const text = stringOption(values as never, 'limit');
  if (text === undefined) return undefined;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1)
    throw new CliError(`--limit wants a positive whole number, not "${text}".`, 2);
  return limit;
}

export const rankVerb: Verb = {
  name: 'rank',
  usage: 'rank [--limit N] [--json]',
  summary: 'The inbox ranked by likeness to what you kept and read, best first, each with its reason.',
  options: { ...jsonOption, limit: { type: 'string' } },
  async run(ctx, { values }) {
    const ranking = await ctx.call('insight.rank', { limit: limitOf(values) });
    const items = ranking.items.map(({ id, title, score, reason }) => ({ id, title, score, reason }));
    if (values.json) {
      ctx.out(JSON.stringify(items, null, 2));
      return;
    }
    ctx.err(ranking.summary);
    if (!items.length) ctx.out('The inbox is empty.');
    for (const line of table(items, ctx.width)) ctx.out(line);
  },
};

export const similarVerb: Verb = {
  name: 'similar',
  usage: 'similar ID [--limit N] [--json]',
  summary: 'The papers most like one paper (ID, prefix or arXiv id), with the terms they share.',
  options: { ...jsonOption, limit: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const [ref] = positionals;
    if (!ref) throw new Error('usage');
    const { items } = await ctx.call('insight.similar', { id: await ctx.resolve(ref), limit: limitOf(values) ?? 10 });
    if (values.json) {
      ctx.out(JSON.stringify(items, null, 2));
      return;
    }
    if (!items.length) ctx.out('No paper in the library shares enough words with this one.');
    for (const line of table(items, ctx.width)) ctx.out(line);
  },
};
