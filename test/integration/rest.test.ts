import { describe, expect, it } from "vitest";
import { call, createInvite, workshopWith } from "../helpers/api";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedMeta } from "../helpers/storedMeta";

const live = serverPerTest();

const metaFile = () => storedMeta(live.server);

describe("REST input", () => {
  it("refuses malformed bodies with 400 and field errors, storing nothing", async () => {
    await workshopWith(live.server.url, []);
    const before = await metaFile();
    const cases: Array<[unknown, string, string?]> = [
      ["{not json", "invalid_json"],
      ["", "invalid_json"],
      [JSON.stringify({}), "invalid_input", "title"],
      [JSON.stringify({ title: "   " }), "invalid_input", "title"],
      [JSON.stringify({ title: 42 }), "invalid_input", "title"],
      [JSON.stringify({ title: "x".repeat(201) }), "invalid_input", "title"],
      [JSON.stringify({ title: "ok", extra: true }), "invalid_input", "(body)"],
      [JSON.stringify(["title"]), "invalid_input", "(body)"],
    ];
    for (const [rawBody, code, field] of cases) {
      const res = await call<{ error: { code: string; fields?: Record<string, string[]> } }>(
        live.server.url,
        "POST",
        "/workshops",
        { rawBody: rawBody as string },
      );
      expect(res.status, String(rawBody)).toBe(400);
      expect(res.body.error.code).toBe(code);
      if (field) expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    expect(await metaFile()).toBe(before);
  });

  it("validates invites: role, limits and expiry", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const before = await metaFile();
    const invalid: Array<[Record<string, unknown>, string]> = [
      [{ role: "admin" }, "role"],
      [{}, "role"],
      [{ role: "expert", maxUses: 0 }, "maxUses"],
      [{ role: "expert", maxUses: 1.5 }, "maxUses"],
      [{ role: "expert", maxUses: Number.MAX_SAFE_INTEGER }, "maxUses"],
      [{ role: "expert", expiresAt: "tomorrow" }, "expiresAt"],
      [{ role: "expert", expiresAt: "2001-01-01T00:00:00Z" }, "expiresAt"],
    ];
    for (const [body, field] of invalid) {
      const res = await call<{ error: { fields?: Record<string, string[]> } }>(
        live.server.url,
        "POST",
        `/workshops/${workshopId}/invites`,
        { token: facilitator, body },
      );
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    }
    expect(await metaFile()).toBe(before);
  });

  it("answers unknown ids and routes with 404, and wrong roles with 403", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert", "observer"]);
    const [expert, observer] = people;
    const unknownInvite = await call(
      live.server.url,
      "DELETE",
      `/workshops/${workshopId}/invites/AAAAAAAAAAAAAAAA`,
      {
        token: facilitator,
      },
    );
    expect(unknownInvite).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    const unknownWorkshop = await call(live.server.url, "GET", "/workshops/AAAAAAAAAAAAAAAA", {
      token: facilitator,
    });
    expect(unknownWorkshop.status).toBe(404);
    expect((await call(live.server.url, "GET", "/nowhere")).status).toBe(404);

    for (const who of [expert!, observer!]) {
      const make = await call(live.server.url, "POST", `/workshops/${workshopId}/invites`, {
        token: who.token,
        body: { role: "facilitator" },
      });
      expect(make).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
      const list = await call(live.server.url, "GET", `/workshops/${workshopId}/invites`, {
        token: who.token,
      });
      expect(list.status).toBe(403);
      const revoke = await call(
        live.server.url,
        "DELETE",
        `/workshops/${workshopId}/invites/${who.invite.id}`,
        {
          token: who.token,
        },
      );
      expect(revoke.status).toBe(403);
    }
    // Reading is open to every session of the workshop, observers included.
    const participants = await call<{ participants: unknown[] }>(
      live.server.url,
      "GET",
      `/workshops/${workshopId}/participants`,
      { token: observer!.token },
    );
    expect(participants.body.participants).toHaveLength(3);
  });

  it("refuses missing and malformed credentials with 401", async () => {
    const { workshopId } = await workshopWith(live.server.url, []);
    expect((await call(live.server.url, "GET", `/workshops/${workshopId}`)).status).toBe(401);
    expect(
      (await call(live.server.url, "GET", `/workshops/${workshopId}`, { token: "x".repeat(43) })).status,
    ).toBe(401);
    const join = await call(live.server.url, "POST", "/join", {
      body: { inviteToken: "y".repeat(43), displayName: "Eve" },
    });
    expect(join).toMatchObject({ status: 401, body: { error: { code: "invite_invalid" } } });
    const noName = await call<{ error: { fields: Record<string, string[]> } }>(
      live.server.url,
      "POST",
      "/join",
      {
        body: { inviteToken: "y".repeat(43), displayName: "" },
      },
    );
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields).toHaveProperty("displayName");
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await call(live.server.url, "POST", "/workshops", {
      rawBody: JSON.stringify({ title: "x".repeat(2e6) }),
    });
    expect(res).toMatchObject({ status: 413, body: { error: { code: "too_large" } } });
  });

  it("requires the create token when the server has one", async () => {
    const locked = await live.replace({ RISKROOM_CREATE_TOKEN: "open-sesame-0123456789" });
    const body = { title: "Gated" };
    expect((await call(locked.url, "POST", "/workshops", { body })).status).toBe(401);
    expect((await call(locked.url, "POST", "/workshops", { body, token: "wrong" })).status).toBe(401);
    expect(
      (await call(locked.url, "POST", "/workshops", { body, token: "open-sesame-0123456789" })).status,
    ).toBe(201);
  });

  it("stores only hashes of tokens", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert"]);
    const invite = await createInvite(live.server.url, facilitator, workshopId, "observer");
    const meta = await metaFile();
    for (const token of [facilitator, people[0]!.token, invite.token]) expect(meta).not.toContain(token);
    expect(invite.url).toBe(`${live.server.url}/join#${invite.token}`);
  });
});
