import { describe, expect, it } from 'vitest';
import { anchor, mathSpans, segments, snapToMath } from '../../renderer/src/anchor';
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

describe('math in highlighted text', () => {
  const withMath = 'Take $p_{\\theta}$ and $$x$$ now.';
  const math = mathSpans(withMath);

  it('finds $…$ and $$…$$ spans by their offsets in the stored text', () => {
    expect(math.map((m) => [withMath.slice(m.start, m.end), m.tex, m.display])).toEqual([
      ['$p_{\\theta}$', 'p_{\\theta}', false],
      ['$$x$$', 'x', true],
    ]);
  });

  it('widens a range to every piece of math it touches, and no further', () => {
    // The math is [5, 17) and [22, 27).
    expect(snapToMath(0, 7, math)).toEqual({ start: 0, end: 17 });
    expect(snapToMath(8, 24, math)).toEqual({ start: 5, end: 27 });
    expect(snapToMath(0, 5, math)).toEqual({ start: 0, end: 5 });
    expect(snapToMath(17, 22, math)).toEqual({ start: 17, end: 22 });
  });

  it('gives each piece of math a run of its own, whole inside any highlight that touches it', () => {
    const runs = segments(withMath, [{ annotation: highlight(2, 8, withMath), start: 2, end: 8 }], math);
    expect(runs.map((r) => [r.text, r.annotationIds.join('+'), r.math ? 'math' : ''])).toEqual([
      ['Ta', '', ''],
      ['ke ', 'a2', ''],
      ['$p_{\\theta}$', 'a2', 'math'],
      [' and ', '', ''],
      ['$$x$$', '', 'math'],
      [' now.', '', ''],
    ]);
  });
});
