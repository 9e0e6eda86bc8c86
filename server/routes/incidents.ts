/** Serious incidents: validate, call the service, answer. Any session of the workshop reads; the service checks who may write. */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { incidentBody, reportExportQuery, reportSentBody } from "../../shared/incidents";
import { invalidInput } from "../domainErrors";
import { issueFields } from "../export/gather";
import { type AppEnv, requireSession } from "../http/auth";
import { readBody } from "../http/validate";
import type { Services } from "../services";

export function incidentRoutes(services: Services): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const own = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });
  const base = "/workshops/:id/incidents";
  const { incidents } = services;

  r.get(base, authed, own, async (c) => c.json(await incidents.list(c.var.session)));
  r.post(base, authed, own, async (c) =>
    c.json(await incidents.create(c.var.session, await readBody(c, incidentBody)), 201),
  );
  r.post(`${base}/reports`, authed, own, async (c) =>
    c.json(await incidents.recordReport(c.var.session, await readBody(c, reportSentBody)), 201),
  );
  r.get(`${base}/report`, authed, own, async (c) => {
    const query = reportExportQuery.safeParse(c.req.query());
    if (!query.success)
      throw invalidInput("the query has invalid parameters", issueFields(query.error.issues, "(query)"));
    const file = await incidents.exportReport(c.var.session, query.data.ids, query.data.format);
    return c.body(file.body, 200, {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    });
  });
  r.get(`${base}/:incidentId`, authed, own, async (c) =>
    c.json(await incidents.get(c.var.session, c.req.param("incidentId"))),
  );
  r.put(`${base}/:incidentId`, authed, own, async (c) =>
    c.json(await incidents.update(c.var.session, c.req.param("incidentId"), await readBody(c, incidentBody))),
  );
  return r;
}
