/**
 * The websocket endpoint: `/ws/<workshopId>` and `/ws/<workshopId>/control`. A foreign Origin is
 * refused before the upgrade; a refused token or room is upgraded and closed at once with its code,
 * so browser clients can read why.
 */

import { Hono } from "hono";
import type { UpgradeWebSocket } from "hono/ws";
import type { WebSocket } from "ws";
import { ErrorCode } from "../../shared/errors";
import { DomainError } from "../domainErrors";
import { errorResponse } from "../http/errors";
import { admitSocket } from "../services/admission";
import type { MetaRepository } from "../store/repository";
import type { SocketHandlers, SyncServer } from "../sync/syncServer";

export interface SocketRouteDeps {
  meta: MetaRepository;
  sync: SyncServer;
  upgradeWebSocket: UpgradeWebSocket<WebSocket>;
  allowedOrigins: ReadonlySet<string>;
}

export function socketRoutes({ meta, sync, upgradeWebSocket, allowedOrigins }: SocketRouteDeps): Hono {
  const routes = new Hono();
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
    upgradeWebSocket(async (c) => {
      const admission = await admitSocket(meta, c.req.path.slice("/ws/".length), c.req.query("token"));
      let handlers: SocketHandlers | null = null;
      return {
        onOpen(_event, ws) {
          if (!admission.ok) return ws.close(admission.code, admission.reason);
          if (ws.raw) handlers = sync.accept(ws.raw, admission.room, admission.identity);
        },
        onMessage(event) {
          handlers?.message(event.data as ArrayBuffer | string);
        },
        onClose() {
          handlers?.closed();
        },
      };
    }),
  );
  return routes;
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
