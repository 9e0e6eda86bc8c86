/** Readable text on the framework's tier colours. Pure. */

/** WCAG relative luminance of a #rrggbb colour; NaN for anything else. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return Number.NaN;
  const channel = (h: string | undefined) => {
    const c = Number.parseInt(h ?? "0", 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/** Black or white, whichever contrasts more with `hex` (black when the colour cannot be read). */
export function textColourOn(hex: string): "#000000" | "#ffffff" {
  const l = relativeLuminance(hex);
  if (Number.isNaN(l)) return "#000000";
  const onBlack = (l + 0.05) / 0.05;
  const onWhite = 1.05 / (l + 0.05);
  return onBlack >= onWhite ? "#000000" : "#ffffff";
}

/**
 * Line colours for telling scenarios apart (tier colours mark the points): Okabe–Ito, then Tol's
 * muted colours, all colour-blind safe and dark enough on white; ten before one repeats.
 */
export const SERIES_COLOURS = [
  "#0072b2",
  "#d55e00",
  "#009e73",
  "#cc79a7",
  "#e69f00",
  "#56b4e9",
  "#000000",
  "#882255",
  "#44aa99",
  "#999933",
];

export const seriesColour = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length] ?? "#000000";
