/**
 * Importing a JSON export into a new workshop: the round trip keeps content and framework, and an
 * invalid import is refused with every problem listed and nothing created.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auroraSpec } from "../../server/demo/aurora";
import { type SeededWorkshop, seedWorkshop } from "../../server/demo/seed";
import { MAX_JSON_BODY_BYTES } from "../../shared/limits";
import type { ImportWorkshopResponse, WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { storedDocWorkshops } from "../helpers/storedDoc";
import { storedMeta } from "../helpers/storedMeta";
import { startTestServer, type TestServer } from "../helpers/testServer";

let server: TestServer;
let demo: SeededWorkshop;
let original: WorkshopExport;

beforeAll(async () => {
  server = await startTestServer();
  demo = await seedWorkshop(server.url, auroraSpec);
  original = await exportOf(demo.workshopId, demo.facilitator.token);
});
afterAll(async () => {
  await server.close();
});

async function exportOf(workshopId: string, token: string, url = server.url): Promise<WorkshopExport> {
  const res = await fetch(`${url}/api/workshops/${workshopId}/export?format=json`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as WorkshopExport;
}

const metaFile = () => storedMeta(server);
const docDirs = () => storedDocWorkshops(server);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

describe("import", () => {
  it("round-trips: export, import, export gives the same content and framework", async () => {
    const res = await call<ImportWorkshopResponse>(server.url, "POST", "/workshops/import", {
      body: { export: original, displayName: "Iris Importer" },
    });
    expect(res.status).toBe(201);
    const { workshop, session, imported } = res.body;
    expect(workshop.id).not.toBe(demo.workshopId);
    expect(workshop.title).toBe(original.workshop.title);
    expect(workshop.subject).toBe(original.workshop.subject);
    expect(session.participant).toMatchObject({ displayName: "Iris Importer", role: "facilitator" });
    expect(imported).toMatchObject({
      from: { workshopId: demo.workshopId, source: "live" },
      scenarios: auroraSpec.scenarios.length,
      mitigations: auroraSpec.mitigations.length,
      frameworkLocked: false,
    });

    const again = await exportOf(workshop.id, session.token);
    expect(again.content).toEqual(original.content);
    expect(again.framework).toEqual(original.framework);
    // What belongs to the old workshop's process stays behind; the criteria are locked again by the new facilitator.
    expect(again.lock).toBeNull();
    expect(again.unlocks).toEqual([]);
    expect(again.rounds).toEqual([]);
    expect(again.determinations).toEqual([]);
    expect(again.verdict).toBeNull();
    expect(again.snapshots).toEqual([]);
    expect(again.participants.map((p) => p.displayName)).toEqual(["Iris Importer"]);

    // An unchanged framework locks at the hash it was locked at before.
    const lock = await call<{ lock: { hash: string } }>(
      server.url,
      "POST",
      `/workshops/${workshop.id}/framework/lock`,
      {
        token: session.token,
      },
    );
    expect(lock.body.lock.hash).toBe(original.lock!.hash);

    // A snapshot's export imports too, and a second import is a second, separate workshop.
    const snapshotId = original.snapshots[0]!.id;
    const fromSnapshot = await (
      await fetch(`${server.url}/api/workshops/${demo.workshopId}/export?snapshot=${snapshotId}`, {
        headers: { authorization: `Bearer ${demo.observers[0]!.token}` },
      })
    ).json();
    const second = await call<ImportWorkshopResponse>(server.url, "POST", "/workshops/import", {
      body: { export: fromSnapshot, title: "Aurora-2 re-assessment" },
    });
    expect(second.status).toBe(201);
    expect(second.body.workshop.title).toBe("Aurora-2 re-assessment");
    expect(second.body.session.participant.displayName).toBe("Facilitator");
    expect((await exportOf(second.body.workshop.id, second.body.session.token)).content).toEqual(
      (fromSnapshot as WorkshopExport).content,
    );
  });

  it("refuses an invalid import with 400 listing every problem by path, and creates nothing", async () => {
    const before = await metaFile();
    const dirs = await docDirs();
    const wrongVersion = clone(original) as unknown as Record<string, unknown>;
    wrongVersion.schema = "riskroom.workshop/v2";
    const missing = clone(original) as unknown as Record<string, unknown> & {
      content: Record<string, unknown>;
    };
    delete missing.framework;
    delete missing.content.risks;
    const noTitle = clone(original);
    (noTitle.content.scenarios[2] as Partial<(typeof noTitle.content.scenarios)[number]>).title = undefined;
    const duplicate = clone(original);
    duplicate.content.scenarios[1]!.id = duplicate.content.scenarios[0]!.id;
    const brokenFramework = clone(original);
    delete brokenFramework.framework.matrix.likely;
    const badLink = clone(original);
    badLink.content.scenarios[0]!.evidence[0]!.link = "javascript:alert(1)";

    const cases: Array<[string, { body?: unknown; rawBody?: string }, string, string[]]> = [
      ["bad JSON", { rawBody: "{not json" }, "invalid_json", []],
      ["an empty body", { rawBody: "" }, "invalid_json", []],
      ["the export without its wrapper", { body: original }, "invalid_input", ["export", "(body)"]],
      ["a wrong schema version", { body: { export: wrongVersion } }, "invalid_input", ["export.schema"]],
      [
        "missing fields",
        { body: { export: missing } },
        "invalid_input",
        ["export.framework", "export.content.risks"],
      ],
      [
        "a scenario without a title",
        { body: { export: noTitle } },
        "invalid_input",
        ["export.content.scenarios.2.title"],
      ],
      [
        "two scenarios with one id",
        { body: { export: duplicate } },
        "invalid_input",
        ["export.content.scenarios.1.id"],
      ],
      [
        "a framework with a hole in its matrix",
        { body: { export: brokenFramework } },
        "invalid_input",
        ["export.framework.matrix.likely.limited"],
      ],
      [
        "a link that is not http(s)",
        { body: { export: badLink } },
        "invalid_input",
        ["export.content.scenarios.0.evidence.0.link"],
      ],
      ["an unknown option", { body: { export: original, lock: true } }, "invalid_input", ["(body)"]],
    ];
    for (const [what, request, code, fields] of cases) {
      const res = await call<ErrorBody>(server.url, "POST", "/workshops/import", request);
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toBe(code);
      for (const field of fields) expect(Object.keys(res.body.error.fields ?? {}), what).toContain(field);
    }
    const wrong = await call<ErrorBody>(server.url, "POST", "/workshops/import", {
      body: { export: wrongVersion },
    });
    expect(wrong.body.error.fields!["export.schema"]).toEqual([
      'must be "riskroom.workshop/v1": this server reads version 1 exports only',
    ]);
    expect(await metaFile()).toBe(before);
    expect(await docDirs()).toEqual(dirs);
  });

  it("takes imports larger than other requests, up to its own limit", async () => {
    const big = clone(original);
    const paragraph = { type: "paragraph", content: [{ type: "text", text: "x".repeat(50_000) }] };
    big.content.scenarios[0]!.narrative = {
      type: "doc",
      content: Array.from({ length: 30 }, () => paragraph),
    };
    const body = JSON.stringify({ export: big });
    expect(body.length).toBeGreaterThan(MAX_JSON_BODY_BYTES);
    const res = await call<ImportWorkshopResponse>(server.url, "POST", "/workshops/import", {
      rawBody: body,
    });
    expect(res.status).toBe(201);
    const before = await metaFile();
    const huge = await call<ErrorBody>(server.url, "POST", "/workshops/import", {
      rawBody: "x".repeat(9 * 1024 * 1024),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("too_large");
    expect(await metaFile()).toBe(before);
  });
});

describe("import on a server with a create token", () => {
  it("needs the token, as creating a workshop does", async () => {
    const guarded = await startTestServer({ RISKROOM_CREATE_TOKEN: "s3cret-create-token" });
    try {
      const refused = await call<ErrorBody>(guarded.url, "POST", "/workshops/import", {
        body: { export: original },
      });
      expect(refused.status).toBe(401);
      const wrong = await call(guarded.url, "POST", "/workshops/import", {
        token: "nope",
        body: { export: original },
      });
      expect(wrong.status).toBe(401);
      const ok = await call<ImportWorkshopResponse>(guarded.url, "POST", "/workshops/import", {
        token: "s3cret-create-token",
        body: { export: original },
      });
      expect(ok.status).toBe(201);
      expect((await exportOf(ok.body.workshop.id, ok.body.session.token, guarded.url)).content).toEqual(
        original.content,
      );
    } finally {
      await guarded.close();
    }
  });
});
