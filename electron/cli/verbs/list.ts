import { LIST_STATUSES, SORTS } from '../../core/query';
import { day, plural, table, titleAsRead } from '../format';
import { CliError, jsonOption, stringOption, type Verb } from '../verb';

export const listVerb: Verb = {
  name: 'list',
  usage: `list [--status S] [--tag T] [--search Q] [--sort ${SORTS.join('|')}] [--limit N] [--json]`,
  summary:
    'List papers (all by default); status is inbox, queued, reading, read, dismissed, unread or all. --search Q has ' +
    'words (each the start of a word), "a phrase", author:NAME, author:"van der Berg", tag:T or #T; a dash before ' +
    'one keeps its papers out: -word, -"a phrase", -author:NAME, -#T (a hyphen inside a word, as in t-SNE, is the word\'s). ' +
    'Titles read as text, their math as Unicode (𝒪(n log n)); --json gives them as stored, TeX and all.',
  options: {
    ...jsonOption,
    status: { type: 'string' },
    tag: { type: 'string' },
    search: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx, { values }) {
    const status = stringOption(values, 'status') ?? 'all';
    if (!(LIST_STATUSES as readonly string[]).includes(status)) {
      throw new CliError(`unknown status "${status}"; use one of ${LIST_STATUSES.join(', ')}`, 2);
    }
    const sort = stringOption(values, 'sort') ?? 'queue';
    if (!(SORTS as readonly string[]).includes(sort)) {
      throw new CliError(`unknown sort "${sort}"; use one of ${SORTS.join(', ')}`, 2);
    }
    const limitText = stringOption(values, 'limit');
    const limit = limitText === undefined ? undefined : Number(limitText);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      throw new CliError(`--limit wants a positive whole number, not "${limitText}"`, 2);
    }
    const { total, papers } = await ctx.call('papers.list', {
      status: status as (typeof LIST_STATUSES)[number],
      sort: sort as (typeof SORTS)[number],
      tag: stringOption(values, 'tag'),
      text: stringOption(values, 'search'),
      limit,
    });
    if (values.json) {
      ctx.out(JSON.stringify(papers, null, 2));
      return;
    }
    if (total === 0) {
      ctx.out('No papers match.');
      return;
    }
    const rows = papers.map((p) => [p.id, p.status, day(p.createdAt), titleAsRead(p.title)]);
    ctx.out(table(['ID', 'STATUS', 'ADDED', 'TITLE'], rows, ctx.width));
    ctx.out(papers.length < total ? `\n${papers.length} of ${plural(total, 'paper')}` : `\n${plural(total, 'paper')}`);
  },
};
