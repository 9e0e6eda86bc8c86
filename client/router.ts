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

/** What the room's main pane shows. */
export type RoomView =
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
  | { kind: "snapshots" }
  /** One snapshot, read-only, the whole room as it was. */
  | { kind: "snapshot"; snapshotId: string }
  | { kind: "compare"; from: string; to: string };

export type Route =
  | { page: "start" }
  | { page: "join" }
  | { page: "room"; workshopId: string; view: RoomView }
  | { page: "notFound" };

type FixedView = "framework" | "rounds" | "register" | "acceptance" | "snapshots";
const FIXED_VIEWS: Record<string, FixedView> = {
  "/framework": "framework",
  "/rounds": "rounds",
  "/register": "register",
  "/acceptance": "acceptance",
  "/snapshots": "snapshots",
};

function matchRoomView(rest: string): RoomView | null {
  if (rest === "" || rest === "/") return { kind: "overview" };
  if (rest === "/threat-model") return { kind: "threatModel" };
  const fixed = FIXED_VIEWS[rest];
  if (fixed) return { kind: fixed };
  const compare = /^\/compare\/([^/]+)\/([^/]+)$/.exec(rest);
  if (compare?.[1] && compare[2])
    return { kind: "compare", from: decodeURIComponent(compare[1]), to: decodeURIComponent(compare[2]) };
  const snapshot = /^\/snapshots\/([^/]+)$/.exec(rest);
  if (snapshot?.[1]) return { kind: "snapshot", snapshotId: decodeURIComponent(snapshot[1]) };
  const item = /^\/(risks|scenarios)\/([^/]+)$/.exec(rest);
  if (!item?.[2]) return null;
  const id = decodeURIComponent(item[2]);
  return item[1] === "risks" ? { kind: "risk", riskId: id } : { kind: "scenario", scenarioId: id };
}

export function matchRoute(path: string): Route {
  if (path === "/" || path === "") return { page: "start" };
  if (path === "/join") return { page: "join" };
  const room = /^\/w\/([^/]+)(.*)$/.exec(path);
  const view = room?.[1] ? matchRoomView(room[2] ?? "") : null;
  if (room?.[1] && view) return { page: "room", workshopId: decodeURIComponent(room[1]), view };
  return { page: "notFound" };
}

/** The path of a view of a workshop's room. */
export function roomPath(workshopId: string, view: RoomView): string {
  const base = `/w/${encodeURIComponent(workshopId)}`;
  switch (view.kind) {
    case "overview":
      return base;
    case "threatModel":
      return `${base}/threat-model`;
    case "risk":
      return `${base}/risks/${encodeURIComponent(view.riskId)}`;
    case "scenario":
      return `${base}/scenarios/${encodeURIComponent(view.scenarioId)}`;
    case "framework":
    case "rounds":
    case "register":
    case "acceptance":
    case "snapshots":
      return `${base}/${view.kind}`;
    case "snapshot":
      return `${base}/snapshots/${encodeURIComponent(view.snapshotId)}`;
    case "compare":
      return `${base}/compare/${encodeURIComponent(view.from)}/${encodeURIComponent(view.to)}`;
  }
}
