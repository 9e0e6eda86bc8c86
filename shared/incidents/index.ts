export * from "./clocks";
export * from "./limits";
export * from "./model";
