/**
 * Exports (any session of the workshop, observers included) and imports (like creating a workshop:
 * open, or behind the server's create token). Mounted ahead of the other API routes so that the
 * import has its own body limit: a whole workshop is larger than any other request.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { exportQuery, importWorkshopBody, MAX_IMPORT_BODY_BYTES } from "../../shared/workshopExport";
import { DomainError, invalidInput } from "../domainErrors";
import { issueFields } from "../export/gather";
import { REPORT_CSP } from "../export/htmlReport";
import { checkImportBounds } from "../export/importBounds";
import { type AppEnv, requireSession } from "../http/auth";
import type { CreationGate } from "../http/creation";
import { readBody } from "../http/validate";
import type { Services } from "../services";

export function exportRoutes(services: Services, creation: CreationGate): Hono<AppEnv> {
  const r = new Hono<AppEnv>();
  const authed = requireSession(services.meta);
  const importLimit = bodyLimit({
    maxSize: MAX_IMPORT_BODY_BYTES,
    onError: () => {
      throw new DomainError("too_large", `imports are limited to ${MAX_IMPORT_BODY_BYTES} bytes`);
    },
  });

  r.post("/workshops/import", importLimit, async (c) => {
    creation.requireForNew(c);
    const body = await readBody(c, importWorkshopBody, checkImportBounds);
    return c.json(await services.importer.import(body), 201);
  });

  r.get("/workshops/:id/export", authed, async (c) => {
    await services.workshops.ensureSameWorkshop(c.var.session, c.req.param("id"));
    const query = exportQuery.safeParse(c.req.query());
    if (!query.success)
      throw invalidInput("the query has invalid parameters", issueFields(query.error.issues, "(query)"));
    const { format, snapshot } = query.data;
    const ctx = c.var.session;
    const audit = services.audit.mayRead(ctx) ? services.audit : undefined;
    const file = await services.exporter.file(ctx.workshop.id, format, snapshot, audit);
    // On the record once it exists (a refused export stores nothing); the trail it carries ends just before.
    const target = snapshot === undefined ? format : `${format}:${snapshot}`;
    await services.audit.record(ctx, "export.download", target);
    return c.body(file.body, 200, {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      // Exports hold the whole assessment: no shared cache keeps a copy.
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...(format === "html" ? { "content-security-policy": REPORT_CSP } : {}),
    });
  });

  return r;
}
