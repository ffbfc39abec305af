import type { SizeResult } from './measure';

/** The figures whose growth the bench fits: each should grow linearly with the library, or slower. */
export const GROWTH_KEYS = ['open_ms', 'save_block_ms', 'index_build_ms', 'search_p99_ms'] as const;
/** Sizes below this are dominated by fixed costs (start-up, compiling), which would flatter the fit. */
const GROWTH_FROM = 10_000;

export type Growth = {
  sizes: number[];
  /** For each figure, the exponent k of the least-squares fit figure ≈ c · size^k over the sizes (log-log). */
  exponents: Record<string, number | null>;
  note: string;
};

/** The exponent of a power law through (x, y) points, fitted by least squares on their logarithms. */
export function fitExponent(points: readonly (readonly [number, number])[]): number | null {
  const usable = points.filter(([x, y]) => x > 0 && y > 0);
  if (usable.length < 2) return null;
  const logs = usable.map(([x, y]) => [Math.log(x), Math.log(y)] as const);
  const meanX = logs.reduce((sum, [x]) => sum + x, 0) / logs.length;
  const meanY = logs.reduce((sum, [, y]) => sum + y, 0) / logs.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of logs) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? null : Math.round((covariance / variance) * 100) / 100;
}

/** How open, the save's block, the index build and search p99 grow over the sizes measured (10,000 and up). */
export function growthOf(sizes: Record<string, SizeResult>): Growth | null {
  const measured = Object.keys(sizes)
    .map(Number)
    .filter((size) => size >= GROWTH_FROM)
    .sort((a, b) => a - b);
  if (measured.length < 2) return null;
  const exponents: Record<string, number | null> = {};
  for (const key of GROWTH_KEYS) {
    const points = measured.map((size) => [size, Number(sizes[String(size)]![key] ?? 0)] as const);
    exponents[key] = fitExponent(points);
  }
  return {
    sizes: measured,
    exponents,
    note: 'k in figure ≈ c·size^k, least squares over log(size), log(figure); 1 is linear (from --sizes, 10,000 and up)',
  };
}
