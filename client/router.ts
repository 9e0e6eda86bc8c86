/** Three routes do not need a router library: the path is an external store fed by history events. */
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

export type Route =
  | { page: "start" }
  | { page: "join" }
  | { page: "room"; workshopId: string }
  | { page: "notFound" };

export function matchRoute(path: string): Route {
  if (path === "/" || path === "") return { page: "start" };
  if (path === "/join") return { page: "join" };
  const room = /^\/w\/([^/]+)\/?$/.exec(path);
  if (room?.[1]) return { page: "room", workshopId: decodeURIComponent(room[1]) };
  return { page: "notFound" };
}
