/**
 * The reading stats' charts in numbers: ticks, which weeks are labelled, where each bar and step goes. Plain
 * functions of counts and pixels, so the charts' geometry is tested without a browser.
 */

/**
 * Axis ticks for counts: whole numbers from 0 to a round top at or just above `max`, at most five ticks,
 * stepping by 1, 2, 5, 10, 20, 50… (so a largest count of 1 gives an axis of 0–1, not 0–4 in quarters).
 */
export function countTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  for (let scale = 1; ; scale *= 10) {
    for (const step of [scale, 2 * scale, 5 * scale]) {
      const steps = Math.ceil(top / step);
      if (steps <= 4) return Array.from({ length: steps + 1 }, (_, i) => i * step);
    }
  }
}

/**
 * The weeks to label (their indices): about eight at most, every other week for 12, counted back from this one
 * so the labels sit evenly; five at most of the longer "Mar 2026", which would run into each other.
 */
export function labelledWeeks(count: number): number[] {
  const step = Math.max(2, Math.ceil(count / (count > 26 ? 5 : 8)));
  return Array.from({ length: count }, (_, i) => i).filter((i) => (count - 1 - i) % step === 0);
}

/** Where `value` falls on an axis from 0 (at `from`) to `top` (at `to`; less than `from` for a y axis). */
export const scaleOf =
  (top: number, from: number, to: number) =>
  (value: number): number =>
    from + (top > 0 ? (value / top) * (to - from) : 0);

/**
 * Bars side by side in a band of `band` pixels, laid out as the charts were (recharts'): a tenth of the band
 * free on each side, `gap` between bars, each at most `widest`, the group centred. `offset` is the first
 * bar's start in the band, `step` from one bar's start to the next.
 */
export function barsInBand(band: number, bars: number, gap: number, widest: number) {
  const size = Math.max(0, Math.min(widest, (band * 0.8 - gap * (bars - 1)) / bars));
  const group = size * bars + gap * (bars - 1);
  return { offset: (band - group) / 2, size, step: size + gap };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** An SVG path through points, "x,y" pairs joined by straight lines. */
export const pathThrough = (points: readonly (readonly [number, number])[]): string =>
  points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`).join('');

/**
 * A count that holds until the next one: `ys[i]` from `xs[i]` to `xs[i + 1]`, then a level step from the last
 * x to `end` (this week's, a week wide). Counts are whole numbers: steps, never a curve between them.
 */
export function stepPoints(xs: readonly number[], ys: readonly number[], end: number): [number, number][] {
  const points: [number, number][] = [];
  xs.forEach((x, i) => {
    if (i > 0) points.push([x, ys[i - 1]!]);
    points.push([x, ys[i]!]);
  });
  if (xs.length > 0) points.push([end, ys.at(-1)!]);
  return points;
}

/**
 * A bar whose far end (its top, or its right for a bar across) is rounded by `radius`, less on a bar too small
 * for it; a bar of no length is no path at all.
 */
export function barPath(
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
  end: 'top' | 'right',
): string {
  if (width <= 0 || height <= 0) return '';
  const r = Math.min(radius, width / 2, height / 2);
  const [a, b, w, h] = [x, y, width, height].map(round) as [number, number, number, number];
  if (r <= 0) return `M${a},${b}h${w}v${h}h${-w}Z`;
  const q = round(r);
  return end === 'top'
    ? `M${a},${round(b + h)}V${round(b + q)}Q${a},${b} ${round(a + q)},${b}H${round(a + w - q)}Q${round(a + w)},${b} ${round(a + w)},${round(b + q)}V${round(b + h)}Z`
    : `M${a},${b}H${round(a + w - q)}Q${round(a + w)},${b} ${round(a + w)},${round(b + q)}V${round(b + h - q)}Q${round(a + w)},${round(b + h)} ${round(a + w - q)},${round(b + h)}H${a}Z`;
}

/** About how wide 12-pixel text is: digits and most letters of a system font take 6 to 7 pixels. */
export const textWidth = (text: string): number => text.length * 6.8;

/** A row's name cut to fit `width` pixels, with an ellipsis (the tooltip and the table have it whole). */
export function fitLabel(text: string, width: number): string {
  const fits = Math.floor(width / 6.8);
  return text.length <= fits ? text : `${text.slice(0, Math.max(1, fits - 1)).trimEnd()}…`;
}

/**
 * Room for a count axis's labels left of a chart: `least` (what the charts had), more for counts too long
 * for it, 8 pixels between the labels and the axis.
 */
export const countAxisWidth = (ticks: readonly number[], least: number): number =>
  Math.max(least, Math.ceil(textWidth(String(ticks.at(-1) ?? 0)) + 8));
