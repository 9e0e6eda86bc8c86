/** Scenario dissent in a workshop's metadata file, as pure transitions (see transitions.ts). */
import type { ScenarioDissentRecord } from "../records";
import type { AuditStamp } from "../repository";
import { audited, type Transition } from "./transitions";
import type { WorkshopMeta } from "./workshopMeta";

export function addScenarioDissent(
  meta: WorkshopMeta,
  note: ScenarioDissentRecord,
  stamp: AuditStamp,
): Transition<ScenarioDissentRecord> {
  const scenarioDissent = [...(meta.scenarioDissent ?? []), note];
  const audit = audited(meta, stamp, "scenario.dissent", note.scenarioId);
  return { next: { ...meta, scenarioDissent, audit }, result: note };
}

export function takeOverScenarioDissent(
  meta: WorkshopMeta,
  notes: ScenarioDissentRecord[],
  stamp: AuditStamp,
): Transition<boolean> {
  if (meta.scenarioDissentTakenOverAt) return { next: meta, result: false };
  const next: WorkshopMeta = {
    ...meta,
    scenarioDissent: [...notes, ...(meta.scenarioDissent ?? [])],
    scenarioDissentTakenOverAt: stamp.at,
    // Taking over nothing (every workshop made by this version) is bookkeeping, not an action.
    ...(notes.length > 0
      ? { audit: audited(meta, stamp, "scenario.dissent.takeover", `${notes.length} notes`) }
      : {}),
  };
  return { next, result: true };
}
