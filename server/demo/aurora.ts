/**
 * The demo workshop: Aurora-2 (fictional) assessed by three experts over three blind rounds: a named
 * pre-mitigation round, an anonymous Delphi revision, and a residual round after mitigations. Each
 * reveal takes a snapshot, so the risk history has three points with changed estimates, and a
 * closing snapshot records the determinations and the verdict. All numbers are illustrative; the
 * data is aurora.json, checked by the seed file schema when this module loads.
 */
import { readFileSync } from "node:fs";
import { type SeedSpec, seedSpec } from "./spec";

export const auroraSpec: SeedSpec = seedSpec(
  JSON.parse(readFileSync(new URL("./aurora.json", import.meta.url), "utf8")),
);
