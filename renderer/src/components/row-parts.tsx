import type { ReactNode } from 'react';
import type { PaperRow } from '../store/types';

/**
 * A PDF's passage with the matched words marked: plain text, since a dollar sign in a PDF's text is a
 * dollar sign (its formulas are already drawn glyphs), not TeX as in a title or abstract.
 */
export function MarkedText({ text, marks }: { text: string; marks: readonly (readonly [number, number])[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue;
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** The paper has a PDF: how far it has been read ("p. 5 / 14"), or just that it is there. */
export function PdfMarker({ pdf }: { pdf: NonNullable<PaperRow['pdf']> }) {
  const { pages, furthest } = pdf;
  if (!furthest) {
    return (
      <span className="marker" title={pages ? `A PDF of ${pages} ${pages === 1 ? 'page' : 'pages'}` : 'A PDF'}>
        PDF
      </span>
    );
  }
  return (
    <span className="marker" title={`Read to page ${furthest} of ${pages || '?'}`}>
      p. {furthest}
      {pages ? ` / ${pages}` : ''}
    </span>
  );
}
