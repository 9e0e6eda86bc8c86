/** Words for the framework's enumerations, shared by the read-only view and the editor. */
import type { Acceptability, AggregationMethod } from "../../shared/estimation/framework";

export const AGGREGATION_LABELS: Record<AggregationMethod, string> = {
  "geometric-mean-odds": "Geometric mean of odds",
  median: "Median",
  "linear-pool": "Linear pool (mean of probabilities)",
};

export const ACCEPTABILITY_LABELS: Record<Acceptability, string> = {
  acceptable: "Acceptable",
  "acceptable-with-mitigations": "Acceptable with mitigations",
  unacceptable: "Unacceptable",
};

/** Why the top rung matters (Measure 4.1): at least one tier must lie above the one reached. */
export const TOP_TIER_NOTE = "Top tier: a determination at this tier is flagged as needing a higher tier.";
