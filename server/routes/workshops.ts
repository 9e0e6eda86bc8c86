/** Workshop routes: create, read, participants, the caller's own session. */
import { Hono } from "hono";
import { createWorkshopBody } from "../../shared/api";
import { type AppEnv, requireCreateToken, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";

export function workshopRoutes(services: Services, createToken: string | undefined): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const authed = requireSession(services.meta);

  routes.post("/workshops", async (c) => {
    requireCreateToken(c, createToken);
    const body = await readBody(c, createWorkshopBody);
    return c.json(await services.workshops.create(body), 201);
  });

  routes.get("/me", authed, (c) => c.json(services.workshops.me(c.var.session)));

  routes.get("/workshops/:id", authed, async (c) =>
    c.json(await services.workshops.get(c.var.session, c.req.param("id"))),
  );

  routes.get("/workshops/:id/participants", authed, async (c) =>
    c.json(await services.workshops.participants(c.var.session, c.req.param("id"))),
  );

  return routes;
}
