import { describe, expect, it, vi } from "vitest";
import type { CreateWorkshopResponse } from "../../shared/api";
import { CloseCode } from "../../shared/limits";
import { call, createInvite, workshopWith } from "../helpers/api";
import { openRaw } from "../helpers/rawSocket";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedMeta } from "../helpers/storedMeta";

const ATTACKER = "203.0.113.7";
const OTHER = "198.51.100.20";

const live = serverPerTest({
  TRUST_PROXY: "1",
  RISKROOM_OPEN_CREATION: "1",
  RATE_LIMIT_AUTH_FAILURES: "5",
  RATE_LIMIT_CREATE: "3",
  RATE_LIMIT_JOIN: "2",
});

const metaFile = () => storedMeta(live.server);

interface ErrorBody {
  error: { code: string; message: string };
}

async function from(
  address: string | null,
  method: string,
  route: string,
  init: { token?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (address) headers["x-forwarded-for"] = `10.9.9.9, ${address}`;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${live.server.url}/api${route}`, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    body: (await res.json()) as unknown,
  };
}

/** The other room keeps working: an edit through the official client arrives at a second client. */
async function editArrives(workshopId: string, tokenA: string, tokenB: string): Promise<void> {
  const [a, b] = [live.peer(workshopId, tokenA), live.peer(workshopId, tokenB)];
  await Promise.all([a.synced(), b.synced()]);
  a.doc.getText("probe").insert(0, "still here");
  await vi.waitFor(() => expect(b.doc.getText("probe").toString()).toBe("still here"), { timeout: 10_000 });
}

describe("per-address REST limits", () => {
  it("throttles wrong bearer tokens on any /api route with 429 and Retry-After, leaving other addresses served", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert"]);
    const before = await metaFile();
    const guesses = ["/me", `/workshops/${workshopId}`, `/workshops/${workshopId}/invites`, "/me", "/me"];
    for (const route of guesses) {
      const res = await from(ATTACKER, "GET", route, { token: `guess-${route}-${Math.random()}` });
      expect(res.status, route).toBe(401);
    }
    const limited = await from(ATTACKER, "GET", "/me", { token: "one-more-guess" });
    expect(limited.status).toBe(429);
    expect((limited.body as ErrorBody).error.code).toBe("rate_limited");
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    // Over the limit, even a right token from that address waits: guessing cannot go on between tries.
    expect((await from(ATTACKER, "GET", "/me", { token: facilitator })).status).toBe(429);
    // A wrong invite token is a guess too.
    expect(
      (await from(ATTACKER, "POST", "/join", { body: { inviteToken: "x", displayName: "y" } })).status,
    ).toBe(429);
    // The websocket upgrade from that address is refused before it opens.
    const sock = openRaw(live.server.wsUrl, workshopId, "guess", { "x-forwarded-for": ATTACKER });
    expect(await sock.refused).toBe(429);

    expect((await from(OTHER, "GET", "/me", { token: facilitator })).status).toBe(200);
    expect((await call(live.server.url, "GET", "/me", { token: facilitator })).status).toBe(200);
    await editArrives(workshopId, facilitator, people[0]!.token);
    expect(await metaFile()).toBe(before);
  });

  it("counts tokens refused at the websocket upgrade, so guessing there is throttled too", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert"]);
    for (let i = 0; i < 5; i++) {
      const sock = openRaw(live.server.wsUrl, workshopId, `guess-${i}`, { "x-forwarded-for": ATTACKER });
      expect((await sock.closed).code).toBe(CloseCode.unauthorized);
    }
    expect(
      await openRaw(live.server.wsUrl, workshopId, "guess-6", { "x-forwarded-for": ATTACKER }).refused,
    ).toBe(429);
    const res = await from(ATTACKER, "GET", "/me", { token: facilitator });
    expect(res.status).toBe(429);
    await editArrives(workshopId, facilitator, people[0]!.token);
  });

  it("limits workshop creation per address, imports and new workshops from snapshots included", async () => {
    for (let i = 0; i < 3; i++) {
      const res = await from(ATTACKER, "POST", "/workshops", { body: { title: `Flood ${i}` } });
      expect(res.status).toBe(201);
    }
    const stored = await metaFile();
    const refused = await from(ATTACKER, "POST", "/workshops", { body: { title: "Flood 4" } });
    expect(refused.status).toBe(429);
    expect((refused.body as ErrorBody).error.code).toBe("rate_limited");
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await from(ATTACKER, "POST", "/workshops/import", { body: {} })).status).toBe(429);
    expect(await metaFile()).toBe(stored);
    // Someone else still creates, and what the flood made before the limit is intact.
    const other = await from(OTHER, "POST", "/workshops", { body: { title: "Legitimate" } });
    expect(other.status).toBe(201);
    const created = other.body as CreateWorkshopResponse;
    expect((await call(live.server.url, "GET", "/me", { token: created.session.token })).status).toBe(200);
  });

  it("limits joins per address, and another address still joins and edits", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const invite = await createInvite(live.server.url, facilitator, workshopId, "expert");
    for (let i = 0; i < 2; i++) {
      const res = await from(ATTACKER, "POST", "/join", {
        body: { inviteToken: invite.token, displayName: `J${i}` },
      });
      expect(res.status).toBe(201);
    }
    const stored = await metaFile();
    const refused = await from(ATTACKER, "POST", "/join", {
      body: { inviteToken: invite.token, displayName: "J3" },
    });
    expect(refused.status).toBe(429);
    expect((refused.body as ErrorBody).error.code).toBe("rate_limited");
    expect(await metaFile()).toBe(stored);
    const joined = await from(OTHER, "POST", "/join", {
      body: { inviteToken: invite.token, displayName: "Kim" },
    });
    expect(joined.status).toBe(201);
    await editArrives(workshopId, facilitator, (joined.body as CreateWorkshopResponse).session.token);
  });
});

describe("creation closed by default", () => {
  const closed = serverPerTest({ TRUST_PROXY: "1" });

  it("lets this machine create, and refuses other machines with 403 creation_closed, storing nothing", async () => {
    const server = () => closed.server;
    const meta = () => storedMeta(server());
    const local = await call<CreateWorkshopResponse>(server().url, "POST", "/workshops", {
      body: { title: "Mine" },
    });
    expect(local.status).toBe(201);
    const before = await meta();
    const remote = await fetch(`${server().url}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ATTACKER },
      body: JSON.stringify({ title: "Not yours" }),
    });
    expect(remote.status).toBe(403);
    expect(((await remote.json()) as ErrorBody).error.code).toBe("creation_closed");
    const importing = await fetch(`${server().url}/api/workshops/import`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ATTACKER },
      body: JSON.stringify({ export: {} }),
    });
    expect(importing.status).toBe(403);
    // A proxy that says who it relays only in `Forwarded` is not this machine either.
    const rfc7239 = await fetch(`${server().url}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json", forwarded: `for=${ATTACKER}` },
      body: JSON.stringify({ title: "Relayed" }),
    });
    expect(rfc7239.status).toBe(403);
    expect(await meta()).toBe(before);
    // A remote facilitator's session does not open creation either.
    const snap = await call<{ snapshot: { id: string } }>(
      server().url,
      "POST",
      `/workshops/${local.body.workshop.id}/snapshots`,
      { token: local.body.session.token, body: { label: "s" } },
    );
    const stored = await meta();
    const fromSnapshot = await fetch(
      `${server().url}/api/workshops/${local.body.workshop.id}/snapshots/${snap.body.snapshot.id}/new-workshop`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": ATTACKER,
          authorization: `Bearer ${local.body.session.token}`,
        },
        body: JSON.stringify({}),
      },
    );
    expect(fromSnapshot.status).toBe(403);
    expect(await meta()).toBe(stored);
  });

  it("treats a request relayed by an untrusted local proxy as remote", async () => {
    const plain = await closed.replace({});
    const relayed = await fetch(`${plain.url}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ATTACKER },
      body: JSON.stringify({ title: "Through a proxy" }),
    });
    expect(relayed.status).toBe(403);
    expect((await call(plain.url, "POST", "/workshops", { body: { title: "Direct" } })).status).toBe(201);
  });

  it("opens creation to everyone with RISKROOM_OPEN_CREATION=1", async () => {
    const open = await closed.replace({ TRUST_PROXY: "1", RISKROOM_OPEN_CREATION: "1" });
    const res = await fetch(`${open.url}/api/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ATTACKER },
      body: JSON.stringify({ title: "Anyone's" }),
    });
    expect(res.status).toBe(201);
  });
});
