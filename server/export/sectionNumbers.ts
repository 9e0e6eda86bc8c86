/**
 * The report's numbered sections, in order: the one place each number is written, for its heading
 * and for every reference to it in the text.
 */
export const SECTIONS = {
  overview: "1.",
  participants: "2.",
  criteria: "3.",
  lock: "3.1",
  bands: "3.2",
  levels: "3.3",
  tiers: "3.4",
  matrix: "3.5",
  ladders: "3.6",
  risks: "4.",
  summary: "5.",
  scenarioTiers: "5.1",
  determinations: "5.2",
  verdict: "5.3",
  snapshots: "6.",
  incidents: "7.",
} as const;

/** A section's number as the text refers to it: "3.1", "5". */
export const ref = (number: string): string => number.replace(/\.$/, "");
