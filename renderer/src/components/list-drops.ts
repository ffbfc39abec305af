import { useMemo, useState, type DragEvent } from 'react';
import { useApp, useAppStore } from '../store';
import type { ListRows } from '../store/list-rows';
import { DRAG_TYPE, type DragHandlers, type PdfDropHandlers } from './PaperListRow';

/**
 * What may be dropped on the list's rows: rows dragged to another place in the queue (with the papers
 * picked), and PDFs dropped on a paper to attach them. `dropBefore`: the row a move would go before;
 * `pdfOver`: the row a dragged PDF would be attached to.
 */
export function useListDrops() {
  const store = useAppStore();
  const canReorder = useApp((s) => s.sort === 'queue');
  const reorder = useApp((s) => s.reorder);
  const [dropBefore, setDropBefore] = useState<string | undefined>();
  // The row a dragged PDF would be attached to.
  const [pdfOver, setPdfOver] = useState<string | undefined>();
  const attachFiles = useApp((s) => s.attachFiles);

  // Stable across renders, so that scrolling redraws only the rows that came into view.
  const drag = useMemo<DragHandlers | undefined>(
    () =>
      canReorder
        ? {
            start(event, id) {
              const { checked: now, papers: rows } = store.getState();
              const ids = now.includes(id) ? inListOrder(now, rows) : [id];
              event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(ids));
              event.dataTransfer.effectAllowed = 'move';
            },
            over(event, id) {
              if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
              event.preventDefault();
              setDropBefore(id);
            },
            drop(event, id) {
              event.preventDefault();
              setDropBefore(undefined);
              const ids = JSON.parse(event.dataTransfer.getData(DRAG_TYPE) || '[]') as string[];
              if (ids.length && !ids.includes(id)) void reorder(ids, id);
            },
            end: () => setDropBefore(undefined),
          }
        : undefined,
    [canReorder, reorder, store],
  );

  // A PDF dropped on a row is attached to its paper; any other file goes on to the window (an import).
  const pdfDrop = useMemo<PdfDropHandlers>(
    () => ({
      over(event, id) {
        if (!draggingPdf(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setPdfOver(id);
      },
      leave(event, id) {
        const into = event.relatedTarget;
        if (!(into instanceof Node && event.currentTarget.contains(into)))
          setPdfOver((now) => (now === id ? undefined : now));
      },
      drop(event, id) {
        setPdfOver(undefined);
        const files = [...event.dataTransfer.files].filter(isPdf);
        if (!files.length) return;
        event.preventDefault();
        event.stopPropagation();
        void attachFiles(id, files);
      },
    }),
    [attachFiles],
  );

  return { drag, pdfDrop, dropBefore, pdfOver };
}

/** The picked ids in the list's order; those whose rows have not come follow, as picked. */
function inListOrder(ids: string[], rows: ListRows): string[] {
  const wanted = new Set(ids);
  const ordered = rows.flatMap((row) => (row && wanted.has(row.id) ? [row.id] : []));
  const placed = new Set(ordered);
  return [...ordered, ...ids.filter((id) => !placed.has(id))];
}

const isPdf = (file: File): boolean => file.type === 'application/pdf' || /\.pdf$/i.test(file.name);

/** While dragging, only the files' types can be read (not their names): a PDF says application/pdf. */
function draggingPdf(event: DragEvent): boolean {
  return [...event.dataTransfer.items].some((item) => item.kind === 'file' && item.type === 'application/pdf');
}
