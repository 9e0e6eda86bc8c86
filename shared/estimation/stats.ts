/**
 * Small descriptive statistics used by the aggregates. Pure; every function refuses an empty
 * sample by throwing, because an aggregate of nobody has no meaningful value.
 */

/** The disagreement between experts, shown beside every aggregate. */
export interface Spread {
  min: number;
  max: number;
  /** First quartile (type 7, see `quantile`). */
  q1: number;
  /** Third quartile (type 7). */
  q3: number;
  /** q3 − q1. */
  iqr: number;
}

function sorted(xs: readonly number[]): number[] {
  if (xs.length === 0) throw new RangeError("an empty sample has no statistics");
  for (const x of xs) if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return [...xs].sort((a, b) => a - b);
}

/**
 * The q-quantile by linear interpolation between order statistics: Hyndman & Fan type 7, the
 * default of R, NumPy and spreadsheets. h = (n − 1)·q; the value is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋])
 * on the ascending sample, 0-based.
 */
export function quantile(xs: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const s = sorted(xs);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const below = s[lo]!;
  const above = s[Math.min(lo + 1, s.length - 1)]!;
  return below + (h - lo) * (above - below);
}

/** The median (type 7 at q = 0.5: the mean of the two middle values when n is even). */
export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function mean(xs: readonly number[]): number {
  const s = sorted(xs);
  return s.reduce((sum, x) => sum + x, 0) / s.length;
}

/** Min, max and the interquartile range (type 7 quartiles). */
export function spread(xs: readonly number[]): Spread {
  const s = sorted(xs);
  const q1 = quantile(s, 0.25);
  const q3 = quantile(s, 0.75);
  return { min: s[0]!, max: s[s.length - 1]!, q1, q3, iqr: q3 - q1 };
}

/** log(p / (1 − p)); ±Infinity at 0 and 1. */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** The inverse of `logit`: 1 / (1 + e^(−x)), written to stay exact-ish for large |x|. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}
