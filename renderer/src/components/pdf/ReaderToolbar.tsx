import { useState } from 'react';
import { stepScale, type Zoom } from '../../pdf/page-window';
import type { Attachment } from '../../../../electron/core/schema';

type Props = {
  title: string;
  attachments: readonly Attachment[];
  hash: string | undefined;
  onPickAttachment: (hash: string) => void;
  page: number | undefined;
  count: number | undefined;
  onGoToPage: (page: number) => void;
  zoom: Zoom;
  scale: number;
  onZoom: (zoom: Zoom) => void;
  /** Undefined while there is no document to show (opening, a password asked for, an error). */
  sidebar: 'contents' | 'highlights' | undefined;
  sidebarOpen: boolean;
  onSidebar: () => void;
  onFind: () => void;
  invertPages: boolean;
  onInvertPages: () => void;
  onClose: () => void;
};

const PRESETS: { value: string; label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'page-width', label: 'Fit width' },
  { value: 'page-fit', label: 'Fit page' },
  ...[0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4].map((n) => ({ value: String(n), label: `${Math.round(n * 100)} %` })),
];

/** The reader's bar: close, contents, the paper, the page and its count, zoom, find, dark pages. */
export function ReaderToolbar(props: Props) {
  const { page, count, scale, zoom } = props;
  const zoomValue = typeof zoom === 'number' ? String(zoom) : zoom;
  const custom = !PRESETS.some((p) => p.value === zoomValue);
  return (
    <div className="pdf-toolbar">
      <button
        type="button"
        className="button ghost pdf-close"
        onClick={props.onClose}
        aria-label="Close the reader (Esc)"
      >
        ✕
      </button>
      {props.sidebar && (
        <button
          type="button"
          className={props.sidebarOpen ? 'button ghost pdf-toggle active' : 'button ghost pdf-toggle'}
          aria-pressed={props.sidebarOpen}
          onClick={props.onSidebar}
          title={props.sidebar === 'contents' ? 'The PDF’s outline and highlights' : 'This PDF’s highlights'}
        >
          {props.sidebar === 'contents' ? 'Contents' : 'Highlights'}
        </button>
      )}
      <div className="pdf-title">
        <span className="pdf-title-paper">{props.title}</span>
        {props.attachments.length > 1 ? (
          <select
            className="sort pdf-attachment-pick"
            aria-label="PDF"
            value={props.hash}
            onChange={(e) => props.onPickAttachment(e.target.value)}
          >
            {props.attachments.map((a) => (
              <option key={a.hash} value={a.hash}>
                {a.name}
              </option>
            ))}
          </select>
        ) : (
          <span className="pdf-title-file">{props.attachments.find((a) => a.hash === props.hash)?.name}</span>
        )}
      </div>
      {count !== undefined && page !== undefined && (
        <>
          <PageField key={page} page={page} count={count} onGoToPage={props.onGoToPage} />
          <div className="pdf-zoom" role="group" aria-label="Zoom">
            <button
              type="button"
              className="button ghost"
              aria-label="Zoom out (Ctrl+−)"
              title="Zoom out (Ctrl+−)"
              onClick={() => props.onZoom(stepScale(scale, -1))}
            >
              −
            </button>
            <select
              className="sort"
              aria-label="Zoom level"
              value={custom ? 'custom' : zoomValue}
              onChange={(e) => {
                const value = e.target.value;
                props.onZoom(
                  value === 'auto' || value === 'page-width' || value === 'page-fit' ? value : Number(value),
                );
              }}
            >
              {custom && <option value="custom">{Math.round(scale * 100)} %</option>}
              {PRESETS.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button ghost"
              aria-label="Zoom in (Ctrl++)"
              title="Zoom in (Ctrl++)"
              onClick={() => props.onZoom(stepScale(scale, 1))}
            >
              +
            </button>
          </div>
          <button type="button" className="button ghost" onClick={props.onFind} title="Find in the PDF (Ctrl+F)">
            Find
          </button>
          <button
            type="button"
            className={
              props.invertPages ? 'button ghost pdf-toggle dark-only active' : 'button ghost pdf-toggle dark-only'
            }
            aria-pressed={props.invertPages}
            onClick={props.onInvertPages}
            title="Draw the pages dark, like the rest of the app"
          >
            Dark pages
          </button>
        </>
      )}
    </div>
  );
}

/** The page number, typed to go there (Enter); it shows the current page otherwise. */
function PageField({ page, count, onGoToPage }: { page: number; count: number; onGoToPage: (page: number) => void }) {
  const [typed, setTyped] = useState(String(page));
  return (
    <form
      className="pdf-page-field"
      onSubmit={(e) => {
        e.preventDefault();
        const wanted = Number.parseInt(typed, 10);
        if (Number.isFinite(wanted)) onGoToPage(Math.min(count, Math.max(1, wanted)));
        else setTyped(String(page));
      }}
    >
      <input
        className="pdf-page-input"
        aria-label="Page"
        inputMode="numeric"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onFocus={(e) => e.target.select()}
        onBlur={() => setTyped(String(page))}
      />
      <span className="pdf-page-count">of {count}</span>
    </form>
  );
}
