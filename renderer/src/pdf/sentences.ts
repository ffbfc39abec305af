import type { TextRange } from './fold';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/**
 * The sentences of a page's text as offsets into it, by the platform's sentence rules (Intl.Segmenter,
 * Unicode's sentence boundaries), without the white space around them. A line end is read as a space
 * (a PDF's lines end mid-sentence; the segmenter would take each for a paragraph), which keeps every offset.
 */
export function sentences(text: string): TextRange[] {
  const flat = text.replaceAll('\n', ' ');
  const out: TextRange[] = [];
  for (const { index, segment } of segmenter.segment(flat)) {
    let start = index;
    let end = index + segment.length;
    while (start < end && /\s/.test(flat[start]!)) start++;
    while (end > start && /\s/.test(flat[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

/**
 * The passage the next sentence key selects on a page, given its sentences and what is selected there now
 * (`current`, undefined when nothing is): the next or previous sentence, or with `extend` the selection
 * grown to the end of the next sentence or shrunk to the end of the previous one. Undefined when the page
 * has no sentence that way (the caller goes on to the next or previous page).
 */
export function stepSentence(
  list: readonly TextRange[],
  current: TextRange | undefined,
  direction: 1 | -1,
  extend: boolean,
): TextRange | undefined {
  if (!current) return direction > 0 ? list[0] : list.at(-1);
  if (extend) {
    if (direction > 0) {
      const next = list.find((s) => s.end > current.end);
      return next && { start: current.start, end: next.end };
    }
    const shorter = list.findLast((s) => s.end < current.end && s.end > current.start);
    return shorter ? { start: current.start, end: shorter.end } : current;
  }
  if (direction > 0) return list.find((s) => s.start >= current.end) ?? list.find((s) => s.start > current.start);
  return list.findLast((s) => s.end <= current.start) ?? list.findLast((s) => s.start < current.start);
}
