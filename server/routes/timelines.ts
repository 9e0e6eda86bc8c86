/** Tier-timeline rounds: validate, call the service, answer. Any session of the workshop reads; the service checks who may write. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { openTimelineBody, timelineForecastBody } from "../../shared/timeline";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";
import type { TimelineService } from "../services/timelines";

export function timelineRoutes(services: Services, timelines: TimelineService): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const own = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });
  const base = "/workshops/:id/timelines";
  r.get(base, authed, own, async (c) => c.json(await timelines.list(c.var.session.workshop.id)));
  r.post(base, authed, own, async (c) =>
    c.json(await timelines.open(c.var.session, await readBody(c, openTimelineBody)), 201),
  );
  r.post(`${base}/:roundId/forecasts`, authed, own, async (c) =>
    c.json(
      await timelines.forecast(
        c.var.session,
        c.req.param("roundId"),
        await readBody(c, timelineForecastBody),
      ),
      201,
    ),
  );
  r.get(`${base}/:roundId/forecasts/mine`, authed, own, async (c) =>
    c.json(await timelines.mine(c.var.session, c.req.param("roundId"))),
  );
  r.post(`${base}/:roundId/reveal`, authed, own, async (c) =>
    c.json(await timelines.reveal(c.var.session, c.req.param("roundId"))),
  );
  r.post(`${base}/:roundId/close`, authed, own, async (c) =>
    c.json(await timelines.close(c.var.session, c.req.param("roundId"))),
  );
  return r;
}
