import { z } from 'zod';
import { defineCommand, type CommandContext } from '../command';
import { parseArxivId, parseDoi } from '../identifiers';
import { linksFrom } from '../importers/links';
import { foreground } from '../foreground';
import { createPaper } from '../paper';
import { ListQuerySchema, queryPage, searchCorrections, type ListQuery } from '../query';
import { searchedRows, toRow } from '../rows';
import type { Catalog } from '../search/catalog';
import { isStub, mergeStub } from '../stub-merge';
import { matchWords } from '../search/snippet';
import { shortTitle } from '../text';

/** Pages up to this many rows carry where a search matched (the list asks for LIST_PAGE_ROWS). */
const MATCHED_ROWS = 1000;
import { CommandError, notFound } from '../result';
import { LinkSchema, StatusSchema, type Paper } from '../schema';
import { trashUnused } from './attachments';
import { Bounded, IdSchema, IdsSchema } from './inputs';

export function requirePaper(ctx: CommandContext, id: string): Paper {
  const paper = ctx.store.get(id);
  if (!paper) throw notFound('paper', id);
  return paper;
}

const EditableFields = z.strictObject({
  title: Bounded.title.min(1),
  authors: z.array(Bounded.name).max(2000),
  abstract: Bounded.longText,
  year: z.number().int().min(1000).max(3000),
  venue: Bounded.line,
  doi: Bounded.line,
  arxivId: Bounded.line,
  url: Bounded.url,
  // Strict like every command input: an unknown key inside a link is refused, not silently dropped.
  links: z.array(z.strictObject(LinkSchema.shape)).max(100),
});

/**
 * An identifier as typed, refused by the input check when the library's reader finds none in it (quoting what
 * was sent), so that every refused field of an edit is named at once, bounds and identifiers alike.
 */
function identifier(what: string, parse: (text: string) => string | undefined, { orEmpty = false } = {}) {
  return Bounded.line.refine((text) => (orEmpty && !text) || parse(text) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not ${what}.`,
  });
}
const ArxivIdInput = (options?: { orEmpty: boolean }) => identifier('an arXiv id', parseArxivId, options);
const DoiInput = (options?: { orEmpty: boolean }) => identifier('a DOI', parseDoi, options);

const ListInput = ListQuerySchema.default({ status: 'all', sort: 'queue', offset: 0 });

/**
 * Before a search: the PDFs' cached text joins the index. The CLI, which cannot ask again (run here, or its
 * command forwarded to the app holding the library), and an export (`whole`) also wait for the index itself if
 * it is still being built or read; a page gets the titles' answer meanwhile, marked `titlesOnly`, and asks again.
 */
export async function readyToSearch(
  ctx: CommandContext,
  query: { text?: string },
  { whole = !foreground.servesPages || ctx.caller === 'host' } = {},
): Promise<void> {
  if (!query.text) return;
  await ctx.store.pdfTextsCached;
  // Waited for as background work: meanwhile it does not hold back for the request (the papers' hand-over to
  // the index's thread would otherwise take one slice every 2 s while this request runs).
  if (whole) await foreground.waitFor(ctx.store.catalog.search.whenReady());
}

/** The page of papers a list query selects, and how many match in all. */
export function runQuery(
  ctx: CommandContext,
  query: z.output<typeof ListInput>,
): { total: number; page: Paper[]; titlesOnly: boolean } {
  // The catalog's search index and kept sort orders build only the requested page.
  return queryPage(ctx.store.catalog, query);
}

export const papersList = defineCommand({
  kind: 'query',
  summary: 'List papers, filtered by status, tag, source or text and sorted.',
  input: ListInput,
  async run(ctx, query) {
    await readyToSearch(ctx, query);
    const { total, page, titlesOnly } = runQuery(ctx, query);
    return { total, papers: page, titlesOnly };
  },
});

/** The search's words read as typos and the spellings found (query.ts), when it read any. */
function correctionsOf(catalog: Catalog, query: ListQuery): { corrections?: ReturnType<typeof searchCorrections> } {
  const corrections = searchCorrections(catalog, query);
  return corrections.length > 0 ? { corrections } : {};
}

export const papersRows = defineCommand({
  kind: 'query',
  summary: 'Like papers.list, but light rows for a list view (no abstract, note or history).',
  input: ListInput,
  async run(ctx, query) {
    await readyToSearch(ctx, query);
    const result = queryPage(ctx.store.catalog, query);
    // A searched page of the list says, row by row, where the words matched (in the PDF: on which page); a
    // request for every row does not.
    const terms =
      query.text && query.limit !== undefined && query.limit <= MATCHED_ROWS ? matchWords(query.text) : undefined;
    return {
      total: result.total,
      // The index is still being built or read: the search found what the titles and authors have (ask again).
      titlesOnly: result.titlesOnly,
      // The words read as typos, with the spellings found: asked with a list's first page.
      ...(terms && !query.offset && correctionsOf(ctx.store.catalog, query)),
      rows:
        terms?.words.length || terms?.authors ? searchedRows(ctx.store.catalog, result, terms) : result.page.map(toRow),
    };
  },
});

export const papersIds = defineCommand({
  kind: 'query',
  summary: 'The ids a list query selects, in its order (offset, limit), and how many match in all.',
  input: ListInput,
  async run(ctx, query) {
    await readyToSearch(ctx, query);
    const { total, page, titlesOnly } = runQuery(ctx, query);
    return {
      total,
      ids: page.map((paper) => paper.id),
      titlesOnly,
      ...(!query.offset && correctionsOf(ctx.store.catalog, query)),
    };
  },
});

export const papersRowsOf = defineCommand({
  kind: 'query',
  summary: 'The list rows of the given papers, in the given order; ids no longer in the library are left out.',
  input: z.strictObject({ ids: z.array(IdSchema).min(1).max(1000) }),
  run(ctx, { ids }) {
    const rows = [];
    for (const id of ids) {
      const paper = ctx.store.get(id);
      if (paper) rows.push(toRow(paper));
    }
    return { rows };
  },
});

export const papersGet = defineCommand({
  kind: 'query',
  summary: 'One paper with its note and annotations.',
  input: z.strictObject({ id: IdSchema }),
  run: (ctx, { id }) => requirePaper(ctx, id),
});

/** Shorter prefixes are refused even when one paper has them: a slip of one key must not pick a paper to change. */
const MIN_ID_PREFIX = 3;
/** An ambiguous prefix names this many of the papers it fits. */
const NAMED_CANDIDATES = 5;

export const papersResolve = defineCommand({
  kind: 'query',
  summary: 'Find a paper by id, unique id prefix, arXiv id or DOI.',
  input: z.strictObject({ ref: Bounded.line.min(1) }),
  run(ctx, { ref }) {
    const wanted = ref.trim();
    if (ctx.store.get(wanted)) return { id: wanted };
    const arxivId = parseArxivId(wanted);
    const doi = parseDoi(wanted);
    const prefix = wanted.toLowerCase();
    const found: Paper[] = [];
    for (const paper of ctx.store.all()) {
      if ((arxivId && paper.arxivId === arxivId) || (doi && paper.doi?.toLowerCase() === doi.toLowerCase()))
        return { id: paper.id };
      if (paper.id.startsWith(prefix)) found.push(paper);
    }
    if (found.length === 1 && prefix.length >= MIN_ID_PREFIX) return { id: found[0]!.id };
    if (found.length > 1) {
      const named = found.slice(0, NAMED_CANDIDATES).map(candidate).join(', ');
      const more = found.length > NAMED_CANDIDATES ? ` and ${found.length - NAMED_CANDIDATES} more` : '';
      throw new CommandError(
        'CONFLICT',
        `"${wanted}" is ambiguous: ${found.length} papers' ids start with it (${named}${more}); give more of the id.`,
      );
    }
    if (found.length === 1) {
      throw new CommandError(
        'INVALID_INPUT',
        `"${wanted}" is too short for an id: give at least ${MIN_ID_PREFIX} characters (${candidate(found[0]!)}).`,
      );
    }
    throw notFound('paper', wanted);
  },
});

const candidate = (paper: Paper): string => `${paper.id} “${shortTitle(paper.title.trim() || 'Untitled')}”`;

export const papersAdd = defineCommand({
  kind: 'mutation',
  summary: 'Add one paper by hand; refuses a duplicate (same arXiv id, DOI or title).',
  input: EditableFields.partial().extend({
    title: Bounded.title.min(1),
    arxivId: ArxivIdInput({ orEmpty: true }).optional(),
    doi: DoiInput({ orEmpty: true }).optional(),
    tags: z.array(Bounded.tag).max(100).optional(),
    status: StatusSchema.optional(),
  }),
  run(ctx, input) {
    // The input check refused what holds no identifier.
    const arxivId = input.arxivId ? parseArxivId(input.arxivId) : undefined;
    const doi = input.doi ? parseDoi(input.doi) : undefined;
    const draft = { ...input, arxivId, doi, links: input.links ?? linksFrom(input.abstract ?? '') };
    const existing = ctx.store.findDuplicate(draft);
    if (existing) throw new CommandError('CONFLICT', `This paper is already in the library (id ${existing}).`);
    const now = ctx.now().toISOString();
    const paper = createPaper(
      draft,
      { format: 'manual', name: 'Added by hand', importedAt: now },
      ctx.store.nextRank(),
      now,
    );
    ctx.store.insert(paper);
    ctx.changed([paper.id]);
    return paper;
  },
});

export const papersUpdate = defineCommand({
  kind: 'mutation',
  summary: "Edit a paper's metadata (title, authors, abstract, year, venue, identifiers, links).",
  // Every refused field is named at once (the identifiers' checks are part of the input check), each at its path.
  input: z.strictObject({
    id: IdSchema,
    patch: EditableFields.partial().extend({ arxivId: ArxivIdInput().optional(), doi: DoiInput().optional() }),
  }),
  run(ctx, { id, patch }) {
    const paper = requirePaper(ctx, id);
    const next: Paper = { ...paper, ...withoutUndefined(patch), updatedAt: ctx.now().toISOString() };
    // Read as the library keeps them; the input check refused what holds none.
    if (patch.arxivId !== undefined) next.arxivId = parseArxivId(patch.arxivId);
    if (patch.doi !== undefined) next.doi = parseDoi(patch.doi);
    // A title shared with a work kept apart on import is no clash until the title itself is changed.
    const identity = patch.title !== undefined && patch.title !== paper.title ? next : { ...next, title: '' };
    const clash = [...ctx.store.duplicatesOf(identity)].find((other) => other !== id);
    if (clash) {
      const other = requirePaper(ctx, clash);
      // A stub completed by hand (a pasted arXiv id) that turns out to be a paper already here joins it.
      if (!isStub(paper)) {
        throw new CommandError('CONFLICT', `“${other.title}” (id ${clash}) already has this arXiv id, DOI or title.`);
      }
      const merged = mergeStub(next, other, next.updatedAt);
      ctx.store.remove(id);
      ctx.store.replace(merged);
      ctx.changed([id, clash]);
      return merged;
    }
    ctx.store.replace(next);
    ctx.changed([id]);
    return next;
  },
});

export const papersRemove = defineCommand({
  kind: 'mutation',
  summary: 'Delete papers with their notes and annotations.',
  input: z.strictObject({ ids: IdsSchema }),
  async run(ctx, { ids }) {
    const hashes = new Set<string>();
    for (const id of ids) for (const a of requirePaper(ctx, id).attachments ?? []) hashes.add(a.hash);
    for (const id of ids) ctx.store.remove(id);
    ctx.changed(ids);
    // Their PDFs wait in the trash for 30 days, unless another paper has them too.
    await trashUnused(ctx, hashes);
    return { removed: ids.length };
  },
});

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
