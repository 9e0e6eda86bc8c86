/** `POST /workshops/:id/scenarios/:scenarioId/dissent` (experts and facilitators): the body's text only. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { scenarioDissentBody } from "../../shared/scenarioDissent";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";

export function scenarioDissentRoutes(services: Services): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const own = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });
  r.post("/workshops/:id/scenarios/:scenarioId/dissent", authed, own, async (c) => {
    const { text } = await readBody(c, scenarioDissentBody);
    return c.json(await services.scenarioDissent.add(c.var.session, c.req.param("scenarioId"), text), 201);
  });
  return r;
}
