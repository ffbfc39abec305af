/**
 * The search box's placeholders, longest first: each names the key that reaches the box and as much of the
 * search syntax as the box has room for. The whole syntax is always in the box's tooltip and accessible
 * description (its title), and behind the "?" button beside it. No React here: the page's first script
 * (first-paint/) fits its frame's box with these too.
 */
export const SEARCH_PLACEHOLDERS = [
  'Search ( / ): words, "a phrase", author:name, #tag, -word',
  'Search ( / ): "a phrase", author:name, #tag, -word',
  'Search ( / ): "phrase", author:, #tag, -word',
  'Search ( / ): "phrase", #tag, -word',
  'Search ( / )',
  'Search',
] as const;

/** The longest placeholder whose text fits in `room` pixels, as `measure` draws it; the shortest if none does. */
export function fittingPlaceholder(
  room: number,
  measure: (text: string) => number,
  placeholders: readonly string[] = SEARCH_PLACEHOLDERS,
): string {
  return placeholders.find((text) => measure(text) <= room) ?? placeholders[placeholders.length - 1]!;
}

/** The placeholder that fits `box` as it is drawn now, measured on `context`; undefined before it is laid out. */
export function placeholderFor(box: HTMLInputElement, context: OffscreenCanvasRenderingContext2D): string | undefined {
  const style = getComputedStyle(box);
  if (box.clientWidth === 0) return undefined;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  // The box's content width, less a pixel or two of rounding.
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 2;
  return fittingPlaceholder(room, (text) => context.measureText(text).width);
}
