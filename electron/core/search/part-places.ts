import { phrasePlaces } from './phrase-places';

/*
 * Texts made of parts, for a row's marks: a paper's authors, its tags, a highlight's quote and its comment are
 * shown joined, but search reads each part on its own, so a phrase is found (and marked) within one part only.
 */

/**
 * Where a text made of parts (a paper's authors, its tags, a highlight's quote and its comment) starts a
 * separator: search reads each part on its own (phrase-filter.ts, field-filter.ts), so a phrase found across
 * two parts is no match and is not marked. Ascending.
 */
export type Breaks = readonly number[];

/** `parts` joined by `separator`, and where each separator starts. */
export function joinParts(parts: readonly string[], separator: string): { text: string; breaks: number[] } {
  const breaks: number[] = [];
  let text = '';
  parts.forEach((part, i) => {
    if (i > 0) {
      breaks.push(text.length);
      text += separator;
    }
    text += part;
  });
  return { text, breaks };
}

/**
 * The places of `phrase` in `text` (phrasePlaces) within one of its parts, at most `limit`: one across a break
 * is not counted, nor does it take the place of one further on.
 */
export function placesWithin(
  text: string,
  phrase: readonly string[],
  limit: number,
  breaks?: Breaks,
): [number, number][] {
  if (!breaks?.length) return phrasePlaces(text, phrase, limit);
  const places: [number, number][] = [];
  for (const place of phrasePlaces(text, phrase, Number.MAX_SAFE_INTEGER)) {
    if (crosses(place, breaks)) continue;
    places.push(place);
    if (places.length === limit) break;
  }
  return places;
}

/** True if [start, end) holds a break: the first break at or past `start` is before `end`. */
function crosses([start, end]: [number, number], breaks: Breaks): boolean {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < breaks.length && breaks[lo]! < end;
}

/**
 * The breaks of `text` that fall in its window [from, to), as offsets into the passage's body: the window's
 * whitespace runs squashed to one space (a run across a break may count one more, still inside its separator),
 * less `skip`, the squashed characters before the body.
 */
export function bodyBreaks(text: string, breaks: Breaks, from: number, to: number, skip: number): number[] {
  const inBody: number[] = [];
  let squashed = 0;
  let read = from;
  for (const at of breaks) {
    if (at <= from) continue;
    if (at >= to) break;
    squashed += text.slice(read, at).replace(/\s+/g, ' ').length;
    read = at;
    if (squashed > skip) inBody.push(squashed - skip);
  }
  return inBody;
}
