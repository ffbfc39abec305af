import type { MathSpan } from '../../electron/core/shared/math-spans';
import type { Annotation } from './store/types';

// The math of a title or abstract, found by the rules the core stores it with (one function for both sides).
export { mathSpans, type MathSpan } from '../../electron/core/shared/math-spans';

export type Anchored = { annotation: Annotation; start: number; end: number };

/**
 * Where a highlight sits in the current text: at its stored offsets when the quote is still there,
 * otherwise at the occurrence of the quote whose surroundings best match the stored prefix and suffix
 * (as Hypothesis re-anchors). Undefined when the quote is gone from the text.
 */
export function anchor(text: string, annotation: Annotation): Anchored | undefined {
  const { quote, prefix, suffix, start, end } = annotation;
  if (text.slice(start, end) === quote) return { annotation, start, end };
  if (!quote) return undefined;
  let best: { at: number; score: number } | undefined;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const score =
      commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefix(text.slice(at + quote.length, at + quote.length + suffix.length), suffix) -
      Math.abs(at - start) / 1e6;
    if (!best || score > best.score) best = { at, score };
  }
  return best ? { annotation, start: best.at, end: best.at + quote.length } : undefined;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

export type Segment = { text: string; start: number; annotationIds: string[]; color?: string; math?: MathSpan };

/**
 * Split `text` into runs, each covered by the same set of highlights (overlaps allowed). Each piece of
 * `math` is a run of its own, never cut: a highlight that touches it covers all of it.
 */
export function segments(text: string, anchored: readonly Anchored[], math: readonly MathSpan[] = []): Segment[] {
  const snapped = math.length ? anchored.map((a) => ({ ...a, ...snapToMath(a.start, a.end, math) })) : anchored;
  const cuts = new Set<number>([0, text.length]);
  for (const a of snapped) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  for (const span of math) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    if (to <= from) continue;
    const covering = snapped.filter((a) => a.start <= from && a.end >= to);
    const segment: Segment = {
      text: text.slice(from, to),
      start: from,
      annotationIds: covering.map((a) => a.annotation.id),
      color: covering.at(-1)?.annotation.color,
    };
    const span = math.find((m) => m.start === from);
    if (span) segment.math = span;
    out.push(segment);
  }
  return out;
}

/** [start, end) widened to take in whole every piece of math it touches: math is highlighted whole or not at all. */
export function snapToMath(start: number, end: number, math: readonly MathSpan[]): { start: number; end: number } {
  for (const span of math) {
    if (span.start < end && span.end > start) {
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
    }
  }
  return { start, end };
}
