/** Risk estimation and acceptance: the framework, estimates, aggregates and tier probabilities. */
export * from "./aggregate";
export * from "./canonicalJson";
export * from "./defaults";
export * from "./estimate";
export * from "./framework";
export * from "./random";
export * from "./stats";
export * from "./tierProbabilities";
