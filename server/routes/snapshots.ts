/**
 * Snapshots: list, take (facilitators), read one, the risk history across them, and a new workshop
 * started from one (facilitators). No route changes or deletes one.
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { takeSnapshotBody } from "../../shared/snapshot";
import { newWorkshopFromSnapshotBody } from "../../shared/snapshotNewWorkshop";
import { DomainError } from "../domainErrors";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";
import { requireFacilitator } from "../services/roles";
import { SnapshotRoomService } from "../services/snapshotRoom";

export function snapshotRoutes(services: Services, createToken: string | undefined): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const room = new SnapshotRoomService(services);
  const authed = requireSession(services.meta);
  const own = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });
  r.get("/workshops/:id/snapshots", authed, own, async (c) =>
    c.json(await services.snapshots.list(c.var.session)),
  );
  r.post("/workshops/:id/snapshots", authed, own, async (c) => {
    requireFacilitator(c.var.session, "take a snapshot");
    const { label } = await readBody(c, takeSnapshotBody);
    const entry = await services.snapshots.take(
      c.var.session.workshop.id,
      label,
      c.var.session.participant.displayName,
      false,
    );
    return c.json({ snapshot: entry }, 201);
  });
  r.get("/workshops/:id/snapshots/:snapshotId", authed, own, async (c) =>
    c.json({ snapshot: await services.snapshots.read(c.var.session.workshop.id, c.req.param("snapshotId")) }),
  );
  r.post("/workshops/:id/snapshots/:snapshotId/new-workshop", authed, own, async (c) => {
    requireFacilitator(c.var.session, "start a new workshop from a snapshot");
    // Where only the create token's holders may make workshops, a facilitator's session is not enough.
    if (createToken)
      throw new DomainError(
        "create_token_required",
        "this server lets only holders of its create token make workshops: download the snapshot as JSON and import it with the token",
      );
    const body = await readBody(c, newWorkshopFromSnapshotBody);
    const created = await room.newWorkshop(c.var.session.workshop.id, c.req.param("snapshotId"), body);
    return c.json(created, 201);
  });
  r.get("/workshops/:id/history", authed, own, async (c) =>
    c.json(await room.history(c.var.session.workshop.id)),
  );
  return r;
}
