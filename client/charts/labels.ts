/** Fitting framework labels into chart space. Pure. */

/** "Very unlikely (1 in 10,000 – 1 in 1,000)" → name "Very unlikely", detail "1 in 10,000 – 1 in 1,000". */
export function splitLabel(label: string): { name: string; detail: string } {
  const m = /^(.*?)\s*\((.+)\)\s*$/.exec(label);
  return m?.[1] ? { name: m[1], detail: m[2] ?? "" } : { name: label, detail: "" };
}

/** Rough width of a label in px at a given font size (average glyph ≈ 0.58 em). */
export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * 0.58;

/** The whole label if it fits in `width`, else its name, else nothing. */
export function fitLabel(label: string, width: number, fontSize = 11): string {
  if (textWidth(label, fontSize) <= width) return label;
  const { name } = splitLabel(label);
  return textWidth(name, fontSize) <= width ? name : "";
}
