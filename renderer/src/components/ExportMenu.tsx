import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../store';
import { NOTHING_TO_EXPORT } from '../store/library-slice';
import type { ExportFormat } from '../store/types';

const FORMATS: { format: ExportFormat; label: string; hint: string }[] = [
  { format: 'bibtex', label: 'BibTeX', hint: '.bib for LaTeX, JabRef, Zotero' },
  { format: 'ris', label: 'RIS', hint: 'EndNote, Mendeley, Zotero' },
  { format: 'csl-json', label: 'CSL-JSON', hint: 'Zotero, Pandoc' },
  { format: 'csv', label: 'CSV', hint: 'spreadsheets: status, dates, tags' },
  { format: 'markdown', label: 'Markdown', hint: 'notes and highlights, one file' },
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
  const captionId = useId();
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
    <div className="menu-anchor" ref={box}>
      <button type="button" className="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export…
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export">
          <p id={captionId} className={empty ? 'menu-caption export-nothing' : 'menu-caption'}>
            {empty
              ? NOTHING_TO_EXPORT
              : picked > 1
                ? `The ${picked.toLocaleString()} selected papers`
                : `The ${total.toLocaleString()} ${total === 1 ? 'paper' : 'papers'} in this list`}
          </p>
          {FORMATS.map(({ format, label, hint }) => (
            // Still focusable when there is nothing to export, so the reason is heard with each item.
            <button
              key={format}
              type="button"
              role="menuitem"
              className="menu-item"
              aria-disabled={empty || undefined}
              aria-describedby={empty ? captionId : undefined}
              onClick={() => {
                if (empty) return;
                setOpen(false);
                void exportPapers(format);
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
