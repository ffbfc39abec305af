import { AnnotationMode } from 'pdfjs-dist';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { pageCanvases } from '../../pdf/canvas-pool';
import type { DocumentCleanup } from '../../pdf/doc-cleanup';
import type { PDFDocumentProxy, PDFPageProxy } from '../../pdf/pdfjs';
import type { RenderQueue } from '../../pdf/render-queue';

/** A canvas larger than this many pixels is drawn at a lower resolution (memory, and Chromium's limits). */
const MAX_CANVAS_PIXELS = 16_777_216;

type Drawing = {
  doc: PDFDocumentProxy;
  /** Told of each drawing, so that the document's caches are given back only between drawings. */
  cleanup: DocumentCleanup;
  /** Draws the pages one at a time, the one being read first. */
  queue: RenderQueue;
  index: number;
  scale: number;
  /** Draw it (it is on screen or near); otherwise keep what is drawn. */
  draw: boolean;
};

/**
 * A page's drawing: its pdf.js page, loaded once it is near the screen, and its canvas in `wrap`, drawn when
 * the render queue gives it its turn and again at each zoom (the old drawing stays until the new one is
 * ready). The canvas goes back to the pool and the page's memory to pdf.js when the page leaves the
 * neighbourhood of the screen. Gives the page, whether it has been drawn once, and why it could not be.
 */
export function usePageCanvas(
  wrap: RefObject<HTMLDivElement | null>,
  { doc, cleanup, queue, index, scale, draw }: Drawing,
): { page: PDFPageProxy | undefined; drawn: boolean; problem: string | undefined } {
  const [page, setPage] = useState<PDFPageProxy>();
  const [problem, setProblem] = useState<string>();
  const [drawn, setDrawn] = useState(false);
  const drawnScale = useRef<number | undefined>(undefined);

  // The page itself, once it is near the screen.
  useEffect(() => {
    if (!draw || page) return;
    let live = true;
    doc.getPage(index + 1).then(
      (loaded) => live && setPage(loaded),
      (error: unknown) => live && setProblem(pageProblem(index, error)),
    );
    return () => {
      live = false;
    };
  }, [draw, page, doc, index]);

  // The canvas, drawn again at each zoom when its turn comes: the old drawing stays until the new one is ready.
  useEffect(() => {
    const host = wrap.current;
    if (!draw || !page || !host || drawnScale.current === scale) return;
    return queue.request(index, () => {
      const viewport = page.getViewport({ scale });
      const ratio = Math.min(
        window.devicePixelRatio || 1,
        Math.sqrt(MAX_CANVAS_PIXELS / Math.max(1, viewport.width * viewport.height)),
      );
      const canvas = pageCanvases.take(Math.floor(viewport.width * ratio), Math.floor(viewport.height * ratio));
      canvas.setAttribute('aria-hidden', 'true');
      const task = page.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
        annotationMode: AnnotationMode.ENABLE,
      });
      cleanup.track(task.promise);
      task.promise.then(
        () => {
          const old = host.querySelector('canvas');
          if (old) release(old);
          host.append(canvas);
          drawnScale.current = scale;
          setDrawn(true);
        },
        (error: unknown) => {
          release(canvas);
          if ((error as Error)?.name !== 'RenderingCancelledException') setProblem(pageProblem(index, error));
        },
      );
      return { done: task.promise, cancel: () => task.cancel() };
    });
  }, [wrap, draw, page, scale, index, cleanup, queue]);

  // Give the page's memory back when it leaves the neighbourhood of the screen.
  // The element is taken now: by the time an unmounting component's effects are cleaned up, React has
  // already cleared its refs, so reading wrap.current then finds nothing and the pixels wait for a GC.
  useEffect(() => {
    const host = wrap.current;
    return () => {
      const canvas = host?.querySelector('canvas');
      if (canvas) release(canvas);
    };
  }, [wrap]);
  useEffect(() => () => void page?.cleanup(), [page]);

  return { page, drawn, problem };
}

function release(canvas: HTMLCanvasElement): void {
  pageCanvases.give(canvas);
}

function pageProblem(index: number, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Page ${index + 1} could not be drawn: ${message || 'the PDF is damaged here'}.`;
}
