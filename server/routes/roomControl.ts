/** Facilitator-only room controls: phase, timer, focus. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { focusBody, setPhaseBody, startTimerBody } from "../../shared/api";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";

export function roomControlRoutes(services: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const ownWorkshop = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });

  routes.put("/workshops/:id/phase", authed, ownWorkshop, async (c) =>
    c.json(await services.room.setPhase(c.var.session, await readBody(c, setPhaseBody))),
  );
  routes.post("/workshops/:id/timer", authed, ownWorkshop, async (c) =>
    c.json(await services.room.startTimer(c.var.session, await readBody(c, startTimerBody))),
  );
  routes.delete("/workshops/:id/timer", authed, ownWorkshop, async (c) =>
    c.json(await services.room.stopTimer(c.var.session)),
  );
  routes.post("/workshops/:id/focus", authed, ownWorkshop, async (c) =>
    c.json(await services.room.focus(c.var.session, await readBody(c, focusBody))),
  );
  return routes;
}
