import { useEffect, useRef, useState } from 'react';
import { useApp } from '../store';
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
  const box = useRef<HTMLDivElement>(null);

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
          <p className="menu-caption">{picked > 1 ? `The ${picked} selected papers` : 'The papers in this list'}</p>
          {FORMATS.map(({ format, label, hint }) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="menu-item"
              onClick={() => {
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
