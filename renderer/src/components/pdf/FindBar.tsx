import { useEffect, useRef } from 'react';
import type { Found } from './use-find';

type Props = {
  query: string;
  found: Found;
  active: number;
  onQuery: (query: string) => void;
  onStep: (direction: 1 | -1) => void;
  onClose: () => void;
  /** Changes each time Ctrl/⌘+F is pressed, to focus and select the field again. */
  focusToken: number;
};

/**
 * Find in the document: the field, how many hits, next and previous (Enter, Shift+Enter), Escape closes. Under
 * them, when some or all of the document's text could not be read, a line saying which and why.
 */
export function FindBar({ query, found, active, onQuery, onStep, onClose, focusToken }: Props) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [focusToken]);
  const count = found.hits.length;
  const unread = found.unread ?? [];
  const status = !query.trim()
    ? ''
    : found.unsearchable !== undefined
      ? 'Not searched'
      : found.password
        ? 'Waiting for the password'
        : count === 0
          ? found.done
            ? unread.length
              ? 'No matches in the pages read'
              : 'No matches'
            : 'Searching…'
          : active < 0
            ? `Searching… ${count} found before this page`
            : `${Math.min(active + 1, count)} of ${count}${found.done ? '' : '+'}${found.word ? ` for ‘${found.word}’` : ''}`;
  const note =
    found.unsearchable !== undefined
      ? `The PDF’s text could not be searched: ${found.unsearchable}.`
      : unread.length
        ? unreadNote(unread)
        : '';
  return (
    <div className="pdf-find" role="search" aria-label="Find in the PDF">
      <input
        ref={field}
        className="pdf-find-field"
        type="search"
        aria-label="Find in the PDF"
        placeholder="Find in the PDF"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="pdf-find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        className="button small ghost"
        aria-label="Previous match (Shift+Enter)"
        title="Previous match (Shift+Enter)"
        disabled={count === 0}
        onClick={() => onStep(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button small ghost"
        aria-label="Next match (Enter)"
        title="Next match (Enter)"
        disabled={count === 0}
        onClick={() => onStep(1)}
      >
        ↓
      </button>
      <button type="button" className="button small ghost" aria-label="Close find (Esc)" onClick={onClose}>
        ✕
      </button>
      {note && (
        <p className="pdf-find-note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}

/** The most pages an unread note names one by one. */
const NAMED = 6;

/** "Page 4's text could not be read…", for the pages (0-based) find skipped. */
export function unreadNote(pages: readonly number[]): string {
  if (pages.length === 1) return `Page ${pages[0]! + 1}’s text could not be read, so it was not searched.`;
  const numbers = pages.slice(0, NAMED).map((page) => String(page + 1));
  const more = pages.length - numbers.length;
  const list = more
    ? `${numbers.join(', ')} and ${more} more`
    : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)!}`;
  return `The text of pages ${list} could not be read, so they were not searched.`;
}
