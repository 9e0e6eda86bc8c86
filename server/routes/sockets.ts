/**
 * The websocket endpoint: `/ws/<workshopId>` and `/ws/<workshopId>/control`. A foreign Origin is
 * refused before the upgrade; a refused token or room is upgraded and closed at once with its code,
 * so browser clients can read why.
 */

import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import type { WebSocket } from "ws";
import { ErrorCode } from "../../shared/errors";
import { CloseCode } from "../../shared/limits";
import { DomainError } from "../domainErrors";
import { errorResponse } from "../http/errors";
import type { RateLimitSet } from "../http/rateLimits";
import { type Admission, admitSocket } from "../services/admission";
import type { MetaRepository } from "../store/repository";
import type { Connection } from "../sync/connection";
import type { SyncServer } from "../sync/syncServer";

export interface SocketRouteDeps {
  meta: MetaRepository;
  sync: SyncServer;
  upgradeWebSocket: UpgradeWebSocket<WebSocket>;
  allowedOrigins: ReadonlySet<string>;
  /** A refused token counts against its address; an address over the limit is refused before the upgrade (429). */
  limits: Pick<RateLimitSet, "authFailures" | "markAuthFailure">;
}

/** `incoming` is the upgrade request (set by @hono/node-ws); its socket is the one ws takes over. */
type SocketEnv = { Bindings: HttpBindings; Variables: { admission: Admission } };

export function socketRoutes({
  meta,
  sync,
  upgradeWebSocket,
  allowedOrigins,
  limits,
}: SocketRouteDeps): Hono<SocketEnv> {
  const routes = new Hono<SocketEnv>();
  routes.get(
    "/ws/*",
    async (c, next) => {
      const origin = c.req.header("origin");
      // Browsers always send Origin; a page on another site must not ride a user's token into a room.
      if (origin !== undefined && !allowedOrigins.has(origin) && !sameHost(origin, c.req.header("host")))
        return errorResponse(
          c,
          new DomainError(ErrorCode.forbiddenOrigin, `origin ${origin} is not allowed`),
        );
      await next();
    },
    limits.authFailures,
    async (c, next) => {
      const admission = await admitSocket(meta, c.req.path.slice("/ws/".length), c.req.query("token"));
      if (!admission.ok && admission.code === CloseCode.unauthorized) limits.markAuthFailure(c);
      c.set("admission", admission);
      await next();
    },
    upgradeWebSocket((c) => {
      const admission = c.var.admission;
      const socket = c.env.incoming.socket;
      let conn: Connection | null = null;
      return {
        onOpen(_event, ws) {
          if (!admission.ok) return ws.close(admission.code, admission.reason);
          if (!ws.raw) return;
          conn = sync.accept(ws.raw, socket, admission.room, admission.identity);
          releaseAdapter(ws.raw, sync, conn);
        },
        onMessage(event) {
          if (conn) sync.message(conn, event.data as ArrayBuffer | string);
        },
        onClose() {
          if (conn) sync.closed(conn);
        },
      };
    }),
  );
  return routes;
}

const ADAPTER_EVENTS = ["message", "close", "error"] as const;

/**
 * @hono/node-ws's listeners on a socket keep the upgrade's context, request and URL alive for the
 * socket's life (and copy every message into a new ArrayBuffer). It attaches them synchronously
 * after `onOpen` (having replayed what arrived meanwhile through `onMessage`), so a microtask later
 * they are swapped for listeners that hold only the connection; no message event can fall
 * between the two.
 */
function releaseAdapter(ws: WebSocket, sync: SyncServer, conn: Connection): void {
  const before = new Map(ADAPTER_EVENTS.map((event) => [event, new Set(ws.listeners(event))]));
  queueMicrotask(() => {
    for (const event of ADAPTER_EVENTS)
      for (const listener of ws.listeners(event))
        if (!before.get(event)?.has(listener)) ws.off(event, listener as (...args: unknown[]) => void);
    before.clear();
    listen(ws, sync, conn);
  });
}

/**
 * The socket's own listeners, made outside `releaseAdapter` so that their closures cannot share its
 * scope: `before` holds the adapter's start-up listener, whose scope holds the upgrade's context.
 */
function listen(ws: WebSocket, sync: SyncServer, conn: Connection): void {
  ws.on("message", (data, isBinary) => {
    if (!isBinary) return sync.message(conn, data.toString());
    sync.message(conn, Array.isArray(data) ? Buffer.concat(data) : data);
  });
  ws.on("close", () => sync.closed(conn));
  // Without a listener, a socket error would be thrown; the close that follows it is what counts.
  ws.on("error", () => undefined);
}

/** A page served by this server under whatever address the user typed (a LAN IP, a host name) is same-origin. */
function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
