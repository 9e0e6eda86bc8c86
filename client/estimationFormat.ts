/** Probabilities and tiers as people read them, one way across every estimation view. */

/** 0.0123 → "1.2%", 0.000012 → "0.0012%", 0.9995 → "99.95%": enough digits to tell estimates apart. */
export function formatProbability(p: number): string {
  if (!Number.isFinite(p)) return "—";
  const percent = p * 100;
  if (percent === 0) return "0%";
  const digits = percent >= 10 ? (percent >= 99 ? 2 : 1) : Math.max(1, 1 - Math.floor(Math.log10(percent)));
  return `${Number(percent.toFixed(Math.min(digits, 8)))}%`;
}

/** A range with its best guess: "1% (0.1%–5%)". */
export function formatRange(r: { low: number; best: number; high: number }): string {
  return `${formatProbability(r.best)} (${formatProbability(r.low)}–${formatProbability(r.high)})`;
}
