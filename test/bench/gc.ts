/**
 * Garbage collection in the bench process itself: every client lives here, so a collection that
 * falls inside a measurement would be charged to whichever server happened to be measured.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const exposed: unknown = runInNewContext("gc");

/** Runs a full collection in this process (a no-op where the runtime does not allow it). */
export function collectBenchGarbage(): void {
  if (typeof exposed === "function") exposed();
}
