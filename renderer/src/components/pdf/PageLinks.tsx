import { useEffect, useState, type CSSProperties } from 'react';
import type { PdfRect } from '../../pdf/geometry';
import { linksOf, type PdfLink } from '../../pdf/links';
import type { PDFPageProxy } from '../../pdf/pdfjs';

/**
 * A page's links, drawn by us over the text: a web address (http or https only) opens outside the app as
 * the app's other links do, a destination in the document goes there; every other action is dropped.
 */
export function PageLinks({
  page,
  place,
  onLink,
}: {
  page: PDFPageProxy | undefined;
  place: (rect: PdfRect) => CSSProperties;
  onLink: (link: PdfLink) => void;
}) {
  const [links, setLinks] = useState<{ page: PDFPageProxy; links: PdfLink[] }>();
  useEffect(() => {
    if (!page) return;
    let live = true;
    page.getAnnotations({ intent: 'display' }).then(
      (annotations) => live && setLinks({ page, links: linksOf(annotations as unknown[]) }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [page]);
  if (!links || links.page !== page) return null;
  return (
    <div className="pdf-links">
      {links.links.map((link, i) =>
        link.kind === 'web' ? (
          <a
            key={i}
            className="pdf-link"
            href={link.url}
            target="_blank"
            rel="noopener noreferrer"
            title={link.url}
            style={place(link.rect)}
          >
            <span className="visually-hidden">{link.url}</span>
          </a>
        ) : (
          <button
            key={i}
            type="button"
            className="pdf-link"
            title="Go to the place this link points to"
            style={place(link.rect)}
            onClick={() => onLink(link)}
          >
            <span className="visually-hidden">Go to the place this link points to</span>
          </button>
        ),
      )}
    </div>
  );
}
