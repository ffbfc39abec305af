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
    // The command explains every item it returns unless asked for fewer: the CLI never asks for fewer.
    const items = ranking.items.map(({ id, title, score, reason }) => ({
      id,
      title: title ?? '',
      score,
      reason: reason ?? '',
    }));
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
    if (!items.length) ctx.out('No paper in your library is close to this one.');
    for (const line of table(items, ctx.width)) ctx.out(line);
  },
};

export const rulesVerb: Verb = {
  name: 'rules',
  usage: 'rules [add PATTERN (--boost|--dim) [--regex] | remove ID] [--json]',
  summary: 'Your keyword rules: words or a regular expression that boost or dim inbox papers.',
  options: { ...jsonOption, boost: { type: 'boolean' }, dim: { type: 'boolean' }, regex: { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const [action, argument] = positionals;
    if (action === 'add') {
      if (!argument || values.boost === values.dim) {
        throw new CliError('usage: paperqueue rules add PATTERN --boost|--dim [--regex]', 2);
      }
      const rule = await ctx.call('rules.add', {
        pattern: argument,
        kind: values.regex ? 'regex' : 'words',
        action: values.boost ? 'boost' : 'dim',
      });
      if (values.json) ctx.out(JSON.stringify(rule, null, 2));
      else
        ctx.out(`Added rule ${rule.id}: ${rule.action} “${rule.pattern}” (matches ${rule.inboxMatches} in the inbox).`);
      return;
    }
    if (action === 'remove') {
      if (!argument) throw new CliError('usage: paperqueue rules remove ID', 2);
      await ctx.call('rules.remove', { id: argument });
      ctx.out(`Removed rule ${argument}.`);
      return;
    }
    if (action !== undefined) throw new Error('usage');
    const { rules } = await ctx.call('rules.list', {});
    if (values.json) {
      ctx.out(JSON.stringify(rules, null, 2));
      return;
    }
    if (!rules.length) ctx.out('No rules yet. Add one: paperqueue rules add "diffusion model" --boost');
    for (const rule of rules) {
      ctx.out(
        `${rule.id}  ${rule.action.padEnd(5)}  ${rule.kind.padEnd(5)}  ${String(rule.inboxMatches).padStart(5)} in inbox  ${rule.pattern}`,
      );
    }
  },
};
