/** The bounds on incidents: each refused with its code, nothing stored. */
import { describe, expect, it } from "vitest";
import { INCIDENT_FIELDS } from "../../shared/incidents";
import type { WorkshopExport } from "../../shared/workshopExport";
import { call } from "../helpers/api";
import { setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedMeta } from "../helpers/storedMeta";

type ErrorBody = { error: { code: string; fields?: Record<string, string[]> } };

const body = (harm = "Credentials exposed", title = "Leak") => ({
  title,
  category: "death",
  awareAt: "2026-03-02T14:30:00Z",
  fields: {
    ...Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, { state: "missing", reason: "not known yet" }])),
    harm: { state: "filled", value: harm },
  },
});

describe("incident limits", () => {
  const limited = serverPerTest({ MAX_INCIDENTS: "1", MAX_INCIDENT_FIELD_CHARS: "40" });

  it("refuses an incident past MAX_INCIDENTS and a field past MAX_INCIDENT_FIELD_CHARS, storing nothing", async () => {
    const s = await setupWorkshop(limited.server.url, limited.server.wsUrl, []);
    const post = (b: unknown) =>
      call<ErrorBody>(limited.server.url, "POST", `${s.route}/incidents`, { token: s.facilitator, body: b });
    const long = await post(body("x".repeat(41)));
    expect(long.status).toBe(400);
    expect(long.body.error.fields).toEqual({ "fields.harm.value": ["at most 40 characters"] });
    expect((await post(body())).status).toBe(201);
    const before = await storedMeta(limited.server);
    const second = await post(body("Credentials exposed", "one too many"));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("incident_limit");
    expect(await storedMeta(limited.server)).toBe(before);
  });

  it("refuses an import whose incidents pass this server's limits, creating nothing", async () => {
    const s = await setupWorkshop(limited.server.url, limited.server.wsUrl, []);
    const made = await call<{ incident: { id: string } }>(
      limited.server.url,
      "POST",
      `${s.route}/incidents`,
      {
        token: s.facilitator,
        body: body(),
      },
    );
    expect(made.status).toBe(201);
    const res = await fetch(`${limited.server.url}/api${s.route}/export?format=json`, {
      headers: { authorization: `Bearer ${s.facilitator}` },
    });
    const exported = (await res.json()) as WorkshopExport;
    const [incident] = exported.incidents;
    const before = await storedMeta(limited.server);

    const two = { ...exported, incidents: [incident!, { ...incident!, id: "another" }] };
    const tooMany = await call<ErrorBody>(limited.server.url, "POST", "/workshops/import", {
      body: { export: two },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe("incident_limit");

    const harm = { state: "filled" as const, value: "y".repeat(41) };
    const long = { ...exported, incidents: [{ ...incident!, fields: { ...incident!.fields, harm } }] };
    const tooLong = await call<ErrorBody>(limited.server.url, "POST", "/workshops/import", {
      body: { export: long },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toEqual({
      "export.incidents.0.fields.harm.value": ["at most 40 characters"],
    });
    expect(await storedMeta(limited.server)).toBe(before);
  });
});
