/** Models over the API, and their stored records and report bytes (files, or PostgreSQL rows), for the model tests. */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { CreateModelResponse, ModelView } from "../../shared/models";
import { call } from "./api";
import type { StoreLocation } from "./storedMeta";
import { onDatabase } from "./testDatabase";

export async function createModel(
  baseUrl: string,
  extra: Record<string, unknown> = {},
): Promise<CreateModelResponse> {
  const res = await call<CreateModelResponse>(baseUrl, "POST", "/models", {
    body: { name: "Model X", version: "checkpoint 7", displayName: "Fran Facilitator", ...extra },
  });
  expect(res.status).toBe(201);
  return res.body;
}

export async function attach(
  baseUrl: string,
  modelId: string,
  workshopId: string,
  facilitator: string,
  modelToken: string,
) {
  const res = await call<{ model: ModelView }>(
    baseUrl,
    "POST",
    `/models/${modelId}/workshops/${workshopId}`,
    {
      token: facilitator,
      body: { modelToken },
    },
  );
  expect(res.status).toBe(201);
  return res.body.model;
}

export async function signOff(
  baseUrl: string,
  modelId: string,
  workshopId: string,
  facilitator: string,
  snapshotId: string,
) {
  const res = await call<{ model: ModelView }>(
    baseUrl,
    "PUT",
    `/models/${modelId}/workshops/${workshopId}/sign-off`,
    {
      token: facilitator,
      body: { snapshotId },
    },
  );
  expect(res.status).toBe(200);
  return res.body.model;
}

/** A report download: status, body text and the hash header. */
export async function fetchReport(baseUrl: string, modelId: string, token: string, query: string) {
  const res = await fetch(`${baseUrl}/api/models/${modelId}/report?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    text: await res.text(),
    sha256: res.headers.get("x-report-sha256"),
    type: res.headers.get("content-type"),
  };
}

const reportFile = (dataDir: string, modelId: string, version: number) =>
  path.join(dataDir, "models", modelId, "reports", `${version}.json`);

/** The model's stored record as text (the file, or the jsonb row). */
export async function storedModel(server: StoreLocation, modelId: string): Promise<string> {
  if (!server.databaseUrl)
    return readFileSync(path.join(server.dataDir, "models", modelId, "model.json"), "utf8");
  const { rows } = await onDatabase(server.databaseUrl, (c) =>
    c.query<{ record: string }>("SELECT record::text AS record FROM models WHERE id = $1", [modelId]),
  );
  return rows[0]?.record ?? "";
}

/** Alters a stored report version behind the server's back, replacing `from` by `to` in its bytes. */
export async function tamperReport(
  server: StoreLocation,
  modelId: string,
  version: number,
  from: string,
  to: string,
) {
  if (!server.databaseUrl) {
    const file = reportFile(server.dataDir, modelId, version);
    const altered = readFileSync(file, "utf8").replace(from, to);
    writeFileSync(file, altered);
    return;
  }
  await onDatabase(server.databaseUrl, async (c) => {
    const { rows } = await c.query<{ body: Buffer }>(
      "SELECT body FROM model_reports WHERE model_id = $1 AND version = $2",
      [modelId, version],
    );
    const altered = rows[0]!.body.toString("utf8").replace(from, to);
    await c.query("UPDATE model_reports SET body = $3 WHERE model_id = $1 AND version = $2", [
      modelId,
      version,
      Buffer.from(altered),
    ]);
  });
}
