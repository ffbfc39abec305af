import './narrow-layout.css';

/**
 * The "?" beside the search box: the search syntax, whole, in a popover (the HTML popover: it closes on
 * Escape or a click elsewhere, and Tab goes from the button into it). The box's placeholder shows as much of
 * the syntax as fits its width (search-placeholder.ts); this keeps all of it a key or a click away.
 */
export function SearchHelp() {
  return (
    <>
      <button
        type="button"
        className="button search-help-button"
        aria-label="Search syntax"
        title="Search syntax"
        popoverTarget="search-help"
        onKeyDown={(event) => {
          // Escape closes the popover, not the paper open in the details pane too (useKeyboard).
          if (event.key === 'Escape' && document.getElementById('search-help')?.matches(':popover-open'))
            event.stopPropagation();
        }}
      >
        ?
      </button>
      <div id="search-help" className="search-help" popover="auto" role="note" aria-label="Search syntax">
        <p className="search-help-lead">
          Searches titles, authors, abstracts, notes, highlights and attached PDFs. Press <kbd>/</kbd> to search.
        </p>
        <ul>
          <li>
            <code>words</code> every word must match a word’s start, in any case or accent
          </li>
          <li>
            <code>"a phrase"</code> the words side by side, in that order
          </li>
          <li>
            <code>author:knuth</code> <code>author:"van der Berg"</code> an author
          </li>
          <li>
            <code>#ml</code> <code>tag:ml</code> a tag
          </li>
          <li>
            <code>-survey</code> <code>-"red giant"</code> <code>-author:knuth</code> <code>-#ml</code> a dash keeps
            those papers out
          </li>
        </ul>
      </div>
    </>
  );
}
