/** The snapshot room's picker of places: one <select> value per place of the room. */
import type { RoomPlace } from "../router";

/** One value per place, for a <select>. */
export const placeKey = (p: RoomPlace): string =>
  p.kind === "risk" ? `risk:${p.riskId}` : p.kind === "scenario" ? `scenario:${p.scenarioId}` : p.kind;

export function placeFromKey(key: string): RoomPlace {
  const [kind, id = ""] = key.split(/:(.*)/s);
  if (kind === "risk") return { kind: "risk", riskId: id };
  if (kind === "scenario") return { kind: "scenario", scenarioId: id };
  if (kind === "threatModel") return { kind: "threatModel" };
  if (
    kind === "register" ||
    kind === "framework" ||
    kind === "rounds" ||
    kind === "acceptance" ||
    kind === "incidents"
  )
    return { kind };
  return { kind: "overview" };
}
