import { useState } from 'react';
import type { OutlineItem } from '../../pdf/pdfjs';
import { webUrl } from '../../pdf/links';
import type { Annotation } from '../../store/types';
import { HighlightEntry } from './HighlightEntry';
import './sidebar.css';

type Props = {
  outline: readonly OutlineItem[];
  highlights: readonly Annotation[];
  activeAnnotationId: string | undefined;
  onOutline: (item: OutlineItem) => void;
  /** A highlight in the list was chosen: `opener` is its entry, where the focus returns. */
  onHighlight: (annotation: Annotation, opener: HTMLElement) => void;
};

/** Beside the pages: the PDF's outline when it has one, and this PDF's highlights in page order. */
export function ReaderSidebar({ outline, highlights, activeAnnotationId, onOutline, onHighlight }: Props) {
  const [tab, setTab] = useState<'contents' | 'highlights'>(outline.length ? 'contents' : 'highlights');
  const sorted = [...highlights].sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.start - b.start);
  return (
    <nav className="pdf-sidebar" aria-label="Contents and highlights">
      <div className="pdf-tabs" role="tablist">
        {outline.length > 0 && (
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'contents'}
            className={tab === 'contents' ? 'pdf-tab active' : 'pdf-tab'}
            onClick={() => setTab('contents')}
          >
            Contents
          </button>
        )}
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'highlights'}
          className={tab === 'highlights' ? 'pdf-tab active' : 'pdf-tab'}
          onClick={() => setTab('highlights')}
        >
          Highlights{highlights.length ? ` (${highlights.length})` : ''}
        </button>
      </div>
      <div className="pdf-sidebar-body" role="tabpanel">
        {tab === 'contents' && outline.length > 0 ? (
          <OutlineList items={outline} onOutline={onOutline} />
        ) : sorted.length === 0 ? (
          <p className="muted pdf-sidebar-empty">Select text in the PDF to highlight it.</p>
        ) : (
          <ul className="pdf-hl-list">
            {sorted.map((a) => (
              <HighlightEntry
                key={a.id}
                annotation={a}
                active={a.id === activeAnnotationId}
                onHighlight={onHighlight}
              />
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}

function OutlineList({ items, onOutline }: { items: readonly OutlineItem[]; onOutline: (item: OutlineItem) => void }) {
  return (
    <ul className="pdf-outline">
      {items.map((item, i) => {
        const url = webUrl(item.url);
        return (
          <li key={i}>
            {url ? (
              <a className="pdf-outline-item" href={url} target="_blank" rel="noopener noreferrer" title={url}>
                {item.title}
              </a>
            ) : (
              <button type="button" className="pdf-outline-item" onClick={() => onOutline(item)}>
                {item.title}
              </button>
            )}
            {item.items.length > 0 && <OutlineList items={item.items} onOutline={onOutline} />}
          </li>
        );
      })}
    </ul>
  );
}
