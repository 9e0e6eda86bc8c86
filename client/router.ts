/** A handful of routes do not need a router library: the path is an external store fed by history events. */
import { useSyncExternalStore } from "react";

const NAVIGATE = "riskroom:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

const pathname = () => window.location.pathname;

export function usePathname(): string {
  return useSyncExternalStore(subscribe, pathname);
}

/** Goes to `path` inside the app; `replace` keeps the current entry (e.g. an invite token) out of history. */
export function navigate(path: string, { replace = false } = {}): void {
  if (replace) window.history.replaceState(null, "", path);
  else window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** A place of a room's content and assessment: shown live, or as it was in a snapshot. */
export type RoomPlace =
  | { kind: "overview" }
  | { kind: "threatModel" }
  | { kind: "risk"; riskId: string }
  | { kind: "scenario"; scenarioId: string }
  /** The acceptance framework: scales, matrix, tier ladders, lock and unlocks. */
  | { kind: "framework" }
  /** Estimation rounds: open, estimate, reveal, close. */
  | { kind: "rounds" }
  /** The risk register: matrix, sortable table, history. */
  | { kind: "register" }
  /** Determinations per risk and the overall verdict. */
  | { kind: "acceptance" }
  /** Serious incidents, their reporting deadlines and the reports sent. */
  | { kind: "incidents" };

/** What the room's main pane shows. */
export type RoomView =
  | RoomPlace
  | { kind: "snapshots" }
  /** The audit trail (facilitators and observers): a live view only, never inside a snapshot. */
  | { kind: "audit" }
  /** One snapshot, read-only, the whole room as it was: `place` is the part of it shown. */
  | { kind: "snapshot"; snapshotId: string; place: RoomPlace }
  | { kind: "compare"; from: string; to: string };

export type Route =
  | { page: "start" }
  | { page: "join" }
  | { page: "room"; workshopId: string; view: RoomView }
  | { page: "model"; modelId: string }
  | { page: "notFound" };

/**
 * Where the views of a room link to: the live room, or one snapshot of it, whose places then stay
 * inside the snapshot. Views build every link from the base their room hands them.
 */
export interface RoomBase {
  workshopId: string;
  snapshotId: string | null;
}

type FixedPlace = "framework" | "rounds" | "register" | "acceptance" | "incidents";
const FIXED_PLACES: Record<string, FixedPlace> = {
  "/framework": "framework",
  "/rounds": "rounds",
  "/register": "register",
  "/acceptance": "acceptance",
  "/incidents": "incidents",
};

function matchPlace(rest: string): RoomPlace | null {
  if (rest === "" || rest === "/") return { kind: "overview" };
  if (rest === "/threat-model") return { kind: "threatModel" };
  const fixed = FIXED_PLACES[rest];
  if (fixed) return { kind: fixed };
  const item = /^\/(risks|scenarios)\/([^/]+)$/.exec(rest);
  if (!item?.[2]) return null;
  const id = decodeURIComponent(item[2]);
  return item[1] === "risks" ? { kind: "risk", riskId: id } : { kind: "scenario", scenarioId: id };
}

function matchRoomView(rest: string): RoomView | null {
  if (rest === "/snapshots") return { kind: "snapshots" };
  if (rest === "/audit") return { kind: "audit" };
  const compare = /^\/compare\/([^/]+)\/([^/]+)$/.exec(rest);
  if (compare?.[1] && compare[2])
    return { kind: "compare", from: decodeURIComponent(compare[1]), to: decodeURIComponent(compare[2]) };
  const snapshot = /^\/snapshots\/([^/]+)(\/.*)?$/.exec(rest);
  if (snapshot?.[1]) {
    const place = matchPlace(snapshot[2] ?? "");
    return place && { kind: "snapshot", snapshotId: decodeURIComponent(snapshot[1]), place };
  }
  return matchPlace(rest);
}

export function matchRoute(path: string): Route {
  if (path === "/" || path === "") return { page: "start" };
  if (path === "/join") return { page: "join" };
  const model = /^\/m\/([^/]+)$/.exec(path);
  if (model?.[1]) return { page: "model", modelId: decodeURIComponent(model[1]) };
  const room = /^\/w\/([^/]+)(.*)$/.exec(path);
  const view = room?.[1] ? matchRoomView(room[2] ?? "") : null;
  if (room?.[1] && view) return { page: "room", workshopId: decodeURIComponent(room[1]), view };
  return { page: "notFound" };
}

/** A place's path below its room (live) or its snapshot. */
function placePath(place: RoomPlace): string {
  switch (place.kind) {
    case "overview":
      return "";
    case "threatModel":
      return "/threat-model";
    case "risk":
      return `/risks/${encodeURIComponent(place.riskId)}`;
    case "scenario":
      return `/scenarios/${encodeURIComponent(place.scenarioId)}`;
    case "framework":
    case "rounds":
    case "register":
    case "acceptance":
    case "incidents":
      return `/${place.kind}`;
  }
}

/**
 * The path of a view of a workshop's room. From a snapshot's base, a place of the room is that
 * place in the snapshot; the snapshot list and comparisons are the live room's.
 */
export function roomPath(at: string | RoomBase, view: RoomView): string {
  const { workshopId, snapshotId } = typeof at === "string" ? { workshopId: at, snapshotId: null } : at;
  const base = `/w/${encodeURIComponent(workshopId)}`;
  switch (view.kind) {
    case "snapshots":
      return `${base}/snapshots`;
    case "audit":
      return `${base}/audit`;
    case "snapshot":
      return `${base}/snapshots/${encodeURIComponent(view.snapshotId)}${placePath(view.place)}`;
    case "compare":
      return `${base}/compare/${encodeURIComponent(view.from)}/${encodeURIComponent(view.to)}`;
    default:
      return snapshotId === null
        ? `${base}${placePath(view)}`
        : roomPath(workshopId, { kind: "snapshot", snapshotId, place: view });
  }
}
