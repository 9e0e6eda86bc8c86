/**
 * The audit trail: `GET /workshops/:id/audit` (facilitators and observers), `?verify=1` checks the
 * chain, `?format=csv` downloads it (the download is itself an audit entry).
 */
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { z } from "zod";
import { forbidden, invalidInput } from "../domainErrors";
import { renderAuditCsv } from "../export/auditCsv";
import { slug } from "../export/files";
import { issueFields } from "../export/gather";
import { type AppEnv, requireSession } from "../http/auth";
import type { Services } from "../services";

const auditQuery = z.strictObject({
  verify: z.enum(["0", "1"]).default("0"),
  format: z.enum(["json", "csv"]).default("json"),
});

export function auditRoutes(services: Services): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const own = createMiddleware<AppEnv>(async (c, next) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id") ?? "");
    await next();
  });

  r.get("/workshops/:id/audit", authed, own, async (c) => {
    const query = auditQuery.safeParse(c.req.query());
    if (!query.success)
      throw invalidInput("the query has invalid parameters", issueFields(query.error.issues, "(query)"));
    const { verify, format } = query.data;
    const ctx = c.var.session;
    if (format === "json") return c.json(await services.audit.list(ctx, verify === "1"));
    if (!services.audit.mayRead(ctx))
      throw forbidden("only facilitators or observers may read the audit trail");
    await services.audit.record(ctx, "export.download", "audit-csv");
    const { entries } = await services.audit.list(ctx, false);
    const name = `riskroom-${slug(ctx.workshop.title, "workshop")}-audit-${new Date().toISOString().slice(0, 10)}.csv`;
    return c.body(renderAuditCsv(entries), 200, {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  });
  return r;
}
