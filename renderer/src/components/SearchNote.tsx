import { useApp } from '../store';
import type { Corrections } from '../store/types';

/**
 * Above a search answered from the titles and authors alone: the library's index is still being built or
 * read (the first seconds of a large library), and the list asks again until it is in. Above a search whose
 * words no paper has as typed: which spellings it took instead, and the likeliest to search for.
 */
export function SearchNote() {
  const titlesOnly = useApp((s) => s.titlesOnly && s.search.trim() !== '');
  const corrections = useApp((s) => (s.search.trim() !== '' ? s.corrections : undefined));
  if (titlesOnly) {
    return (
      <div className="search-note" role="status">
        <p>
          Searching titles and authors for now. Abstracts, notes and highlights join in a moment, and this list will
          update.
        </p>
      </div>
    );
  }
  if (corrections?.length) return <TypoNote corrections={corrections} />;
  return null;
}

const quoted = (words: readonly string[]): string => listed(words.map((word) => `“${word}”`));

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function TypoNote({ corrections }: { corrections: Corrections }) {
  const search = useApp((s) => s.search);
  const setSearch = useApp((s) => s.setSearch);
  const meant = correctedSearch(search, corrections);
  const spellings = corrections.flatMap((correction) => correction.spellings);
  return (
    <div className="search-note ranking-note typo-note" role="status">
      <p>
        No paper has {quoted(corrections.map((correction) => correction.word))} as typed: showing papers with a word one
        letter away ({listed(spellings)}).
      </p>
      {meant && (
        <button type="button" className="linkish" onClick={() => setSearch(meant)}>
          Search for “{meant}”
        </button>
      )}
    </div>
  );
}

/**
 * The search with each word read as a typo replaced by its likeliest spelling, where the word can be found in
 * the text as typed (case aside); undefined when one cannot.
 */
export function correctedSearch(search: string, corrections: Corrections): string | undefined {
  let text = search.trim();
  for (const { word, spellings } of corrections) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const at = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?=$|[^\\p{L}\\p{N}])`, 'iu');
    if (!at.test(text)) return undefined;
    text = text.replace(at, (_, before: string) => `${before}${spellings[0]}`);
  }
  return text;
}
