import { useApp } from '../store';

/**
 * Above a search answered from the titles and authors alone: the library's index is still being built or
 * read (the first seconds of a large library), and the list asks again until it is in.
 */
export function SearchNote() {
  const titlesOnly = useApp((s) => s.titlesOnly && s.search.trim() !== '');
  if (!titlesOnly) return null;
  return (
    <div className="search-note" role="status">
      <p>
        Searching titles and authors for now. Abstracts, notes and highlights join in a moment, and this list will
        update.
      </p>
    </div>
  );
}
