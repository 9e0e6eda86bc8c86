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
  | { kind: "scenario"; scenarioId: string };

export type Route =
  | { page: "start" }
  | { page: "join" }
  | { page: "room"; workshopId: string; view: RoomView }
  | { page: "notFound" };

function matchRoomView(rest: string): RoomView | null {
  if (rest === "" || rest === "/") return { kind: "overview" };
  if (rest === "/threat-model") return { kind: "threatModel" };
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
  }
}
