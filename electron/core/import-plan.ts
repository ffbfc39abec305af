import { joinTitle } from './importers/title-parts';
import { BIBLIOGRAPHIC, createPaper, type PaperDraft } from './paper';
import type { ImportProblem, ParsedImport } from './importers/types';
import type { Link, Paper, Source } from './schema';
import type { LibraryStore } from './store/store';
import { squashSpace, titleKey } from './text';

/** What importing each entry would do; shown as the preview, then applied as it is. */
export type PlannedEntry =
  | { kind: 'new'; title: string; draft: PaperDraft }
  /** `fills`: the fields the paper lacks and this entry would fill in; none when it would change nothing. */
  | { kind: 'duplicate'; title: string; existingId: string; fills: string[] }
  | { kind: 'error'; where: string; message: string };

/** Decide, without changing the library, what each parsed entry becomes. */
export function planImport(store: LibraryStore, parsed: ParsedImport): PlannedEntry[] {
  const plan: PlannedEntry[] = parsed.problems.map((p) => ({ kind: 'error', ...p }));
  // Entries of the same file may repeat each other: the first one wins, later ones are duplicates of it.
  const pending = new Map<string, string>();
  for (const draft of parsed.drafts) {
    const existingId = store.findDuplicate(draft);
    if (existingId) {
      const existing = store.get(existingId)!;
      const fills = fillsFor(existing, draft);
      // As applyImport will: details that would make the paper a duplicate of another are not filled in.
      const fillable = Object.keys(fills).length > 0 && !clashes(store, { ...existing, ...fills });
      plan.push({
        kind: 'duplicate',
        title: existing.title,
        existingId,
        fills: fillable ? Object.keys(fills).filter((field) => field !== 'needsMetadata') : [],
      });
      continue;
    }
    const key = batchKeys(draft).find((k) => pending.has(k));
    if (key) {
      plan.push({ kind: 'duplicate', title: draft.title, existingId: pending.get(key)!, fills: [] });
      continue;
    }
    for (const k of batchKeys(draft)) pending.set(k, draft.title);
    plan.push({ kind: 'new', title: draft.title, draft });
  }
  return plan;
}

/** Entries applied between two progress reports. */
const PROGRESS_EVERY = 500;

/** `untitled`: papers added without a title (shown as "Untitled"; an empty title is never a duplicate key). */
export type ImportOutcome = {
  added: string[];
  duplicates: number;
  merged: string[];
  untitled: number;
  problems: ImportProblem[];
};

/** Apply a plan: add new papers, fill empty fields of duplicates (never their status, note, tags or highlights). */
export async function applyImport(
  store: LibraryStore,
  parsed: ParsedImport,
  source: Source,
  now: string,
  progress: (done: number, total: number) => void = () => undefined,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], duplicates: 0, merged: [], untitled: 0, problems: [...parsed.problems] };
  const total = parsed.drafts.length;
  for (const [done, draft] of parsed.drafts.entries()) {
    // A big import lets the host answer other requests and report progress between chunks.
    if (done > 0 && done % PROGRESS_EVERY === 0) {
      progress(done, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const existingId = store.findDuplicate(draft);
    if (existingId) {
      outcome.duplicates++;
      const existing = store.get(existingId)!;
      const fills = fillsFor(existing, draft);
      const merged: Paper = { ...existing, ...fills };
      if (Object.keys(fills).length > 0 && !clashes(store, merged)) {
        store.replace({ ...merged, updatedAt: now });
        outcome.merged.push(existingId);
      }
      continue;
    }
    // A backup's id may already belong to another paper of this library.
    const fresh = draft.id && store.get(draft.id) ? { ...draft, id: undefined } : draft;
    const paper = createPaper(fresh, source, store.nextRank(), now);
    store.insert(paper);
    outcome.added.push(paper.id);
    if (paper.title === '') outcome.untitled++;
  }
  if (total > PROGRESS_EVERY) progress(total, total);
  return outcome;
}

/** The fields a duplicate entry can fill in: only those the paper lacks. */
function fillsFor(existing: Paper, draft: PaperDraft): Partial<Paper> {
  const fills: Partial<Paper> = {};
  if (existing.needsMetadata && !draft.needsMetadata && draft.title.trim()) {
    fills.title = draft.title;
    fills.needsMetadata = false;
  }
  // The parts of the title, when they make the title the paper shows (or is about to take).
  const title = squashSpace(fills.title ?? existing.title);
  const parts = draft.titleParts;
  if (!existing.titleParts && parts && squashSpace(joinTitle(parts.main, parts.subtitle, parts.addon)) === title) {
    fills.titleParts = parts;
  }
  if (existing.authors.length === 0 && draft.authors?.length) fills.authors = draft.authors;
  if (!existing.abstract && draft.abstract) fills.abstract = draft.abstract;
  if (existing.year === undefined && draft.year !== undefined) fills.year = draft.year;
  for (const field of ['venue', 'doi', 'arxivId', 'url', 'citationKey', ...BIBLIOGRAPHIC] as const) {
    if (!existing[field] && draft[field]) fills[field] = draft[field];
  }
  if (!existing.keywords?.length && draft.keywords?.length) fills.keywords = draft.keywords;
  const newLinks: Link[] = (draft.links ?? []).filter((l) => !existing.links.some((e) => e.url === l.url));
  if (newLinks.length) fills.links = [...existing.links, ...newLinks];
  return fills;
}

/** True when the merged identifiers would make the paper a duplicate of a different one. */
function clashes(store: LibraryStore, merged: Paper): boolean {
  return [...store.duplicatesOf(merged)].some((id) => id !== merged.id);
}

function batchKeys(draft: PaperDraft): string[] {
  const keys: string[] = [];
  if (draft.arxivId) keys.push(`a:${draft.arxivId}`);
  if (draft.doi) keys.push(`d:${draft.doi}`);
  const title = titleKey(draft.title);
  if (title) keys.push(`t:${title}`);
  return keys;
}
