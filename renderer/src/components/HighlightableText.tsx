import { useMemo, useRef, useState, type ElementType } from 'react';
import { anchor, mathSpans, segments, snapToMath, type Anchored } from '../anchor';
import type { Annotation, AnnotationTarget } from '../store/types';
import { HighlightPopover, type NewHighlight } from './HighlightPopover';
import { TexMath } from './TexText';

type Props = {
  as: ElementType;
  className: string;
  text: string;
  target: Exclude<AnnotationTarget, 'pdf'>;
  annotations: Annotation[];
  activeId: string | undefined;
  onActivate: (id: string) => void;
  onHighlight: (highlight: NewHighlight) => Promise<void>;
};

type Selection = { start: number; end: number; quote: string; x: number; y: number };

/**
 * Text with its highlights drawn in place and its $…$ math drawn as math; selecting a passage offers to
 * highlight it. Offsets are into the stored text: a piece of math is one unit, so a selection that
 * touches it covers its whole source.
 */
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
  const math = useMemo(() => mathSpans(text), [text]);
  const runs = useMemo(() => segments(text, anchored, math), [text, anchored, math]);

  function onMouseUp() {
    const root = container.current;
    const sel = window.getSelection();
    if (!root || !sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
    const { start, end } = snapToMath(
      offsetWithin(root, range.startContainer, range.startOffset, 'start', text.length),
      offsetWithin(root, range.endContainer, range.endOffset, 'end', text.length),
      math,
    );
    if (end <= start) return;
    const rect = range.getBoundingClientRect();
    setSelection({ start, end, quote: text.slice(start, end), x: rect.left + rect.width / 2, y: rect.bottom });
  }

  return (
    <>
      <Tag ref={container} className={className} onMouseUp={onMouseUp}>
        {runs.map((run) => {
          const shown = run.math ? (
            <TexMath tex={run.math.tex} display={run.math.display} source={run.text} />
          ) : (
            run.text
          );
          // Where each run starts in the text (and ends, for math): a selection's offsets are read from them.
          const place = { 'data-start': run.start, 'data-end': run.math?.end };
          return run.annotationIds.length ? (
            <mark
              key={run.start}
              {...place}
              className={`hl hl-${run.color}${run.annotationIds.includes(activeId ?? '') ? ' active' : ''}`}
              data-annotation={run.annotationIds.at(-1)}
              // Hovering a highlight shows what was written about it.
              title={commentsOf(annotations, run.annotationIds)}
              onClick={() => onActivate(run.annotationIds.at(-1)!)}
            >
              {shown}
            </mark>
          ) : (
            <span key={run.start} {...place}>
              {shown}
            </span>
          );
        })}
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

/**
 * The offset in the stored text of a DOM position in the container: the run it falls in says where
 * that run starts; inside plain text the characters before it count, inside math the position is the
 * math's start (for a selection's start) or end (for its end).
 */
function offsetWithin(root: HTMLElement, node: Node, offset: number, side: 'start' | 'end', length: number): number {
  if (node === root) {
    const child = root.childNodes[offset];
    return child instanceof HTMLElement && child.dataset.start ? Number(child.dataset.start) : length;
  }
  const element = node instanceof Element ? node : node.parentElement;
  const run = element?.closest<HTMLElement>('[data-start]');
  if (!run || !root.contains(run)) return side === 'start' ? 0 : length;
  const start = Number(run.dataset.start);
  if (run.dataset.end) return side === 'start' ? start : Number(run.dataset.end);
  const range = document.createRange();
  range.setStart(run, 0);
  range.setEnd(node, offset);
  return start + range.toString().length;
}

function commentsOf(annotations: Annotation[], ids: readonly string[]): string | undefined {
  const comments = annotations.filter((a) => ids.includes(a.id) && a.comment.trim()).map((a) => a.comment.trim());
  return comments.length ? comments.join('\n\n') : undefined;
}
