/** A log-probability axis: decade-aligned domains, positions and tick labels. Pure. */
import { formatProbability } from "../estimationFormat";

/** Below this, a probability is drawn at the axis floor (0 has no place on a log axis). */
export const FLOOR_EXPONENT = -8;

export interface LogDomain {
  /** Decade exponents: the axis runs from 10^min to 10^max. */
  min: number;
  max: number;
}

/** The decades spanning every finite positive value, at least `minDecades` wide, never above 10^0. */
export function logDomain(values: readonly number[], minDecades = 2): LogDomain {
  const logs = values.filter((v) => Number.isFinite(v) && v > 0).map((v) => Math.log10(v));
  if (logs.length === 0) return { min: -minDecades, max: 0 };
  let min = Math.max(FLOOR_EXPONENT, Math.floor(Math.min(...logs)));
  let max = Math.min(0, Math.ceil(Math.max(...logs)));
  if (max === min) max = Math.min(0, max + 1);
  while (max - min < minDecades) {
    if (max < 0) max += 1;
    else min -= 1;
  }
  // `+ 0` turns Math.ceil's -0 into 0.
  return { min: min + 0, max: max + 0 };
}

/** Where p sits between `from` (at 10^min) and `to` (at 10^max), clamped to the axis. */
export function logPosition(p: number, d: LogDomain, from: number, to: number): number {
  const e = p > 0 ? Math.log10(p) : Number.NEGATIVE_INFINITY;
  const t = (Math.min(d.max, Math.max(d.min, e)) - d.min) / (d.max - d.min);
  return from + t * (to - from);
}

export interface Tick {
  value: number;
  label: string;
}

/** One tick per decade, labelled as percentages (0.0001%, 0.001%, … 100%); every other one when crowded. */
export function logTicks(d: LogDomain, maxTicks = 9): Tick[] {
  const step = Math.max(1, Math.ceil((d.max - d.min + 1) / maxTicks));
  const ticks: Tick[] = [];
  for (let e = d.max; e >= d.min; e -= step)
    ticks.unshift({ value: 10 ** e, label: formatProbability(10 ** e) });
  return ticks;
}
