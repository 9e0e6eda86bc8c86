/** Three instances: revocation, blind estimates, observers and presence hold across instances. */
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { defaultFramework } from "../../shared/estimation/framework";
import { readRevealed, readRounds } from "../../shared/estimationView";
import { CloseCode } from "../../shared/limits";
import { call, workshopWith } from "../helpers/api";
import { startCluster } from "../helpers/cluster";
import { lockAndOpen, numberPatterns, recorder, setupWorkshop } from "../helpers/estimation";
import { MULTI_SKIP_REASON } from "../helpers/multiSkip";
import { revokeAndAwaitCloses } from "../helpers/revocation";
import { connectPeer } from "../helpers/yclient";

const estimate = (scenarioId: string, best: number, rationale: string) => ({
  scenarioId,
  probability: { low: best / 2, best, high: Math.min(0.99, best * 2) },
  severity: { levelId: defaultFramework().severityLevels[2]!.id },
  confidence: "medium",
  rationale,
});

describe.skipIf(MULTI_SKIP_REASON !== null)(`three instances ${MULTI_SKIP_REASON ?? ""}`, () => {
  it("closes a revoked invite's socket on instance C within 1 s (4403) when it is revoked through A", async () => {
    const cluster = await startCluster(3);
    const { workshopId, facilitator, people } = await workshopWith(cluster.url(0), ["expert", "expert"]);
    const [revoked, kept] = people as [(typeof people)[0], (typeof people)[0]];
    const gone = cluster.peer(2, workshopId, revoked.token);
    const goneControl = cluster.peer(1, `${workshopId}/control`, revoked.token);
    const stays = cluster.peer(2, workshopId, kept.token);
    await Promise.all([gone.synced(), goneControl.synced(), stays.synced()]);

    await revokeAndAwaitCloses(cluster.url(0), workshopId, revoked.invite.id, facilitator, [
      gone,
      goneControl,
    ]);
    expect(stays.provider.wsconnected).toBe(true);
    // Its reconnects are refused on every instance.
    for (let i = 0; i < 3; i++)
      expect((await call(cluster.url(i), "GET", "/me", { token: revoked.token })).status).toBe(403);
  });

  it("delivers a revocation made while Redis is away to the other instances once it is back", async () => {
    const cluster = await startCluster(2);
    const { workshopId, facilitator, people } = await workshopWith(cluster.url(0), ["expert"]);
    const gone = cluster.peer(1, workshopId, people[0]!.token);
    await gone.synced();
    await cluster.redis.kill();
    const res = await call(
      cluster.url(0),
      "DELETE",
      `/workshops/${workshopId}/invites/${people[0]!.invite.id}`,
      {
        token: facilitator,
      },
    );
    // The REST call is answered at once, stored; the close waits for the bus.
    expect(res.status).toBe(200);
    await cluster.redis.start();
    await vi.waitFor(() => expect(gone.closes.map((c) => c.code)).toContain(CloseCode.forbidden), {
      timeout: 10_000,
    });
  });

  it("shows a blind estimate submitted through B to no one through any instance before the reveal; the reveal through C reaches every client", async () => {
    const cluster = await startCluster(3);
    const wsUrl = (i: number) => `${cluster.url(i).replace(/^http/, "ws")}/ws`;
    const s = await setupWorkshop(cluster.url(0), wsUrl(0), ["expert", "expert", "observer"], 1);
    const [e1, e2, observer] = s.people as [(typeof s.people)[0], (typeof s.people)[0], (typeof s.people)[0]];
    const watchers = [s.facilitator, e2.token, observer.token];
    const sockets = [0, 1, 2].flatMap((i) =>
      watchers.map((token) => recorder(wsUrl(i), `${s.workshopId}/control`, token)),
    );
    for (const socket of sockets) onTestFinished(() => socket.ws.close());
    const controls = [0, 1, 2].map((i) => cluster.peer(i, `${s.workshopId}/control`, observer.token));
    await Promise.all([...sockets.map((x) => x.opened), ...controls.map((c) => c.synced())]);
    const roundId = await lockAndOpen(cluster.url(2), s, { anonymous: false });

    const secret = estimate(s.scenarioIds[0]!, 0.0137, "SECRET-RATIONALE-B");
    const res = await call(cluster.url(1), "POST", `${s.route}/rounds/${roundId}/estimates`, {
      token: e1.token,
      body: secret,
    });
    expect(res.status).toBe(201);
    // The submission (who, not what) reaches every instance's clients.
    await vi.waitFor(() => {
      for (const c of controls) expect(readRounds(c.doc)[0]?.submitted[s.scenarioIds[0]!]).toHaveLength(1);
    });
    const apiSeen: string[] = [];
    for (let i = 0; i < 3; i++)
      for (const token of watchers)
        for (const path of ["", "/participants", "/framework", `/rounds/${roundId}/estimates/mine`])
          apiSeen.push(
            JSON.stringify((await call(cluster.url(i), "GET", `${s.route}${path}`, { token })).body),
          );
    const bytes = Buffer.concat(sockets.flatMap((x) => x.messages.map((m) => Buffer.from(m))));
    const text = apiSeen.join("\n");
    expect(bytes.includes(secret.rationale)).toBe(false);
    expect(text).not.toContain(secret.rationale);
    for (const value of [secret.probability.low, secret.probability.best, secret.probability.high]) {
      for (const pattern of numberPatterns(value))
        expect(bytes.includes(pattern), `${value} leaked`).toBe(false);
      expect(text).not.toContain(String(value));
    }
    for (const c of controls) expect(readRevealed(c.doc, roundId)).toBeNull();

    const reveal = await call(cluster.url(2), "POST", `${s.route}/rounds/${roundId}/reveal`, {
      token: s.facilitator,
    });
    expect(reveal.status).toBe(200);
    await vi.waitFor(() => {
      for (const c of controls)
        expect(readRevealed(c.doc, roundId)?.estimates[s.scenarioIds[0]!]?.map((e) => e.rationale)).toEqual([
          "SECRET-RATIONALE-B",
        ]);
    });
  });

  it("drops an observer's write on every instance, and keeps awareness identities stamped across instances", async () => {
    const cluster = await startCluster(3);
    const { workshopId, people } = await workshopWith(cluster.url(0), ["expert", "observer", "expert"]);
    const [expertA, observerB, expertC] = [0, 1, 2].map((i) => cluster.peer(i, workshopId, people[i]!.token));
    const others = [expertA!, expertC!];
    await Promise.all([expertA!.synced(), observerB!.synced(), expertC!.synced()]);

    observerB!.doc.getText("notes").insert(0, "OBSERVER-SECRET");
    // A client on A claims to be someone else; its presence shows who its session says it is.
    expertA!.provider.awareness.setLocalStateField("user", {
      name: "Mallory",
      participantId: "forged",
      color: "#123456",
    });
    observerB!.provider.awareness.setLocalStateField("user", { name: "Also forged", color: "#654321" });
    // A later expert edit arrives everywhere, so anything relayed before it has arrived too.
    expertC!.doc.getText("notes").insert(0, "expert-wrote-this");
    await vi.waitFor(() => {
      for (const p of [expertA!, observerB!, expertC!])
        expect(p.doc.getText("notes").toString()).toContain("expert-wrote-this");
    });
    for (const p of others) expect(p.doc.getText("notes").toString()).toBe("expert-wrote-this");
    const stored = await cluster.storedDoc(workshopId, "content");
    expect(stored.getText("notes").toString()).toBe("expert-wrote-this");

    await vi.waitFor(() => {
      for (const p of [observerB!, expertC!]) {
        const users = [...p.provider.awareness.getStates().values()].map((st) => st.user);
        expect(users).toContainEqual({
          participantId: people[0]!.participant.id,
          name: "expert 1",
          role: "expert",
          color: "#123456",
        });
      }
      for (const p of others) {
        const users = [...p.provider.awareness.getStates().values()].map((st) => st.user);
        expect(users).toContainEqual({
          participantId: people[1]!.participant.id,
          name: "observer 2",
          role: "observer",
          color: "#654321",
        });
      }
    });
  });

  it("removes the presences of an instance that dies from the other instances' clients", async () => {
    const cluster = await startCluster(3);
    const { workshopId, people } = await workshopWith(cluster.url(0), ["expert", "expert"]);
    // Not placed through the balancer: when A dies, this client stays away.
    const onA = connectPeer(`${cluster.url(0).replace(/^http/, "ws")}/ws`, workshopId, people[0]!.token);
    onTestFinished(() => onA.destroy());
    const onB = cluster.peer(1, workshopId, people[1]!.token);
    await Promise.all([onA.synced(), onB.synced()]);
    onA.provider.awareness.setLocalStateField("user", { color: "#abcdef" });
    const idA = onA.doc.clientID;
    await vi.waitFor(() => expect(onB.provider.awareness.getStates().has(idA)).toBe(true));
    onA.provider.shouldConnect = false;
    await cluster.kill(0, "SIGKILL");
    await vi.waitFor(() => expect(onB.provider.awareness.getStates().has(idA)).toBe(false), {
      timeout: 15_000,
    });
  });
});
