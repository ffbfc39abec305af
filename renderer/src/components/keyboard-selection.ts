import type { TextRange } from '../pdf/fold';
import { sentences, stepSentence } from '../pdf/sentences';

/**
 * Choosing a passage of a title or abstract without a mouse, as the reader does in a PDF: ] and [ select
 * the next or previous sentence, Shift with them (} and {) grows or shrinks the selection by one, and
 * Shift+arrows (with Ctrl, a word at a time) move its end. The sentences are the reader's (Intl.Segmenter).
 */
export type SelectKey = 'next' | 'previous' | 'grow' | 'shrink' | 'char+' | 'char-' | 'word+' | 'word-';

/** Which selection key an event is, if any. */
export function selectKey(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
}): SelectKey | undefined {
  if (event.altKey) return undefined;
  switch (event.key) {
    case ']':
      return 'next';
    case '[':
      return 'previous';
    case '}':
      return 'grow';
    case '{':
      return 'shrink';
    case 'ArrowRight':
      return event.shiftKey ? (event.ctrlKey ? 'word+' : 'char+') : undefined;
    case 'ArrowLeft':
      return event.shiftKey ? (event.ctrlKey ? 'word-' : 'char-') : undefined;
    default:
      return undefined;
  }
}

/**
 * Applies `key` to the page's selection inside `root`, whose text is `text` (offsets read and placed by
 * `offsets` and `rangeAt`). Returns the passage now selected, or undefined when nothing is.
 */
export function moveSelection(
  root: HTMLElement,
  text: string,
  key: SelectKey,
  offsets: (range: Range) => TextRange,
): TextRange | undefined {
  const selection = window.getSelection();
  if (!selection) return undefined;
  const inside =
    selection.rangeCount > 0 &&
    !selection.isCollapsed &&
    root.contains(selection.getRangeAt(0).commonAncestorContainer);
  const current = inside ? offsets(selection.getRangeAt(0)) : undefined;
  if (key.startsWith('char') || key.startsWith('word')) {
    if (!current) {
      // Nothing chosen yet: start at the beginning of the text, as a caret would.
      const start = rangeAt(root, 0, 0);
      if (!start) return undefined;
      selection.removeAllRanges();
      selection.addRange(start);
    }
    selection.modify(
      'extend',
      key.endsWith('+') ? 'forward' : 'backward',
      key.startsWith('word') ? 'word' : 'character',
    );
    return selection.isCollapsed ? undefined : offsets(selection.getRangeAt(0));
  }
  const list = sentences(text);
  const direction = key === 'next' || key === 'grow' ? 1 : -1;
  const target = stepSentence(list, current, direction, key === 'grow' || key === 'shrink') ?? current;
  if (!target) return undefined;
  const range = rangeAt(root, target.start, target.end);
  if (!range) return undefined;
  selection.removeAllRanges();
  selection.addRange(range);
  return target;
}

/**
 * A DOM range over [start, end) of the text drawn in `root`, whose runs carry where they start
 * (data-start) and, for a piece of math drawn as one unit, where it ends (data-end).
 */
export function rangeAt(root: HTMLElement, start: number, end: number): Range | undefined {
  const from = position(root, start, 'start');
  const to = position(root, end, 'end');
  if (!from || !to) return undefined;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

function position(root: HTMLElement, at: number, side: 'start' | 'end'): { node: Node; offset: number } | undefined {
  const runs = [...root.querySelectorAll<HTMLElement>(':scope > [data-start]')];
  // The last run that starts at or before `at` (for an end, before it: an end at a run's start is the previous run's end).
  const run = runs.findLast((r) => {
    const s = Number(r.dataset.start);
    return side === 'start' ? s <= at : s < at || (at === 0 && s === 0);
  });
  if (!run) return undefined;
  const runStart = Number(run.dataset.start);
  if (run.dataset.end) {
    // Math is one unit: before it or after it.
    const parent = run.parentNode!;
    const index = [...parent.childNodes].indexOf(run);
    return { node: parent, offset: side === 'start' && at <= runStart ? index : index + 1 };
  }
  let left = at - runStart;
  const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    last = node;
    if (left <= node.length) return { node, offset: left };
    left -= node.length;
  }
  return last ? { node: last, offset: last.length } : undefined;
}
