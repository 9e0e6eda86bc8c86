/** Which mitigations lower a scenario's residual risk, and the link changes the view writes. */
import type { Mitigation } from "../../shared/content";

/** The mitigations linked to `scenarioId`, in their order. */
export function linkedTo(mitigations: readonly Mitigation[], scenarioId: string): Mitigation[] {
  return mitigations.filter((m) => m.scenarioIds.includes(scenarioId));
}

/** Mitigations that could be linked: those not yet linked to `scenarioId`. */
export function linkableTo(mitigations: readonly Mitigation[], scenarioId: string): Mitigation[] {
  return mitigations.filter((m) => !m.scenarioIds.includes(scenarioId));
}

/** `scenarioIds` with `scenarioId` added once. */
export function withLink(scenarioIds: readonly string[], scenarioId: string): string[] {
  return scenarioIds.includes(scenarioId) ? [...scenarioIds] : [...scenarioIds, scenarioId];
}

/** `scenarioIds` without `scenarioId`. */
export function withoutLink(scenarioIds: readonly string[], scenarioId: string): string[] {
  return scenarioIds.filter((id) => id !== scenarioId);
}

/** How many other scenarios share the mitigation: said before unlinking or removing it. */
export function otherScenarioCount(mitigation: Mitigation, scenarioId: string): number {
  return mitigation.scenarioIds.filter((id) => id !== scenarioId).length;
}
