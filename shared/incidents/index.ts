export * from "./clocks";
export * from "./model";
export * from "./view";
