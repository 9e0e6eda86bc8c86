/** Layout math for the revealed-spread chart: a log-probability axis. Pure, unit-tested. */

/** Decade bounds [10^a, 10^b] holding every value, at least one decade wide, within (0, 1]. */
export function logDomain(values: readonly number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v) && v > 0);
  if (finite.length === 0) return [1e-4, 1];
  let lo = Math.floor(Math.log10(Math.min(...finite)));
  let hi = Math.ceil(Math.log10(Math.max(...finite)));
  hi = Math.min(hi, 0);
  if (hi <= lo) lo = hi - 1;
  return [10 ** lo, 10 ** hi];
}

/** Maps a probability to x in [x0, x1] on a log scale, clamped to the domain. */
export function logScale(domain: [number, number], x0: number, x1: number): (p: number) => number {
  const a = Math.log10(domain[0]);
  const b = Math.log10(domain[1]);
  return (p) => {
    const t = (Math.log10(Math.min(Math.max(p, domain[0]), domain[1])) - a) / (b - a);
    return x0 + t * (x1 - x0);
  };
}

/** One tick per decade of the domain. */
export function decadeTicks(domain: [number, number]): number[] {
  const ticks: number[] = [];
  for (let e = Math.round(Math.log10(domain[0])); e <= Math.round(Math.log10(domain[1])); e++)
    ticks.push(10 ** e);
  return ticks;
}

/** A band's label if it fits its width (≈5.6 px a character at 10 px), else its name without the bracket, else none. */
export function fitLabel(label: string, width: number, charWidth = 5.6): string | null {
  const fits = (text: string) => text.length * charWidth <= width - 6;
  if (fits(label)) return label;
  const short = label.replace(/\s*\(.*$/, "");
  return short !== label && fits(short) ? short : null;
}
