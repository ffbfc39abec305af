import { normaliseTags } from './paper';
import type { Paper } from './schema';

/**
 * A stub is what a pasted arXiv id or DOI makes: identity and maybe a title, no abstract. Completed by hand
 * until it names a paper the library already has, it is the same paper twice.
 */
export const isStub = (paper: Paper): boolean => paper.abstract.trim() === '';

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
