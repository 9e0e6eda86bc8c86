/** Framework, rounds, estimates and determinations: validate, call the service, answer. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import {
  determinationBody,
  dissentBody,
  openRoundBody,
  putFrameworkBody,
  submitEstimateBody,
  unlockBody,
  verdictBody,
} from "../../shared/estimationView";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";

export function estimationRoutes(services: Services): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const own = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });
  const base = "/workshops/:id";
  const { frameworks, rounds, determinations } = services;

  r.get(`${base}/framework`, authed, own, async (c) => c.json(await frameworks.view(c.var.session)));
  r.put(`${base}/framework`, authed, own, async (c) => {
    const { framework } = await readBody(c, putFrameworkBody);
    return c.json(await frameworks.replace(c.var.session, framework));
  });
  r.post(`${base}/framework/lock`, authed, own, async (c) => c.json(await frameworks.lock(c.var.session)));
  r.post(`${base}/framework/unlock`, authed, own, async (c) => {
    const { justification } = await readBody(c, unlockBody);
    return c.json(await frameworks.unlock(c.var.session, justification));
  });

  r.post(`${base}/rounds`, authed, own, async (c) =>
    c.json(await rounds.open(c.var.session, await readBody(c, openRoundBody)), 201),
  );
  r.post(`${base}/rounds/:roundId/estimates`, authed, own, async (c) =>
    c.json(
      await rounds.submit(c.var.session, c.req.param("roundId"), await readBody(c, submitEstimateBody)),
      201,
    ),
  );
  r.get(`${base}/rounds/:roundId/estimates/mine`, authed, own, async (c) =>
    c.json(await rounds.mine(c.var.session, c.req.param("roundId"))),
  );
  r.post(`${base}/rounds/:roundId/reveal`, authed, own, async (c) =>
    c.json(await rounds.reveal(c.var.session, c.req.param("roundId"))),
  );
  r.post(`${base}/rounds/:roundId/close`, authed, own, async (c) =>
    c.json(await rounds.close(c.var.session, c.req.param("roundId"))),
  );

  r.put(`${base}/determinations/:riskId`, authed, own, async (c) =>
    c.json(
      await determinations.record(c.var.session, c.req.param("riskId"), await readBody(c, determinationBody)),
    ),
  );
  r.post(`${base}/determinations/:riskId/dissent`, authed, own, async (c) => {
    const { text } = await readBody(c, dissentBody);
    return c.json(await determinations.dissent(c.var.session, c.req.param("riskId"), text), 201);
  });
  r.put(`${base}/verdict`, authed, own, async (c) =>
    c.json(await determinations.verdict(c.var.session, await readBody(c, verdictBody))),
  );
  return r;
}
