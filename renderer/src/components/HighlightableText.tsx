import { useMemo, useRef, useState, type ElementType } from 'react';
import { anchor, segments, type Anchored } from '../anchor';
import type { Annotation, AnnotationTarget } from '../store/types';
import { HighlightPopover, type NewHighlight } from './HighlightPopover';

type Props = {
  as: ElementType;
  className: string;
  text: string;
  target: AnnotationTarget;
  annotations: Annotation[];
  activeId: string | undefined;
  onActivate: (id: string) => void;
  onHighlight: (highlight: NewHighlight) => Promise<void>;
};

type Selection = { start: number; end: number; quote: string; x: number; y: number };

/** Text with its highlights drawn in place; selecting a passage offers to highlight it. */
export function HighlightableText({
  as: Tag,
  className,
  text,
  target,
  annotations,
  activeId,
  onActivate,
  onHighlight,
}: Props) {
  const container = useRef<HTMLElement>(null);
  const [selection, setSelection] = useState<Selection | undefined>();
  const anchored = useMemo(
    () =>
      annotations
        .filter((a) => a.target === target)
        .map((a) => anchor(text, a))
        .filter((a): a is Anchored => !!a),
    [annotations, target, text],
  );
  const runs = useMemo(() => segments(text, anchored), [text, anchored]);

  function onMouseUp() {
    const root = container.current;
    const sel = window.getSelection();
    if (!root || !sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
    const start = offsetWithin(root, range.startContainer, range.startOffset);
    const end = offsetWithin(root, range.endContainer, range.endOffset);
    if (end <= start) return;
    const rect = range.getBoundingClientRect();
    setSelection({ start, end, quote: text.slice(start, end), x: rect.left + rect.width / 2, y: rect.bottom });
  }

  return (
    <>
      <Tag ref={container} className={className} onMouseUp={onMouseUp}>
        {runs.map((run) =>
          run.annotationIds.length ? (
            <mark
              key={run.start}
              className={`hl hl-${run.color}${run.annotationIds.includes(activeId ?? '') ? ' active' : ''}`}
              data-annotation={run.annotationIds.at(-1)}
              onClick={() => onActivate(run.annotationIds.at(-1)!)}
            >
              {run.text}
            </mark>
          ) : (
            <span key={run.start}>{run.text}</span>
          ),
        )}
      </Tag>
      {selection && (
        <HighlightPopover
          x={selection.x}
          y={selection.y}
          quote={selection.quote}
          onCancel={() => setSelection(undefined)}
          onSave={async (color, comment) => {
            await onHighlight({
              target,
              start: selection.start,
              end: selection.end,
              quote: selection.quote,
              color,
              comment,
            });
            setSelection(undefined);
            window.getSelection()?.removeAllRanges();
          }}
        />
      )}
    </>
  );
}

/** Character offset of a DOM position within the container's text. */
function offsetWithin(root: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}
