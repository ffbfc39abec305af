import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../store';
import { NOTHING_TO_EXPORT } from '../store/library-slice';
import type { ExportFormat } from '../store/types';

const FORMATS: { format: ExportFormat; notes?: boolean; label: string; hint: string }[] = [
  { format: 'bibtex', label: 'BibTeX', hint: '.bib for LaTeX, JabRef, Zotero' },
  { format: 'ris', label: 'RIS', hint: 'EndNote, Mendeley, Zotero' },
  { format: 'csl-json', label: 'CSL-JSON', hint: 'Zotero, Pandoc' },
  { format: 'csv', label: 'CSV', hint: 'spreadsheets: status, dates, tags' },
  // As `paperqueue export --format markdown --out DIR` writes them: into a folder picked (the desktop app), or zipped.
  { format: 'markdown', notes: true, label: 'Markdown notes', hint: 'Obsidian, a note per paper' },
  { format: 'markdown', label: 'Markdown, one file', hint: 'all papers in one document' },
  { format: 'json', label: 'Backup (JSON)', hint: 'everything, restorable' },
];

/** Export the picked papers, or else what the list shows, in one of the formats. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const exportPapers = useApp((s) => s.exportPapers);
  const picked = useApp((s) => s.checked.length);
  const total = useApp((s) => s.total);
  const loading = useApp((s) => s.loading);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // The item a key that opened the menu goes to once it is drawn (a menu button's keys: WAI-ARIA APG).
  const focusOnOpen = useRef<'first' | 'last' | undefined>(undefined);
  const captionId = useId();
  const itemsOf = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const menuRef = (menu: HTMLDivElement | null) => {
    const which = focusOnOpen.current;
    if (!menu || !which) return;
    focusOnOpen.current = undefined;
    const items = itemsOf(menu);
    (which === 'first' ? items[0] : items.at(-1))?.focus();
  };
  /** Arrows (and Home, End) go round the items; Escape closes the menu and goes back to its button. */
  const onMenuKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const items = itemsOf(event.currentTarget);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to !== undefined) {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };
  // One picked paper does not count as a pick: the list is exported then, as exportPapers does.
  const empty = picked <= 1 && total === 0 && !loading;

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => box.current?.contains(event.target as Node) || setOpen(false);
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  return (
    <div
      className="menu-anchor"
      ref={box}
      // The focus gone elsewhere (Tab past the last item, Shift+Tab past the button): the menu closes behind it.
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={(event) => {
          // Opened by Enter or Space (a click with no pointer): into the menu, on its first item.
          if (!open && event.detail === 0) focusOnOpen.current = 'first';
          setOpen(!open);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
          event.preventDefault();
          focusOnOpen.current = event.key === 'ArrowDown' ? 'first' : 'last';
          if (open) menuRef(box.current?.querySelector<HTMLDivElement>('[role="menu"]') ?? null);
          else setOpen(true);
        }}
      >
        Export…
      </button>
      {open && (
        // Focusable itself (not by Tab): a click on its caption keeps the focus in the menu, which stays open.
        <div ref={menuRef} className="menu" role="menu" aria-label="Export" tabIndex={-1} onKeyDown={onMenuKey}>
          <p id={captionId} className={empty ? 'menu-caption export-nothing' : 'menu-caption'}>
            {empty
              ? NOTHING_TO_EXPORT
              : picked > 0
                ? `The ${picked === 1 ? 'selected paper' : `${picked.toLocaleString()} selected papers`}`
                : `The ${total.toLocaleString()} ${total === 1 ? 'paper' : 'papers'} in this list`}
          </p>
          {FORMATS.map(({ format, notes, label, hint }) => (
            // Still focusable when there is nothing to export, so the reason is heard with each item.
            <button
              key={label}
              type="button"
              role="menuitem"
              // The arrows move among the items; Tab leaves the menu (a menu button's pattern).
              tabIndex={-1}
              className="menu-item"
              aria-disabled={empty || undefined}
              aria-describedby={empty ? captionId : undefined}
              onClick={() => {
                if (empty) return;
                // The item goes with the menu: the focus goes back to the button rather than to the page.
                button.current?.focus();
                setOpen(false);
                void exportPapers(format, notes ? { notes } : undefined);
              }}
            >
              <span>{label}</span>
              <span className="muted">{hint}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
