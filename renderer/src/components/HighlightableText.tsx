import { useId, useMemo, useRef, useState, type ElementType, type KeyboardEvent } from 'react';
import { anchor, mathSpans, segments, snapToMath, type Anchored } from '../anchor';
import type { Annotation, AnnotationTarget } from '../store/types';
import { HighlightPopover, type NewHighlight } from './HighlightPopover';
import { moveSelection, selectKey } from './keyboard-selection';
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
  /** A Tab stop whose passages are chosen by keyboard (see keyboard-selection.ts), then h highlights. */
  keyboard?: { label: string };
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
  keyboard,
}: Props) {
  const container = useRef<HTMLElement>(null);
  const [selection, setSelection] = useState<Selection | undefined>();
  const [chosen, setChosen] = useState('');
  const hintId = useId();
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

  /** The stored text's offsets of a range inside the container, a piece of math taken whole. */
  function offsetsOf(root: HTMLElement, range: Range) {
    return snapToMath(
      offsetWithin(root, range.startContainer, range.startOffset, 'start', text.length),
      offsetWithin(root, range.endContainer, range.endOffset, 'end', text.length),
      math,
    );
  }

  /** Offers to highlight what is selected in the container; false when nothing is. */
  function offer(): boolean {
    const root = container.current;
    const sel = window.getSelection();
    if (!root || !sel || sel.isCollapsed || sel.rangeCount === 0) return false;
    const range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return false;
    const { start, end } = offsetsOf(root, range);
    if (end <= start) return false;
    const rect = range.getBoundingClientRect();
    setSelection({ start, end, quote: text.slice(start, end), x: rect.left + rect.width / 2, y: rect.bottom });
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const root = container.current;
    if (!root || event.target !== root || event.metaKey) return;
    const key = selectKey(event);
    if (key) {
      event.preventDefault();
      event.stopPropagation();
      const passage = moveSelection(root, text, key, (range) => offsetsOf(root, range));
      setChosen(passage ? `Selected: ${text.slice(passage.start, passage.end)}` : '');
    } else if ((event.key === 'h' || event.key === 'Enter') && !event.ctrlKey && !event.altKey) {
      // Highlight what is selected; with nothing selected, h selects the first sentence to begin with.
      event.preventDefault();
      event.stopPropagation();
      if (!offer() && event.key === 'h') {
        const passage = moveSelection(root, text, 'next', (range) => offsetsOf(root, range));
        setChosen(passage ? `Selected: ${text.slice(passage.start, passage.end)}` : '');
      }
    }
  }

  return (
    <>
      <Tag
        ref={container}
        className={className}
        onMouseUp={() => void offer()}
        {...(keyboard && {
          tabIndex: 0,
          // A group, since a paragraph cannot be named: heard as "Abstract, group" when Tab reaches it.
          role: 'group',
          'aria-label': keyboard.label,
          'aria-describedby': hintId,
          'aria-keyshortcuts': '] [ } { Shift+ArrowRight Shift+ArrowLeft h',
          onKeyDown,
        })}
      >
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
      {keyboard && (
        <>
          <span id={hintId} hidden>
            ] and [ select the next or previous sentence, Shift with them grows or shrinks the selection, Shift+arrows
            move its end, and h highlights it.
          </span>
          {/* What the keys selected, read out: a selection in text that is not editable is not announced. */}
          <span className="toast-idle" role="status">
            {chosen}
          </span>
        </>
      )}
      {selection && (
        <HighlightPopover
          x={selection.x}
          y={selection.y}
          quote={selection.quote}
          math
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
            setChosen('');
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
