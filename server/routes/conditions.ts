/** Watched conditions: their states now (any session of the workshop), and a facilitator's mark. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { markConditionBody } from "../../shared/watchedConditions";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";
import type { ConditionService } from "../services/conditions";

export function conditionRoutes(services: Services, conditions: ConditionService): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const own = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });
  r.get("/workshops/:id/conditions", authed, own, async (c) =>
    c.json({ risks: await conditions.states(c.var.session.workshop.id) }),
  );
  r.post("/workshops/:id/determinations/:riskId/conditions/:conditionId/met", authed, own, async (c) => {
    const { note } = await readBody(c, markConditionBody);
    return c.json(
      await conditions.mark(c.var.session, c.req.param("riskId"), c.req.param("conditionId"), note),
    );
  });
  return r;
}
