import { memo, useEffect, useRef, type DragEvent } from 'react';
import { rowLabel } from '../labels';
import { useApp } from '../store';
import type { PaperRow, Ranking } from '../store/types';
import { RowContent } from './row-parts';
import { untitledName } from './Untitled';

/** The drag's data type: the ids of the rows being moved, as JSON. */
export const DRAG_TYPE = 'application/x-paperqueue-ids';

export type DragHandlers = {
  start: (event: DragEvent, id: string) => void;
  over: (event: DragEvent, id: string) => void;
  drop: (event: DragEvent, id: string) => void;
  end: () => void;
};

export type PdfDropHandlers = {
  over: (event: DragEvent, id: string) => void;
  leave: (event: DragEvent, id: string) => void;
  drop: (event: DragEvent, id: string) => void;
};

type RowProps = {
  paper: PaperRow;
  /** The row's place in the list, from 1 (for assistive technology). */
  position: number;
  selected: boolean;
  /** The row Tab stops at in the list: the selected one, or the first. */
  tabbable: boolean;
  checked: boolean;
  /**
   * Some papers are picked: the row is said to be selected, and drawn so, only if it is one of them (the
   * cursor's row too: Space may have left it out). Otherwise the cursor's row is the selected one.
   */
  picking: boolean;
  dropBefore: boolean;
  drag: DragHandlers | undefined;
  pdfDrop: PdfDropHandlers;
  /** A PDF dragged over the row would be attached to its paper. */
  pdfOver: boolean;
  showStatus: boolean;
  /** Left this view from the detail pane; shown, dimmed, until the selection moves on. */
  leaving: boolean;
  /** Under "For you": the paper's score and the reason for its place. */
  ranked: Ranking['items'][number] | undefined;
  top: number;
  height: number;
  /** Two lines of the abstract under the title, or where a search matched. */
  withPreview: boolean;
};

/** One paper of the list: its title, a preview, its markers and the quick status actions. */
export const PaperListRow = memo(function PaperListRow({
  paper,
  position,
  selected,
  tabbable,
  checked,
  picking,
  dropBefore,
  drag,
  pdfDrop,
  pdfOver,
  showStatus,
  leaving,
  ranked,
  top,
  height,
  withPreview,
}: RowProps) {
  const select = useApp((s) => s.select);
  const toggleChecked = useApp((s) => s.toggleChecked);
  const checkRange = useApp((s) => s.checkRange);
  const element = useRef<HTMLDivElement>(null);
  // The selection moved (a key, a click): the selected row takes the focus, so a screen reader says which
  // paper it is, unless the focus is somewhere else the person is working (a note, the search box).
  useEffect(() => {
    const row = element.current;
    if (!selected || !row) return;
    const now = document.activeElement;
    // Already there (PaperList moves it as the cursor moves): focus() would work out the page's style again.
    if (now === row) return;
    if (now === null || now === document.body || row.closest('[role="grid"]')?.contains(now))
      row.focus({ preventScroll: true });
  }, [selected]);
  return (
    <div
      ref={element}
      role="row"
      aria-selected={picking ? checked : selected}
      aria-rowindex={position}
      aria-label={rowLabel(paper.title ? paper : { ...paper, title: untitledName(paper.untitledBy) })}
      tabIndex={tabbable ? 0 : -1}
      data-id={paper.id}
      title={ranked?.reason}
      className={[
        'row',
        selected && 'selected',
        checked && 'checked',
        selected && picking && !checked && 'unpicked',
        dropBefore && 'drop-before',
        ranked?.rule === 'dim' && 'dimmed',
        leaving && 'leaving',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{
        transform: `translateY(${top}px)`,
        height,
        ...(pdfOver && { outline: '2px dashed var(--accent)', outlineOffset: -3 }),
      }}
      draggable={drag !== undefined}
      onDragStart={drag && ((e) => drag.start(e, paper.id))}
      onDragOver={(e) => {
        pdfDrop.over(e, paper.id);
        drag?.over(e, paper.id);
      }}
      onDragLeave={(e) => pdfDrop.leave(e, paper.id)}
      onDrop={(e) => {
        pdfDrop.drop(e, paper.id);
        if (e.dataTransfer.types.includes(DRAG_TYPE)) drag?.drop(e, paper.id);
      }}
      onDragEnd={drag?.end}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey) toggleChecked(paper.id);
        else if (e.shiftKey) checkRange(paper.id);
        else select(paper.id);
      }}
    >
      <RowContent paper={paper} selected={selected} showStatus={showStatus} ranked={ranked} withPreview={withPreview} />
    </div>
  );
});
