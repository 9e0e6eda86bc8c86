/** Text colour for a tier swatch: dark on light fills, white on dark ones (WCAG relative luminance). */
export function textOn(hex: string): "#1d2330" | "#ffffff" {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return "#1d2330";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = Number.parseInt(h ?? "0", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // The crossover where contrast with black equals contrast with white.
  return luminance > 0.179 ? "#1d2330" : "#ffffff";
}

/** The short form of a SHA-256 hex digest for display; the full value goes in a title. */
export const shortHash = (hash: string): string => (hash.length > 16 ? `${hash.slice(0, 12)}…` : hash);
