import { useEffect, useRef, useState, type ReactNode } from 'react';
import { viewTitle } from '../labels';
import { onPasteRequest } from '../shortcuts';
import { useApp, useAppStore } from '../store';
import { ExportMenu } from './ExportMenu';
import { PasteDialog } from './PasteDialog';
import { SearchHelp } from './SearchHelp';
import { useFittingPlaceholder } from './search-placeholder';
import type { ListSort } from '../store/types';

const SORT_LABELS: Record<ListSort, string> = {
  foryou: 'For you',
  queue: 'Queue order',
  added: 'Date added',
  title: 'Title',
  year: 'Year',
  updated: 'Last changed',
};

/** `lead`: what comes before the view's title (the library's toggle while the sidebar is folded away). */
export function Toolbar({ lead }: { lead?: ReactNode } = {}) {
  const view = useApp((s) => s.view);
  const total = useApp((s) => s.total);
  const loading = useApp((s) => s.loading);
  // A search answered from the titles alone (the index still being read or built): more may come.
  const soFar = useApp((s) => s.titlesOnly && s.search.trim() !== '');
  const sort = useApp((s) => s.sort);
  const inInbox = view.kind === 'status' && view.status === 'inbox';
  const setSort = useApp((s) => s.setSort);
  const setSearch = useApp((s) => s.setSearch);
  const previewFiles = useApp((s) => s.previewFiles);
  const setOverlay = useApp((s) => s.setOverlay);
  const [text, setText] = useState('');
  const [pasting, setPasting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const placeholder = useFittingPlaceholder(searchBox);

  useEffect(() => onPasteRequest(() => setPasting(true)), []);

  // A search cleared or set from elsewhere (the detail pane's "Clear the search", a typo's "Search for …"): the
  // box too. The box's own text reaches the store only once it stopped changing, so it is never overwritten.
  const store = useAppStore();
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.search !== previous.search)
          setText((typed) => (typed.trim() === state.search.trim() ? typed : state.search));
      }),
    [store],
  );

  // Filter as the user types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text), 120);
    return () => clearTimeout(timer);
  }, [text, setSearch]);

  return (
    <header className="toolbar">
      <div className="toolbar-row">
        {lead}
        <div className="toolbar-title">
          <h1>{viewTitle(view)}</h1>
          <span className="count" aria-live="polite">
            {loading && total === 0
              ? ''
              : `${total.toLocaleString()} ${total === 1 ? 'paper' : 'papers'}${soFar ? ' so far' : ''}`}
          </span>
        </div>
        {/* On a narrow window the buttons move under the title rather than squeeze it. */}
        <div className="toolbar-actions">
          <button type="button" className="button" title="One paper at a time (t)" onClick={() => setOverlay('triage')}>
            Triage
          </button>
          <ExportMenu />
          <button
            type="button"
            className="button"
            title="Paste a digest, ids, DOIs or BibTeX"
            onClick={() => setPasting(true)}
          >
            Paste…
          </button>
          <button type="button" className="button primary" onClick={() => fileInput.current?.click()}>
            Import…
          </button>
        </div>
      </div>
      <div className="toolbar-row">
        <input
          id="search"
          className="search"
          type="search"
          ref={searchBox}
          placeholder={placeholder}
          title='Searches titles, authors, abstracts, notes, highlights and attached PDFs. Every word must match (word starts, any case or accent); "words in quotes" must match side by side, in that order; author:knuth or author:"van der Berg" narrows to an author, tag:ml or #ml to a tag; a dash before any of them keeps its papers out: -survey, -"red giant", -author:knuth, -#ml'
          aria-label="Search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <SearchHelp />
        <select
          className="sort"
          aria-label="Sort by"
          value={inInbox || sort !== 'foryou' ? sort : 'queue'}
          onChange={(e) => setSort(e.target.value as ListSort)}
        >
          {Object.entries(SORT_LABELS)
            .filter(([value]) => inInbox || value !== 'foryou')
            .map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
        </select>
      </div>
      {pasting && <PasteDialog onClose={() => setPasting(false)} />}
      <input
        ref={fileInput}
        type="file"
        hidden
        aria-label="Import a file"
        accept=".txt,.md,.json,.bib,.bibtex,.ris,.html,.htm,.pdf,text/plain,application/pdf"
        multiple
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length) void previewFiles(files);
          e.target.value = '';
        }}
      />
    </header>
  );
}
