import type { ComponentProps } from 'react';
import type { PaperListRow } from '../../renderer/src/components/PaperListRow';
import type { PaperRow } from '../../renderer/src/store/types';

type RowProps = ComponentProps<typeof PaperListRow>;

/**
 * A list row's props as the list gives them to a row at rest (not picked, dragged or leaving, at the top,
 * with abstracts), with `overrides` on top: what a test of one row draws.
 */
export function restingRow(paper: PaperRow, overrides: Partial<RowProps> = {}): RowProps {
  return {
    paper,
    position: 1,
    selected: false,
    tabbable: false,
    checked: false,
    picking: false,
    dropBefore: false,
    drag: undefined,
    pdfDrop: { over: () => undefined, leave: () => undefined, drop: () => undefined },
    pdfOver: false,
    showStatus: true,
    leaving: false,
    ranked: undefined,
    top: 0,
    height: 124,
    withPreview: true,
    ...overrides,
  };
}
