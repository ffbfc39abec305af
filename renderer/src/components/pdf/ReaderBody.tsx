import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PdfLink } from '../../pdf/links';
import { scaleFor, stepScale, type Position, type Zoom } from '../../pdf/page-window';
import { resolveDestination, type OutlineItem } from '../../pdf/pdfjs';
import { useApp, useAppStore } from '../../store';
import { pdfHighlights, type NewPdfHighlight } from '../../store/reader-slice';
import type { Annotation, Paper } from '../../store/types';
import { plainTitle } from '../../tex-plain';
import { HighlightPopover } from '../HighlightPopover';
import { UNTITLED } from '../Untitled';
import { HighlightEditor } from './HighlightEditor';
import { PageColumn, type ColumnHandle, type Hit, type PdfSelection, type Reveal } from './PageColumn';
import { FindBar } from './FindBar';
import { PasswordPrompt } from './PasswordPrompt';
import { DocumentMessage, EndBar } from './ReaderMessages';
import { saveSelection } from './read-selection';
import { ReaderSidebar } from './ReaderSidebar';
import { ReaderToolbar } from './ReaderToolbar';
import { useReaderFind } from './use-find';
import { usePdfDocument, type LoadedPdf } from './use-pdf-document';
import { useReaderKeys } from './use-reader-keys';
import { useReadingPosition } from './use-reading-position';

const NO_HITS: readonly Hit[] = [];

/**
 * One PDF of the open paper in the reader: its toolbar, find bar, sidebar (outline, highlights) and pages,
 * the end-of-paper bar, and the highlight popover and editor. The reader's keys act on it.
 */
export function ReaderBody({
  paper,
  hash,
  root,
}: {
  paper: Paper;
  hash: string;
  root: React.RefObject<HTMLDivElement | null>;
}) {
  const store = useAppStore();
  const at = useApp((s) => s.reader?.at);
  const readAttachment = useApp((s) => s.readAttachment);
  const closeReader = useApp((s) => s.closeReader);
  const invertPages = useApp((s) => s.invertPages);
  const setInvertPages = useApp((s) => s.setInvertPages);
  const attachments = paper.attachments ?? [];
  const attachment = attachments.find((a) => a.hash === hash)!;
  const state = usePdfDocument(hash, attachment.name, readAttachment);
  const pdf = state.phase === 'ready' ? state.pdf : undefined;
  // The paper is fetched again at every change (each saved page too): the same highlights keep the same
  // array, so the drawn pages do not place them again.
  const signature = paper.annotations.map((a) => `${a.id}@${a.updatedAt}`).join(' ');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const highlights = useMemo(() => pdfHighlights(paper, hash), [signature, hash]);

  const column = useRef<ColumnHandle>(null);
  const zoomFor = useApp((s) => s.zoomFor);
  const setZoomFor = useApp((s) => s.setZoomFor);
  // Each PDF opens at the zoom last chosen for it.
  const [zoom, setZoomState] = useState<Zoom>(() => zoomFor(hash) ?? 'auto');
  const setZoom = useCallback(
    (next: Zoom) => {
      setZoomState(next);
      setZoomFor(hash, next);
    },
    [hash, setZoomFor],
  );
  const [view, setView] = useState({ width: window.innerWidth - 300, height: window.innerHeight - 60 });
  // Beside the pages on a wide window when there is something to list, until the reader says otherwise.
  const [sidebarChoice, setSidebar] = useState<boolean>();
  const [endDismissed, setEndDismissed] = useState(false);
  // A token: each time it changes the current hit or highlight is brought into view once it is drawn.
  const [reveal, setReveal] = useState<Reveal>({
    token: at?.annotationId || at?.find ? 1 : 0,
    what: at?.find ? 'hit' : 'annotation',
  });
  const revealNext = (what: Reveal['what']) => setReveal((r) => ({ token: r.token + 1, what }));
  const [activeAnnotationId, setActiveAnnotationId] = useState(at?.annotationId);
  const [selection, setSelection] = useState<PdfSelection>();
  // A saved highlight stays drawn as it was selected until the paper comes back with it (no flicker).
  const [saved, setSaved] = useState<{ parts: PdfSelection['parts']; count: number }>();
  const pending =
    selection?.parts ?? (saved && highlights.length < saved.count + saved.parts.length ? saved.parts : undefined);
  // A highlight's editor, beside it on the page or beside its entry in the sidebar (focus goes back there).
  const [editing, setEditing] = useState<{ id: string; x: number; y: number; opener?: HTMLElement }>();
  const closeEditor = () => {
    const opener = editing?.opener;
    setEditing(undefined);
    if (opener?.isConnected) opener.focus();
    else column.current?.focus();
  };

  const count = pdf?.viewports.length ?? 0;
  // Decided once, when the document opens: a first highlight must not open it and shrink the pages.
  const sidebarAtOpen = useMemo(
    () => window.innerWidth >= 1200 && Boolean(pdf && (pdf.outline.length > 0 || highlights.length > 0)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [pdf?.doc],
  );
  const sidebar = sidebarChoice ?? sidebarAtOpen;
  const first = pdf?.viewports[0];
  const scale = first ? scaleFor(zoom, first, view) : 1;

  // Where to open: a highlight, a page, the first hit of a search, or where the reader left off.
  const initial = useMemo<Position>(() => {
    if (!pdf) return { page: 0, offset: 0 };
    const annotation = at?.annotationId ? highlights.find((a) => a.id === at.annotationId) : undefined;
    if (annotation?.page !== undefined) return { page: annotation.page, offset: 0 };
    if (at?.page) return { page: Math.min(pdf.viewports.length, at.page) - 1, offset: 0 };
    const progress = paper.progress?.attachment === hash ? paper.progress : undefined;
    if (progress) return { page: Math.min(pdf.viewports.length, progress.page) - 1, offset: progress.offset };
    return { page: 0, offset: 0 };
    // Only when the document opens (not when its pages' real sizes come): later changes must not move it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pdf?.doc]);

  const { current, atEnd, endRead, onPosition } = useReadingPosition(paper.id, hash, count);
  // A document that failed to open, or waits for its password, is not searched: the find bar says so.
  const unopened =
    state.phase === 'error'
      ? { failed: state.reason }
      : state.phase === 'password'
        ? ({ password: true } as const)
        : undefined;
  const find = useReaderFind(pdf, at, current, () => revealNext('hit'), unopened);

  const goTo = useCallback((position: Position) => column.current?.goTo(position), []);
  const onLink = useCallback(
    (link: PdfLink) => {
      if (!pdf) return;
      if (link.kind === 'named') {
        const page = { NextPage: current + 1, PrevPage: current - 1, FirstPage: 0, LastPage: count - 1 }[link.action];
        goTo({ page: Math.min(count - 1, Math.max(0, page)), offset: 0 });
      } else if (link.kind === 'dest') {
        void resolveDestination(pdf.doc, link.dest, pdf.viewports).then((to) => to && goTo(to));
      }
    },
    [pdf, current, count, goTo],
  );
  const onOutline = (item: OutlineItem) => {
    if (pdf) void resolveDestination(pdf.doc, item.dest, pdf.viewports).then((to) => to && goTo(to));
  };
  const showHighlight = (annotation: Annotation) => {
    setActiveAnnotationId(annotation.id);
    goTo({ page: annotation.page ?? 0, offset: 0 });
    revealNext('annotation');
  };
  const zoomBy = (direction: 1 | -1) => setZoom(stepScale(scale, direction));
  // The find bar's Escape reaches the reader's own key handler first (a native listener on the reader), whose
  // closing unmounts the bar before its own handler runs: both close the same way, with the focus on the pages.
  const closeFind = () => {
    find.close();
    column.current?.focus();
  };
  useReaderKeys(root, {
    column,
    onFind: find.show,
    onZoom: (how) => (how === 'reset' ? setZoom('auto') : zoomBy(how)),
    onEscape: () => {
      if (selection) setSelection(undefined);
      else if (editing) setEditing(undefined);
      else if (find.open) closeFind();
      else closeReader();
    },
  });

  const editingAnnotation = editing ? highlights.find((a) => a.id === editing.id) : undefined;
  const showEndBar = pdf && endRead && (atEnd || current === count - 1) && paper.status !== 'read' && !endDismissed;
  return (
    <div className={invertPages ? 'pdf-body invert-pages' : 'pdf-body'}>
      <ReaderToolbar
        title={plainTitle(paper.title) || UNTITLED}
        attachments={attachments}
        hash={hash}
        onPickAttachment={(next) => store.getState().openAttachment(paper.id, next)}
        page={pdf ? current + 1 : undefined}
        count={pdf ? count : undefined}
        onGoToPage={(page) => {
          goTo({ page: page - 1, offset: 0 });
          column.current?.focus();
        }}
        zoom={zoom}
        scale={scale}
        onZoom={setZoom}
        sidebar={pdf ? (pdf.outline.length ? 'contents' : 'highlights') : undefined}
        sidebarOpen={sidebar}
        onSidebar={() => setSidebar(!sidebar)}
        onFind={find.show}
        invertPages={invertPages}
        onInvertPages={() => setInvertPages(!invertPages)}
        onClose={closeReader}
      />
      {find.open && (
        <FindBar
          query={find.query}
          found={find.found}
          active={find.active}
          focusToken={find.focusToken}
          onQuery={find.search}
          onStep={find.step}
          onClose={closeFind}
        />
      )}
      <div className="pdf-main">
        {sidebar && pdf && (
          <ReaderSidebar
            outline={pdf.outline}
            highlights={highlights}
            activeAnnotationId={activeAnnotationId}
            onOutline={onOutline}
            onHighlight={(annotation, opener) => {
              showHighlight(annotation);
              // Its comment and colour can be changed from the list too: the editor opens beside the entry.
              const box = opener.getBoundingClientRect();
              setEditing({ id: annotation.id, x: box.right + 158, y: box.top - 10, opener });
            }}
          />
        )}
        {state.phase === 'ready' ? (
          <Pages
            pdf={state.pdf}
            column={column}
            scale={scale}
            initial={initial}
            opening={at?.annotationId || at?.page || at?.find ? 'jump' : 'move'}
            highlights={highlights}
            pending={pending}
            activeAnnotationId={activeAnnotationId}
            hits={find.open ? find.found.hits : NO_HITS}
            activeHit={find.active}
            reveal={reveal}
            onPosition={onPosition}
            onSelectText={(s) => {
              setEditing(undefined);
              setSelection(s);
            }}
            onHighlightClick={(id, x, y) => {
              setActiveAnnotationId(id);
              setEditing({ id, x, y });
            }}
            onLink={onLink}
            onViewSize={setView}
          />
        ) : state.phase === 'password' ? (
          <PasswordPrompt
            name={attachment.name}
            wrong={state.wrong}
            onSubmit={(password) => state.submit(password)}
            onCancel={() => state.submit(undefined)}
          />
        ) : (
          <DocumentMessage name={attachment.name} error={state.phase === 'error' ? state.message : undefined} />
        )}
      </div>
      {showEndBar && <EndBar paperId={paper.id} onDismiss={() => setEndDismissed(true)} />}
      {selection && (
        <HighlightPopover
          x={selection.x}
          y={selection.y}
          quote={selection.quote}
          onCancel={() => setSelection(undefined)}
          onSave={async (color, comment) => {
            const add = (highlight: NewPdfHighlight) => store.getState().addPdfHighlight(paper.id, highlight);
            const ok = await saveSelection(selection, hash, color, comment, add);
            setSelection(undefined);
            if (ok) {
              setSaved({ parts: selection.parts, count: highlights.length });
              window.getSelection()?.removeAllRanges();
            }
            // Back to the pages, unless the person has gone on to find something (Ctrl+F while it was saved).
            if (!document.activeElement?.closest('.pdf-find')) column.current?.focus();
          }}
        />
      )}
      {editing && editingAnnotation && (
        <HighlightEditor
          key={editing.id}
          annotation={editingAnnotation}
          x={editing.x}
          y={editing.y}
          onUpdate={(change) => void store.getState().updateAnnotation(paper.id, editing.id, change)}
          onRemove={() => {
            void store.getState().removeAnnotation(paper.id, editing.id);
            setEditing(undefined);
            column.current?.focus();
          }}
          onClose={closeEditor}
        />
      )}
    </div>
  );
}

/** The column, focused once the document is open so the keys work at once. */
function Pages(
  props: Omit<Parameters<typeof PageColumn>[0], 'ref'> & {
    column: React.RefObject<ColumnHandle | null>;
    pdf: LoadedPdf;
  },
) {
  const { column, ...rest } = props;
  useEffect(() => column.current?.focus(), [column]);
  return <PageColumn ref={column} {...rest} />;
}
