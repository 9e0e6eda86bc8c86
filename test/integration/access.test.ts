import { describe, expect, it } from "vitest";
import { CloseCode } from "../../shared/limits";
import { call, createInvite, join, workshopWith } from "../helpers/api";
import { openRaw } from "../helpers/rawSocket";
import { revokeAndAwaitCloses } from "../helpers/revocation";
import { serverPerTest } from "../helpers/serverPerTest";

const live = serverPerTest();

async function closeCodeFor(room: string, token?: string, headers: Record<string, string> = {}) {
  const socket = openRaw(live.server.wsUrl, room, token, headers);
  const closed = await socket.closed;
  expect(socket.messages).toHaveLength(0);
  return closed.code;
}

describe("who may open a room", () => {
  it("refuses a missing or unknown token with 4401 and sends nothing first", async () => {
    const { workshopId } = await workshopWith(live.server.url, []);
    expect(await closeCodeFor(workshopId)).toBe(CloseCode.unauthorized);
    expect(await closeCodeFor(workshopId, "not-a-real-token-at-all")).toBe(CloseCode.unauthorized);
    expect(await closeCodeFor(`${workshopId}/control`)).toBe(CloseCode.unauthorized);
  });

  it("refuses an expired session with 4401, over websockets and REST", async () => {
    const expiring = await live.replace({ SESSION_TTL_HOURS: "0" });
    const { workshopId, facilitator } = await workshopWith(expiring.url, []);
    const socket = openRaw(expiring.wsUrl, workshopId, facilitator);
    expect((await socket.closed).code).toBe(CloseCode.unauthorized);
    const res = await call(expiring.url, "GET", `/workshops/${workshopId}`, { token: facilitator });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: "session_expired" } });
  });

  it("keeps a session of one workshop out of every room of another, and out of made-up room names", async () => {
    const a = await workshopWith(live.server.url, ["expert"]);
    const b = await workshopWith(live.server.url, []);
    const token = a.people[0]!.token;
    expect(await closeCodeFor(b.workshopId, token)).toBe(CloseCode.forbidden);
    expect(await closeCodeFor(`${b.workshopId}/control`, token)).toBe(CloseCode.forbidden);
    for (const name of [
      `${a.workshopId}/other`,
      `${a.workshopId}/control/x`,
      `${a.workshopId}%2F..%2F${b.workshopId}`,
      `..%2F${b.workshopId}`,
      `${a.workshopId}/..%2Fcontrol`,
      "nope",
    ]) {
      expect(await closeCodeFor(name, token), name).toBe(CloseCode.notFound);
    }
    const res = await call(live.server.url, "GET", `/workshops/${b.workshopId}/participants`, { token });
    expect(res.status).toBe(403);
  });

  it("refuses a foreign Origin before upgrading, and accepts its own", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const foreign = openRaw(live.server.wsUrl, workshopId, facilitator, { origin: "https://evil.example" });
    expect(await foreign.refused).toBe(403);
    const own = openRaw(live.server.wsUrl, workshopId, facilitator, { origin: live.server.url });
    await own.opened;
    own.ws.close();
    // Reached by another address (a LAN IP, a host name), the page's origin matches the Host it sent.
    const lan = openRaw(live.server.wsUrl, workshopId, facilitator, {
      origin: "http://riskroom.lan:8787",
      host: "riskroom.lan:8787",
    });
    await lan.opened;
    lan.ws.close();
    const mismatch = openRaw(live.server.wsUrl, workshopId, facilitator, {
      origin: "http://evil.example:8787",
      host: "riskroom.lan:8787",
    });
    expect(await mismatch.refused).toBe(403);
  });

  it("drops a revoked invite's open sockets within a second with 4403, and refuses its token afterwards", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert", "expert"]);
    const [revoked, kept] = people as [(typeof people)[0], (typeof people)[0]];
    const gone = live.peer(workshopId, revoked.token);
    const goneControl = live.peer(`${workshopId}/control`, revoked.token);
    const stays = live.peer(workshopId, kept.token);
    await Promise.all([gone.synced(), goneControl.synced(), stays.synced()]);

    await revokeAndAwaitCloses(live.server.url, workshopId, revoked.invite.id, facilitator, [
      gone,
      goneControl,
    ]);
    expect(stays.provider.wsconnected).toBe(true);
    expect(await closeCodeFor(workshopId, revoked.token)).toBe(CloseCode.forbidden);
    const me = await call(live.server.url, "GET", "/me", { token: revoked.token });
    expect(me.status).toBe(403);
    // The participants list in the control document marks the revoked participant.
    const watcher = live.peer(`${workshopId}/control`, kept.token);
    await watcher.synced();
    const entry = watcher.doc.getMap("participants").get(revoked.participant.id) as { revokedAt?: string };
    expect(entry.revokedAt).toBeTypeOf("string");
  });

  it("refuses joins through a revoked, expired or used-up invite", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const once = await createInvite(live.server.url, facilitator, workshopId, "expert", { maxUses: 1 });
    await join(live.server.url, once.token, "First");
    const again = await call(live.server.url, "POST", "/join", {
      body: { inviteToken: once.token, displayName: "Second" },
    });
    expect(again).toMatchObject({ status: 410, body: { error: { code: "invite_used_up" } } });

    const soon = await createInvite(live.server.url, facilitator, workshopId, "expert", {
      expiresAt: new Date(Date.now() + 300).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 400));
    const late = await call(live.server.url, "POST", "/join", {
      body: { inviteToken: soon.token, displayName: "Late" },
    });
    expect(late).toMatchObject({ status: 410, body: { error: { code: "invite_expired" } } });

    const pulled = await createInvite(live.server.url, facilitator, workshopId, "observer");
    await call(live.server.url, "DELETE", `/workshops/${workshopId}/invites/${pulled.invite.id}`, {
      token: facilitator,
    });
    const refused = await call(live.server.url, "POST", "/join", {
      body: { inviteToken: pulled.token, displayName: "X" },
    });
    expect(refused).toMatchObject({ status: 410, body: { error: { code: "invite_revoked" } } });

    const listed = await call<{ invites: Array<Record<string, unknown>> }>(
      live.server.url,
      "GET",
      `/workshops/${workshopId}/invites`,
      { token: facilitator },
    );
    expect(listed.body.invites.map((i) => i.uses)).toEqual([1, 0, 0]);
    // Listing never shows tokens or their hashes.
    expect(JSON.stringify(listed.body)).not.toContain(once.token);
    expect(listed.body.invites.every((i) => !("tokenHash" in i) && !("token" in i))).toBe(true);
  });
});
