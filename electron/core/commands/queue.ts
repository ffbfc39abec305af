import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command';
import { CommandError } from '../result';
import { StatusSchema, type Paper, type Status } from '../schema';
import { IdSchema, IdsSchema, recordOf } from './inputs';
import { requirePaper } from './papers';

/*
 * The queue: a paper's status, and its place in the queue order (its rank; All papers and the inbox are
 * listed in that order too).
 */

/** The largest place an undo may give (a rank stays far from where adding one to it changes nothing). */
const MAX_RANK = 2 ** 50;
/** The most papers one undo of a move names (as many as a change may name: IdsSchema). */
const MAX_PAPERS = 200_000;
/** A place in the queue order an undo gives back. */
const RankSchema = z.number().min(-MAX_RANK).max(MAX_RANK);
/**
 * Which numbering of the queue an undo's ranks are in (see `numberingOf`): the answer of a keep or a move names
 * it, and its undo sends it back. Optional: without it the ranks are taken as they are (the CLI's `call`).
 */
const NumberingSchema = z.string().min(1).max(40);

/**
 * The numbering the queue's ranks are in, by store: a random name made when the process first needs one, and
 * made again whenever a move renumbers every rank (its gap too narrow for floats). A place an answer gave is a
 * number of its numbering: an undo sent after a renumbering would put the paper at its old number, now another
 * place, so it is refused (a move) or the paper keeps its place (a keep). A library opened again has a new
 * numbering too: an undo from before is then refused, never misplaced.
 */
const numberings = new WeakMap<object, string>();

function numberingOf(ctx: CommandContext): string {
  let numbering = numberings.get(ctx.store);
  if (!numbering) numberings.set(ctx.store, (numbering = newNumbering()));
  return numbering;
}

const newNumbering = (): string => Math.random().toString(36).slice(2, 12);

export const papersSetStatus = defineCommand({
  kind: 'mutation',
  summary: 'Mark papers inbox, queued, reading, read or dismissed; each change is recorded with its time.',
  input: z
    .strictObject({
      ids: IdsSchema,
      status: StatusSchema,
      // An undo's: the place in the queue order (rank) each paper had before a keep it takes back, so the paper
      // returns to the inbox where it was rather than at the end. Used only for a paper leaving the queue.
      ranks: recordOf(IdSchema, RankSchema).optional(),
      numbering: NumberingSchema.optional(),
    })
    .refine(({ ids, ranks }) => !ranks || namesOnly(Object.keys(ranks), ids), {
      path: ['ranks'],
      message: 'ranks may only name papers in ids',
    }),
  run(ctx, input) {
    const { ids, status } = input;
    // Places of another numbering (the queue was renumbered since the keep): the papers keep theirs.
    const ranks = input.numbering === undefined || input.numbering === numberingOf(ctx) ? input.ranks : undefined;
    const papers = ids.map((id) => requirePaper(ctx, id));
    const now = ctx.now().toISOString();
    const changed: string[] = [];
    // The place each paper a keep puts at the end of the queue had: an undo sends it back (`ranks`).
    const ranksBefore: Record<string, number> = {};
    for (const paper of papers) {
      if (paper.status === status) continue;
      if (entersQueue(paper.status, status)) ranksBefore[paper.id] = paper.rank;
      ctx.store.replace({
        ...paper,
        status,
        history: [...paper.history, { status, at: now }],
        updatedAt: now,
        rank: rankAfter(ctx, paper, status, ranks),
      });
      changed.push(paper.id);
    }
    ctx.changed(changed);
    // The ids only, not the papers: the whole inbox dismissed answered 88 MB of papers no caller read.
    return { updated: changed.length, ids: changed, ranksBefore, numbering: numberingOf(ctx) };
  },
});

/**
 * Keeping a paper from the inbox (or bringing it back from the dismissed) puts it at the end of the queue; an
 * undo of that puts it back at the place it had (`ranks`); any other change leaves its place as it is.
 */
function rankAfter(
  ctx: CommandContext,
  paper: Paper,
  status: Status,
  ranks: Record<string, number> | undefined,
): number {
  if (entersQueue(paper.status, status)) return ctx.store.nextRank();
  if (ranks && Object.hasOwn(ranks, paper.id) && entersQueue(status, paper.status)) return ranks[paper.id]!;
  return paper.rank;
}

/** Whether every id of `some` is among `ids`. */
function namesOnly(some: string[], ids: string[]): boolean {
  const named = new Set(ids);
  return some.every((id) => named.has(id));
}

/** A change that puts a paper at the end of the queue: kept from the inbox, or from the dismissed. */
function entersQueue(from: Status, to: Status): boolean {
  return to === 'queued' && (from === 'inbox' || from === 'dismissed');
}

export const papersReorder = defineCommand({
  kind: 'mutation',
  summary:
    'Move papers (in the given order) to just before another paper, or to the end with before: null; ' +
    'or, to undo a move, put papers back at the places (ranks) its answer named.',
  // One object, not a union: a union's refusal named only one of its members' complaints ("Invalid input", or
  // the stray key of one), where a person needs to hear which two ways there are.
  input: z
    .strictObject({
      ids: IdsSchema.optional(),
      before: IdSchema.nullable().optional(),
      ranks: recordOf(IdSchema, RankSchema)
        .refine((ranks) => Object.keys(ranks).length > 0, { message: 'name at least one paper' })
        .refine((ranks) => Object.keys(ranks).length <= MAX_PAPERS, { message: `name at most ${MAX_PAPERS} papers` })
        .optional(),
      numbering: NumberingSchema.optional(),
    })
    .superRefine(({ ids, before, ranks, numbering }, issues) => {
      const both = 'give either ids and before (a move) or ranks (an undo of a move), not both';
      const need = (path: string, what: string) => issues.addIssue({ code: 'custom', path: [path], message: what });
      if (numbering !== undefined && ranks === undefined) need('numbering', 'only with ranks (an undo of a move)');
      if (ranks !== undefined) {
        if (ids !== undefined) need('ids', both);
        else if (before !== undefined) need('before', both);
        return;
      }
      if (ids === undefined) need('ids', 'required: the papers to move (or ranks, to undo a move)');
      if (before === undefined) need('before', 'required: the paper to move them before, or null for the end');
    }),
  run(ctx, input) {
    const now = ctx.now().toISOString();
    if (input.ranks) {
      if (input.numbering !== undefined && input.numbering !== numberingOf(ctx)) {
        throw new CommandError(
          'CONFLICT',
          'The queue has been renumbered since that move (or the library opened again), so its old places no ' +
            'longer name the same spots: move the paper by hand.',
        );
      }
      // Each named paper found first (an id sync merged away names the paper it became), then each given its place.
      const placed = new Map<string, Paper>();
      for (const [id, rank] of Object.entries(input.ranks)) {
        const paper = requirePaper(ctx, id);
        placed.set(paper.id, { ...paper, rank, updatedAt: now });
      }
      for (const paper of placed.values()) ctx.store.replace(paper);
      ctx.changed([...placed.keys()]);
      return { moved: placed.size, ranksBefore: {}, numbering: numberingOf(ctx) };
    }
    // Both given: the input's check refuses a move without them.
    const ids = input.ids ?? [];
    const before = input.before ?? null;
    const moving = ids.map((id) => requirePaper(ctx, id));
    if (before !== null && ids.includes(before)) {
      throw new CommandError('INVALID_INPUT', 'A paper cannot be moved before itself.');
    }
    let ranks = ranksBetween(ctx, new Set(ids), before, moving.length);
    if (!ranks) {
      renumberRanks(ctx);
      ranks = ranksBetween(ctx, new Set(ids), before, moving.length)!;
    }
    // The place each had (after a renumbering, in the new numbers, which keep the order): an undo sends them back.
    const ranksBefore: Record<string, number> = {};
    for (const id of ids) ranksBefore[id] = requirePaper(ctx, id).rank;
    moving.forEach((paper, i) => ctx.store.replace({ ...paper, rank: ranks[i]!, updatedAt: now }));
    ctx.changed(ids);
    return { moved: ids.length, ranksBefore, numbering: numberingOf(ctx) };
  },
});

/** Evenly spaced ranks in the gap before `before`; undefined when the gap is too narrow for floats. */
function ranksBetween(
  ctx: CommandContext,
  moving: Set<string>,
  before: string | null,
  count: number,
): number[] | undefined {
  const upper = before === null ? ctx.store.nextRank() + count : requirePaper(ctx, before).rank;
  let lower = before === null ? ctx.store.nextRank() - 1 : -Infinity;
  if (before !== null) {
    for (const paper of ctx.store.all()) {
      if (!moving.has(paper.id) && paper.rank < upper && paper.rank > lower) lower = paper.rank;
    }
    if (lower === -Infinity) lower = upper - count - 1;
  }
  const step = (upper - lower) / (count + 1);
  if (!(step > 1e-6)) return undefined;
  return Array.from({ length: count }, (_, i) => lower + step * (i + 1));
}

function renumberRanks(ctx: CommandContext): void {
  numberings.set(ctx.store, newNumbering());
  const ordered = [...ctx.store.all()].sort((a, b) => a.rank - b.rank);
  ordered.forEach((paper, i) => {
    if (paper.rank !== i + 1) ctx.store.replace({ ...paper, rank: i + 1 });
  });
}
