import { describe, expect, it } from 'vitest';
import { anchor, segments } from '../../renderer/src/anchor';
import type { Annotation } from '../../renderer/src/store/types';

const text = 'We study sparse attention. Sparse attention is fast. We show sparse attention scales.';

function highlight(start: number, end: number, source = text): Annotation {
  return {
    id: `a${start}`,
    target: 'abstract',
    quote: source.slice(start, end),
    prefix: source.slice(Math.max(0, start - 32), start),
    suffix: source.slice(end, end + 32),
    start,
    end,
    color: 'yellow',
    comment: '',
    createdAt: '2026-11-26T00:00:00.000Z',
    updatedAt: '2026-11-26T00:00:00.000Z',
  };
}

describe('anchoring highlights', () => {
  it('uses the stored offsets while the text is unchanged', () => {
    const a = highlight(27, 43);
    expect(anchor(text, a)).toMatchObject({ start: 27, end: 43 });
  });

  it('finds the right occurrence by its context after the text was edited', () => {
    const a = highlight(27, 43); // the second "Sparse attention" (capitalised)... and its context
    const edited = 'Abstract. ' + text;
    expect(anchor(edited, a)).toMatchObject({ start: 37, end: 53 });
    const b = highlight(text.lastIndexOf('sparse attention'), text.lastIndexOf('sparse attention') + 16);
    const moved = anchor('Intro. ' + text, b);
    expect(moved?.start).toBe(7 + text.lastIndexOf('sparse attention'));
  });

  it('gives up when the quote is gone', () => {
    expect(anchor('Completely rewritten.', highlight(27, 43))).toBeUndefined();
  });

  it('splits text into runs for overlapping highlights', () => {
    const runs = segments('abcdef', [
      { annotation: highlight(1, 4, 'abcdef'), start: 1, end: 4 },
      { annotation: { ...highlight(3, 5, 'abcdef'), id: 'b', color: 'green' }, start: 3, end: 5 },
    ]);
    expect(runs.map((r) => [r.text, r.annotationIds.join('+'), r.color ?? ''])).toEqual([
      ['a', '', ''],
      ['bc', 'a1', 'yellow'],
      ['d', 'a1+b', 'green'],
      ['e', 'b', 'green'],
      ['f', '', ''],
    ]);
  });
});
