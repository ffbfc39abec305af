import { defineCommand } from '../command';
import { ListQuerySchema, queryPage } from '../query';
import { IdsSchema } from './inputs';
import { readyToSearch } from './papers';

/**
 * Where the first of some papers (the ones an import added) stands in a list, so that the list can go there
 * without loading every row: one walk of the query's papers in its order, the given ids looked up in a set.
 */
export const papersPosition = defineCommand({
  kind: 'query',
  summary:
    'The place in a list query (from 0) of the first of the given papers in its order, and its id; none if none is in it.',
  input: ListQuerySchema.omit({ offset: true, limit: true }).extend({ ids: IdsSchema }),
  async run(ctx, { ids, ...query }) {
    await readyToSearch(ctx, query);
    const wanted = new Set(ids);
    // Only references to the papers the query selects, in order (no rows are made): 17–24 ms at 100,000 for the
    // last paper of the queue order (`npm run bench`, position_ms), once per import.
    const { page } = queryPage(ctx.store.catalog, { ...query, offset: 0 });
    const position = page.findIndex((paper) => wanted.has(paper.id));
    return position === -1 ? { position: undefined, id: undefined } : { position, id: page[position]!.id };
  },
});
