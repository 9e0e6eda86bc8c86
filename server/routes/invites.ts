/** Invite routes (facilitators) and joining by invite (anyone holding the link). */
import { Hono } from "hono";
import { createInviteBody, joinBody } from "../../shared/api";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";

export function inviteRoutes(services: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const authed = requireSession(services.meta);

  routes.post("/join", async (c) => c.json(await services.invites.join(await readBody(c, joinBody)), 201));

  routes.post("/workshops/:id/invites", authed, async (c) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id"));
    const body = await readBody(c, createInviteBody);
    // Without PUBLIC_URL, links point where the facilitator reached us (a LAN address, say), not at 0.0.0.0.
    const base = services.site.publicUrlSet ? services.site.publicUrl : new URL(c.req.url).origin;
    return c.json(await services.invites.create(c.var.session, body, base), 201);
  });

  routes.get("/workshops/:id/invites", authed, async (c) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id"));
    return c.json(await services.invites.list(c.var.session));
  });

  routes.delete("/workshops/:id/invites/:inviteId", authed, async (c) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id"));
    return c.json(await services.invites.revoke(c.var.session, c.req.param("inviteId")));
  });

  return routes;
}
