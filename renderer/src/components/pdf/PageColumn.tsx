import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import type { TextRange } from '../../pdf/fold';
import type { PdfRect } from '../../pdf/geometry';
import type { PdfLink } from '../../pdf/links';
import { layoutPages, positionAt, type Position } from '../../pdf/page-window';
import type { Annotation } from '../../store/types';
import { PdfPage } from './PdfPage';
import { useColumnWindow, type Movement } from './use-column-window';
import { useHitsByPage } from './use-hit-boxes';
import { highlightAt, selectionInColumn } from './read-selection';
import { selectSentence } from './select-sentence';
import type { LoadedPdf } from './use-pdf-document';

/** A hit of find in the document: a page (0-based) and offsets in its text. */
export type Hit = TextRange & { page: number };

/** The part of a selection on one page: what one highlight stores. */
export type PdfPassage = {
  page: number;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  rects: PdfRect[];
};

/**
 * A passage selected in the PDF, ready to become a highlight: one part per page it covers (a sentence that
 * runs on over a page break is two), in page order.
 */
export type PdfSelection = {
  parts: PdfPassage[];
  /** The whole passage as the popover quotes it. */
  quote: string;
  /** Where to show the popover: the middle of the selection's bottom edge. */
  x: number;
  y: number;
};

/** Bring the current hit of find, or the active highlight, into view once drawn: each new token once. */
export type Reveal = { token: number; what: 'hit' | 'annotation' };

/** What the reader's keys and toolbar do to the column. */
export type ColumnHandle = {
  goTo: (position: Position) => void;
  /** A screen's height down (1) or up (-1). */
  scrollScreen: (direction: 1 | -1) => void;
  scrollLines: (lines: number) => void;
  /** The top of the next (1) or previous (-1) page. */
  turnPage: (direction: 1 | -1) => void;
  edge: (end: 'start' | 'end') => void;
  focus: () => void;
  /**
   * Select the next (1) or previous (-1) sentence, when nothing is selected from find's match if it is on
   * screen, else from the top of the view; with `extend`, grow or shrink the selection by a sentence. A
   * keyboard's way to choose a passage to highlight.
   */
  selectSentence: (direction: 1 | -1, extend: boolean) => Promise<void>;
  /** Open the highlight popover on the selected text; false when nothing in the pages is selected. */
  highlightSelection: () => Promise<boolean>;
};

type Props = {
  pdf: LoadedPdf;
  scale: number;
  initial: Position;
  /** Opened at a target (a search hit, a page, a highlight): a jump; else where the reader left off: a move. */
  opening: Movement;
  highlights: readonly Annotation[];
  /** The selection waiting in the highlight popover. */
  pending: readonly { page: number; rects: PdfRect[] }[] | undefined;
  activeAnnotationId: string | undefined;
  hits: readonly Hit[];
  activeHit: number;
  reveal: Reveal;
  onPosition: (position: Position, current: number, atEnd: boolean, how: Movement) => void;
  onSelectText: (selection: PdfSelection) => void;
  onHighlightClick: (annotationId: string, x: number, y: number) => void;
  onLink: (link: PdfLink) => void;
  onViewSize: (size: { width: number; height: number }) => void;
  ref?: Ref<ColumnHandle>;
};

const NONE: readonly never[] = [];
/** Pages past the kept ones still get an empty box this far either way, so a fast scroll shows pages, not a void. */
const PLACEHOLDERS = 12;

/**
 * The pages in one scrolled column: all of them have their place (the column is as tall as the document),
 * but only the pages on screen and a screen around are drawn, and drawings more than a screen away are let go.
 * A zoom keeps the page and the place on it at the top of the view.
 */
export function PageColumn({ ref, ...props }: Props) {
  const { pdf, scale, onPosition, onViewSize } = props;
  const layout = useMemo(() => layoutPages(pdf.viewports, scale), [pdf.viewports, scale]);
  const { scroller, goTo, win, settled, onScroll, markMove, markJump } = useColumnWindow({
    layout,
    initial: props.initial,
    opening: props.opening,
    pdf,
    onPosition,
    onViewSize,
  });
  const count = pdf.viewports.length;

  // Going sentence by sentence is reading too.
  const moveTo = useCallback(
    (to: Position) => {
      goTo(to);
      markMove();
    },
    [goTo, markMove],
  );
  const readSelectionRef = useRef<() => Promise<boolean>>(() => Promise.resolve(false));
  // The match find showed last, kept when the find bar closes: ] starts there while it is on screen.
  const lastHit = useRef<Hit>(undefined);
  useImperativeHandle(ref, () => {
    const el = () => scroller.current;
    return {
      goTo,
      // The keys that scroll, turn pages or go to either end move the view as a wheel does: reading, not a jump.
      scrollScreen: (direction) => {
        markMove();
        el()?.scrollBy({ top: direction * (el()!.clientHeight - 48) });
      },
      scrollLines: (lines) => {
        markMove();
        el()?.scrollBy({ top: lines * 48 });
      },
      turnPage(direction) {
        const s = el();
        if (!s) return;
        const here = positionAt(layout, s.scrollTop);
        // Back from the middle of a page goes to its top first.
        const page = direction < 0 && here.offset > 0.02 ? here.page : here.page + direction;
        goTo({ page: Math.min(count - 1, Math.max(0, page)), offset: 0 });
        markMove();
      },
      edge: (end) => {
        markMove();
        el()?.scrollTo({ top: end === 'start' ? 0 : el()!.scrollHeight });
      },
      focus: () => el()?.focus({ preventScroll: true }),
      highlightSelection: () => readSelectionRef.current(),
      selectSentence: (direction, extend) =>
        el()
          ? selectSentence(
              { scroller: el()!, layout, pdf, count, goTo: moveTo, found: lastHit.current },
              direction,
              extend,
            )
          : Promise.resolve(),
    };
  }, [layout, count, pdf, scroller, goTo, markMove, moveTo]);

  // Group highlights and hits by page once, so each page gets the same array until they change.
  const byPage = useMemo(() => groupByPage(props.highlights, (a) => a.page ?? -1), [props.highlights]);
  // A page's hits keep their array while they are the same: a report of more pages read re-measures only new ones.
  const hitsByPage = useHitsByPage(props.hits);
  const pendingByPage = useMemo(
    () => new Map((props.pending ?? []).map((part) => [part.page, part.rects] as const)),
    [props.pending],
  );
  const activeHit = props.hits[props.activeHit];
  useEffect(() => {
    if (activeHit) lastHit.current = activeHit;
  }, [activeHit]);
  // Find's current match on a page not drawn (a step to a far page): go to that page, as "go to page" does;
  // drawn there, the page centres the match. Once per request and match: the search's pages coming in later
  // leave the column where the reader has moved it since.
  const shownHit = useRef('');
  const { token: revealToken, what: revealWhat } = props.reveal;
  const { render } = win;
  // Bringing a hit or a highlight into view is a jump, wherever the reader was.
  useEffect(() => {
    if (revealToken) markJump();
  }, [revealToken, markJump]);
  useEffect(() => {
    if (revealWhat !== 'hit' || !revealToken || !activeHit) return;
    const key = `${revealToken}:${activeHit.page}:${activeHit.start}`;
    if (shownHit.current === key) return;
    shownHit.current = key;
    if (activeHit.page < render[0] || activeHit.page > render[1]) goTo({ page: activeHit.page, offset: 0 });
  }, [revealToken, revealWhat, activeHit, render, goTo]);
  const revealPage =
    props.reveal.what === 'hit'
      ? activeHit?.page
      : props.highlights.find((a) => a.id === props.activeAnnotationId)?.page;
  // A request is spent once its page, drawn, has left the pages kept: scrolled back to later, the page is made
  // afresh and must not pull the view to the match or highlight again.
  const [spent, setSpent] = useState(0);
  const kept = revealPage !== undefined && revealPage >= win.keep[0] && revealPage <= win.keep[1];
  const keptFor = useRef(0);
  useEffect(() => {
    if (kept) keptFor.current = revealToken;
    else if (revealToken && keptFor.current === revealToken) setSpent(revealToken);
  }, [kept, revealToken]);

  const { onSelectText, onHighlightClick } = props;
  const readSelection = useCallback(async (): Promise<boolean> => {
    const el = scroller.current;
    const selection = el && (await selectionInColumn(el, pdf, scale));
    if (!selection) return false;
    onSelectText(selection);
    return true;
  }, [pdf, scale, onSelectText, scroller]);
  useLayoutEffect(() => {
    readSelectionRef.current = readSelection;
  }, [readSelection]);

  const first = Math.max(0, win.keep[0] - PLACEHOLDERS);
  const last = Math.min(count - 1, win.keep[1] + PLACEHOLDERS);
  const maxWidth = Math.max(0, ...layout.widths.slice(first, last + 1));
  return (
    <div
      ref={scroller}
      className="pdf-scroller"
      tabIndex={0}
      aria-label="Pages"
      onScroll={onScroll}
      onMouseUp={() => setTimeout(() => void readSelection(), 0)}
      onClick={(event) => {
        if (!window.getSelection()?.isCollapsed) return;
        const hit = highlightAt(event.target as Element, event.clientX, event.clientY);
        if (hit) onHighlightClick(hit, event.clientX, event.clientY);
      }}
    >
      <div className="pdf-column" style={{ height: layout.total, width: maxWidth + 2 * layout.gap }}>
        {Array.from({ length: last - first + 1 }, (_, k) => {
          const index = first + k;
          const top = layout.tops[index]!;
          const width = layout.widths[index]!;
          const height = layout.heights[index]!;
          if (index < win.keep[0] || index > win.keep[1])
            return (
              <div
                key={index}
                className="pdf-page placeholder"
                data-page={index + 1}
                style={{ top, width, height, marginLeft: -width / 2 }}
              />
            );
          return (
            <PdfPage
              key={index}
              doc={pdf.doc}
              cleanup={pdf.cleanup}
              queue={pdf.queue}
              index={index}
              count={count}
              base={pdf.viewports[index]!}
              scale={scale}
              top={top}
              width={width}
              height={height}
              draw={index >= win.render[0] && index <= win.render[1]}
              settled={settled}
              texts={pdf.texts}
              highlights={byPage.get(index) ?? NONE}
              pending={pendingByPage.get(index)}
              activeAnnotationId={props.activeAnnotationId}
              hits={hitsByPage.get(index) ?? NONE}
              activeHit={activeHit?.page === index ? (hitsByPage.get(index)?.indexOf(activeHit) ?? -1) : -1}
              reveal={revealPage === index && revealToken !== spent ? props.reveal : undefined}
              onLink={props.onLink}
            />
          );
        })}
      </div>
    </div>
  );
}

function groupByPage<T>(items: readonly T[], pageOf: (item: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const page = pageOf(item);
    const list = out.get(page);
    if (list) list.push(item);
    else out.set(page, [item]);
  }
  return out;
}
