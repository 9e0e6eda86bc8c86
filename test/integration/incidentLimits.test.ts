/** The bounds on incidents: each refused with its code, nothing stored. */
import { describe, expect, it } from "vitest";
import { INCIDENT_FIELDS } from "../../shared/incidents";
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
});
