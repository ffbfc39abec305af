import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { DocumentCleanup } from '../../pdf/doc-cleanup';
import { emptyPageNote, hasFormFields } from '../../pdf/empty-page';
import type { TextRange } from '../../pdf/fold';
import { boxToPdf, mergeLines, pdfToBox, percentOf, type PdfRect } from '../../pdf/geometry';
import type { PdfLink } from '../../pdf/links';
import { toPdfPoint, toViewportPoint, type PDFDocumentProxy, type PageTexts, type PageViewport } from '../../pdf/pdfjs';
import { locate } from '../../pdf/reanchor';
import type { RenderQueue } from '../../pdf/render-queue';
import { boxesFor } from '../../pdf/text-layer-dom';
import type { Annotation } from '../../store/types';
import { PageLinks } from './PageLinks';
import { useHitBoxes } from './use-hit-boxes';
import { usePageCanvas } from './use-page-canvas';
import { useTextLayer } from './use-text-layer';
import type { Reveal } from './PageColumn';

type Props = {
  doc: PDFDocumentProxy;
  /** Told of each drawing, so that the document's caches are given back only between drawings. */
  cleanup: DocumentCleanup;
  /** Draws the pages one at a time, the one being read first. */
  queue: RenderQueue;
  index: number;
  count: number;
  /** The page's viewport at scale 1, for placing stored rectangles. */
  base: PageViewport;
  scale: number;
  top: number;
  width: number;
  height: number;
  /** Draw it (it is on screen or near); otherwise keep what is drawn. */
  draw: boolean;
  /** The column is not being scrolled: the time to lay out the page's text. */
  settled: boolean;
  texts: PageTexts;
  highlights: readonly Annotation[];
  /** The passage being highlighted (the popover is open): shown, since the page's selection goes with the focus. */
  pending: readonly PdfRect[] | undefined;
  activeAnnotationId: string | undefined;
  hits: readonly TextRange[];
  /** Which of `hits` is the current one, or -1. */
  activeHit: number;
  /** Set when the active hit or highlight on this page should be scrolled to, once drawn. */
  reveal: Reveal | undefined;
  onLink: (link: PdfLink) => void;
};

/**
 * One page: its canvas, a pdf.js text layer for selecting, highlights under the text, find hits, and
 * links. Highlights are placed from their stored PDF rectangles as percentages of the page, so a zoom
 * only stretches them; a highlight whose quote is no longer at its offsets (another pdf.js version split
 * the text differently) is placed again from the words the text layer shows. Its drawing is usePageCanvas's,
 * its text and text layer useTextLayer's; this places what is painted over them.
 */
export const PdfPage = memo(function PdfPage(props: Props) {
  const { index, count, base, scale, top, width, height, draw, settled, texts } = props;
  const pageEl = useRef<HTMLDivElement>(null);
  const canvasWrap = useRef<HTMLDivElement>(null);
  const layerHost = useRef<HTMLDivElement>(null);
  const { page, drawn, problem } = usePageCanvas(canvasWrap, props);
  // Once its canvas is drawn and the scrolling has stopped, a page keeps its text layer until it leaves the
  // neighbourhood of the screen (unmounts). Pages that only pass by in a fast scroll never lay out their text,
  // and no page lays out its text before its own drawing: measuring the text (PDF.js's TextLayer calls
  // measureText for every run) and asking the worker for it took the main thread and the worker from the
  // first page while the reader opened.
  const [active, setActive] = useState(false);
  if (draw && settled && drawn && !active) setActive(true);
  const { text, unreadable, layerVersion } = useTextLayer(layerHost, { page, texts, index, scale, active });

  // Highlights whose words moved are placed from the text layer; find hits always are (useHitBoxes), each
  // page's again only when its own hits change.
  const [moved, setMoved] = useState<ReadonlyMap<string, PdfRect[]>>(new Map());
  useLayoutEffect(() => {
    const layer = layerHost.current?.firstElementChild as HTMLElement | null;
    if (!layer || !pageEl.current || !page || layerVersion === 0) return;
    // The page's box is read only when something must be placed from the text layer: reading it lays out
    // the layer's thousands of spans at once, which a page that only passes by should not pay for.
    let box: DOMRect | undefined;
    const pageBox = () => (box ??= pageEl.current!.getBoundingClientRect());
    const viewport = page.getViewport({ scale });
    const next = new Map<string, PdfRect[]>();
    if (text !== undefined) {
      for (const a of props.highlights) {
        const found = locate(text, a);
        if (!found || found.exact) continue;
        const rects = mergeLines(
          boxesFor(layer, pageBox(), found.start, found.end).map((b) => boxToPdf(b, toPdfPoint(viewport))),
        );
        if (rects.length) next.set(a.id, rects);
      }
    }
    setMoved((old) => (old.size === 0 && next.size === 0 ? old : next));
  }, [layerVersion, page, scale, text, props.highlights]);
  const hitBoxes = useHitBoxes(layerHost, pageEl, page ? layerVersion : 0, props.hits);

  // Bring the current hit or highlight into view once it is drawn, once per request.
  const revealed = useRef(0);
  useEffect(() => {
    const { reveal } = props;
    if (!reveal?.token || revealed.current === reveal.token) return;
    const mark = pageEl.current?.querySelector(reveal.what === 'hit' ? '.pdf-hit.active' : '.pdf-hl.active');
    if (!mark) return;
    revealed.current = reveal.token;
    // A hit is centred, like a browser's find; a highlight is shown from its page's top, moved only if out of view.
    mark.scrollIntoView({ block: reveal.what === 'hit' ? 'center' : 'nearest', inline: 'nearest' });
  }, [props, hitBoxes]);

  const placed = (rect: PdfRect) => percentOf(pdfToBox(rect, toViewportPoint(base)), base.width, base.height);
  const empty = text !== undefined && text.trim() === '';
  // A page with no text may be a form's (fields, no text) rather than a scan: its note says which.
  const [form, setForm] = useState<boolean>();
  useEffect(() => {
    if (!empty || unreadable || !page) return;
    let live = true;
    void hasFormFields(page).then((fields) => live && setForm(fields));
    return () => {
      live = false;
    };
  }, [empty, unreadable, page]);
  return (
    <div
      ref={pageEl}
      className="pdf-page"
      data-page={index + 1}
      aria-label={`Page ${index + 1} of ${count}`}
      role="group"
      style={{ top, width, height, marginLeft: -width / 2, '--total-scale-factor': scale } as CSSProperties}
    >
      {/* The drawing and what is painted on it, one group: dark pages invert the two together. */}
      <div className="pdf-paint">
        <div ref={canvasWrap} className="pdf-canvas" />
        <div className="pdf-highlights" aria-hidden="true">
          {props.highlights.map((a) =>
            (moved.get(a.id) ?? a.rects ?? []).map((rect, i) => (
              <div
                key={`${a.id}-${i}`}
                className={`pdf-hl hl-${a.color}${a.id === props.activeAnnotationId ? ' active' : ''}`}
                data-annotation={a.id}
                style={placed(rect)}
              />
            )),
          )}
          {props.pending?.map((rect, i) => (
            <div key={`pending-${i}`} className="pdf-hl hl-yellow pending" style={placed(rect)} />
          ))}
          {hitBoxes.map((boxes, h) =>
            boxes.map((b, i) => (
              <div
                key={`hit-${h}-${i}`}
                className={h === props.activeHit ? 'pdf-hit active' : 'pdf-hit'}
                style={percentOf(b, width, height)}
              />
            )),
          )}
        </div>
      </div>
      <div ref={layerHost} className="pdf-text" />
      <PageLinks page={page} place={placed} onLink={props.onLink} />
      {empty && (unreadable || form !== undefined) && (
        <p className="pdf-page-note" role="note">
          {emptyPageNote(unreadable ? 'unreadable' : form ? 'form' : 'picture')}
        </p>
      )}
      {problem && (
        <p className="pdf-page-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
});
