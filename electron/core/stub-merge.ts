import { normaliseTags } from './paper';
import type { Paper } from './schema';

/**
 * A stub is what a pasted arXiv id or DOI makes: identity and maybe a title, no abstract. Completed by hand
 * until it names a paper the library already has, it is the same paper twice.
 */
export const isStub = (paper: Paper): boolean => paper.abstract.trim() === '';

// The title an id list gives a paper it knows only by its identifier (importers/id-list.ts): "arXiv:2401.00001",
// "doi:10.1000/xyz". The old arXiv ids ("hep-th/9901001") too; an id has no space.
const PLACEHOLDER_TITLE = /^(?:arxiv:(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})|doi:10\.\d{4,9}\/\S+)$/i;

/**
 * True for a title that is only a placeholder for a paper's identifier: it names no subject, so the relevance
 * model does not read it and a citation key is made from the identifier. One character compared for most titles.
 */
export function isPlaceholderTitle(title: string): boolean {
  const first = title.charCodeAt(0) | 0x20;
  return (first === 97 || first === 100) && PLACEHOLDER_TITLE.test(title);
}

/**
 * A paper known by its arXiv id or DOI alone (pasted offline): its title is still the id's placeholder. A later
 * import of a digest, .bib, .ris or CSL-JSON that holds it fills in its title, authors, year and abstract
 * (import-plan.ts's fillsFor: a needsMetadata paper takes the entry's title).
 */
export const isIdOnly = (paper: Pick<Paper, 'title' | 'abstract'>): boolean =>
  paper.abstract.trim() === '' && isPlaceholderTitle(paper.title);

/**
 * `into` (the paper the library already had) after taking in what a person did to `stub`: its note (added
 * after any note already there), tags, status (a decision beats the inbox an import gives) with its history,
 * and its highlights as lines of the note (their places were in the stub's own title). Nothing typed is lost.
 */
export function mergeStub(stub: Paper, into: Paper, now: string): Paper {
  const highlights = stub.annotations.map((a) => `> ${a.quote}${a.comment ? `\n\n${a.comment}` : ''}`);
  const words = [stub.note.trim(), ...highlights].filter(Boolean).join('\n\n');
  const note = !words ? into.note : into.note.trim() ? `${into.note.trimEnd()}\n\n${words}` : words;
  const decided = into.status === 'inbox' && stub.status !== 'inbox';
  const history = decided
    ? [...into.history, ...stub.history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    : into.history;
  return {
    ...into,
    note,
    tags: normaliseTags([...into.tags, ...stub.tags]),
    status: decided ? stub.status : into.status,
    rank: decided ? stub.rank : into.rank,
    history,
    updatedAt: now,
  };
}
