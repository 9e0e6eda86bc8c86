/** The snapshot room's own navigation: which part of the frozen room is shown, kept in local state. */
import { matchRoute } from "../router";

export type SnapshotPlace =
  | { kind: "overview" }
  | { kind: "threatModel" }
  | { kind: "register" }
  | { kind: "framework" }
  | { kind: "rounds" }
  | { kind: "acceptance" }
  | { kind: "risk"; riskId: string }
  | { kind: "scenario"; scenarioId: string };

/**
 * The place a link inside the embedded views points at, when it is a place of this workshop's room
 * the snapshot can show; null for anything else (which then navigates as usual).
 */
export function placeForHref(href: string, workshopId: string): SnapshotPlace | null {
  // The views link within the room by path; anything with a scheme or host goes elsewhere.
  if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) return null;
  let path: string;
  try {
    path = new URL(href, "http://room.invalid").pathname;
  } catch {
    return null;
  }
  const route = matchRoute(path);
  if (route.page !== "room" || route.workshopId !== workshopId) return null;
  const v = route.view;
  switch (v.kind) {
    case "overview":
    case "threatModel":
    case "register":
    case "framework":
    case "rounds":
    case "acceptance":
      return { kind: v.kind };
    case "risk":
      return { kind: "risk", riskId: v.riskId };
    case "scenario":
      return { kind: "scenario", scenarioId: v.scenarioId };
    default:
      return null;
  }
}

/** One value per place, for a <select>. */
export const placeKey = (p: SnapshotPlace): string =>
  p.kind === "risk" ? `risk:${p.riskId}` : p.kind === "scenario" ? `scenario:${p.scenarioId}` : p.kind;

export function placeFromKey(key: string): SnapshotPlace {
  const [kind, id = ""] = key.split(/:(.*)/s);
  if (kind === "risk") return { kind: "risk", riskId: id };
  if (kind === "scenario") return { kind: "scenario", scenarioId: id };
  if (kind === "threatModel") return { kind: "threatModel" };
  if (kind === "register" || kind === "framework" || kind === "rounds" || kind === "acceptance")
    return { kind };
  return { kind: "overview" };
}
