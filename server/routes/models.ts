/**
 * Models: create (gated like creating a workshop), read, attach and detach workshops, sign off a
 * snapshot, issue report versions and download them. Validate → service → answer; the services
 * decide who may (see services/modelAccess.ts).
 */
import { Hono } from "hono";
import type { ModelOverview } from "../../shared/models";
import { attachWorkshopBody, createModelBody, modelReportQuery, signOffBody } from "../../shared/models";
import { invalidInput } from "../domainErrors";
import { issueFields } from "../export/gather";
import { bearerToken } from "../http/auth";
import type { CreationGate } from "../http/creation";
import { readBody } from "../http/validate";
import type { ModelReportService } from "../services/modelReports";
import type { ModelService } from "../services/models";
import type { ModelRecord } from "../store/modelRecords";

export function modelRoutes(
  models: ModelService,
  reports: ModelReportService,
  creation: CreationGate,
  overview: (model: ModelRecord) => Promise<ModelOverview>,
): Hono {
  const r = new Hono();
  const bearer = (c: { req: { header(name: string): string | undefined } }) =>
    bearerToken(c.req.header("authorization"));

  r.post("/models", async (c) => {
    creation.requireForNew(c);
    return c.json(await models.create(await readBody(c, createModelBody)), 201);
  });
  r.get("/models/:id", async (c) => c.json(await models.get(c.req.param("id"), bearer(c))));
  r.get("/models/:id/overview", async (c) => {
    const { model } = await models.caller(c.req.param("id"), bearer(c));
    return c.json(await overview(model));
  });
  r.post("/models/:id/workshops/:workshopId", async (c) => {
    const { modelToken } = await readBody(c, attachWorkshopBody);
    return c.json(
      await models.attach(c.req.param("id"), bearer(c), c.req.param("workshopId"), modelToken),
      201,
    );
  });
  r.delete("/models/:id/workshops/:workshopId", async (c) =>
    c.json(await models.detach(c.req.param("id"), bearer(c), c.req.param("workshopId"))),
  );
  r.put("/models/:id/workshops/:workshopId/sign-off", async (c) => {
    const { snapshotId } = await readBody(c, signOffBody);
    return c.json(await models.signOff(c.req.param("id"), bearer(c), c.req.param("workshopId"), snapshotId));
  });
  r.post("/models/:id/reports", async (c) => {
    const { model, caller } = await models.caller(c.req.param("id"), bearer(c));
    return c.json(await reports.issue(model, caller), 201);
  });
  r.get("/models/:id/report", async (c) => {
    const query = modelReportQuery.safeParse(c.req.query());
    if (!query.success)
      throw invalidInput("the query has invalid parameters", issueFields(query.error.issues, "(query)"));
    const { model } = await models.caller(c.req.param("id"), bearer(c));
    const file = await reports.file(model, query.data.format, query.data.version);
    return c.body(typeof file.body === "string" ? file.body : new Uint8Array(file.body), 200, {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-report-sha256": file.sha256,
    });
  });
  return r;
}
