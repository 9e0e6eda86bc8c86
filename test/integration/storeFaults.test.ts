/**
 * Metadata writes that fail (embedded store). The fault: a directory where the workshop's
 * temporary file goes, so the durable write cannot open it; this stops writes as root too, where
 * a read-only mode would not. Each failed write answers 503 in the error shape, leaves memory,
 * sockets and the control document as they were, and is not written later by another request;
 * once the fault clears, the next request succeeds.
 */
import { mkdirSync, readFileSync, rmdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { readPhase } from "../../shared/controlDoc";
import { canonicalJson, defaultFramework } from "../../shared/estimation/framework";
import { readFramework, readRounds } from "../../shared/estimationView";
import { call, createInvite, join, workshopWith } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { storedMeta } from "../helpers/storedMeta";
import { serversUsePostgres } from "../helpers/testDatabase";

const live = serverPerTest();

const metaFile = (workshopId: string) => path.join(live.server.dataDir, "workshops", workshopId, "meta.json");
const block = (workshopId: string) => mkdirSync(`${metaFile(workshopId)}.tmp`);
const unblock = (workshopId: string) => rmdirSync(`${metaFile(workshopId)}.tmp`);

const unavailable = {
  status: 503,
  body: { error: { code: "store_unavailable", message: expect.any(String) } },
};

// Faults of the data directory (the embedded store); PostgreSQL's own are in test/postgres/faults.test.ts.
describe.skipIf(serversUsePostgres())("a metadata write that fails", () => {
  it("leaves the framework as it was in memory, on disk and in the control document, and writes it never", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const route = `/workshops/${workshopId}`;
    const control = live.peer(`${workshopId}/control`, facilitator);
    await control.synced();
    const original = defaultFramework();
    await vi.waitFor(() => expect(readFramework(control.doc)).toEqual(original));
    const edited = defaultFramework();
    edited.severityLevels[0]!.name = "Edited while the disk was failing";
    const before = await storedMeta(live.server);

    block(workshopId);
    const put = await call(live.server.url, "PUT", `${route}/framework`, {
      token: facilitator,
      body: { framework: edited },
    });
    expect(put).toMatchObject(unavailable);
    const read = await call<{ framework: unknown }>(live.server.url, "GET", `${route}/framework`, {
      token: facilitator,
    });
    expect(read.body.framework).toEqual(original);
    expect(await storedMeta(live.server)).toBe(before);

    unblock(workshopId);
    // Another write succeeds, and carries nothing of the failed one to disk or to the document.
    const phase = await call(live.server.url, "PUT", `${route}/phase`, {
      token: facilitator,
      body: { phase: "analyse" },
    });
    expect(phase.status).toBe(200);
    await vi.waitFor(() => expect(readPhase(control.doc)).toBe("analyse"));
    expect(canonicalJson(readFramework(control.doc))).toBe(canonicalJson(original));
    expect(readFileSync(metaFile(workshopId), "utf8")).not.toContain("Edited while the disk was failing");

    const retried = await call(live.server.url, "PUT", `${route}/framework`, {
      token: facilitator,
      body: { framework: edited },
    });
    expect(retried.status).toBe(200);
    await vi.waitFor(() => expect(readFramework(control.doc)).toEqual(edited));
  });

  it("keeps a round open that could not be revealed, and reveals it once the fault clears", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    const roundId = await lockAndOpen(live.server.url, s, { kind: "pre", anonymous: false });
    const submit = () =>
      call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
        token: s.people[0]!.token,
        body: {
          scenarioId: s.scenarioIds[0],
          probability: { low: 0.01, best: 0.02, high: 0.04 },
          severity: { levelId: defaultFramework().severityLevels[2]!.id },
          confidence: "medium",
          rationale: "kept server-side",
        },
      });
    expect((await submit()).status).toBe(201);
    const control = live.peer(`${s.workshopId}/control`, s.facilitator);
    await control.synced();
    await vi.waitFor(() => expect(readRounds(control.doc)[0]?.submitted[s.scenarioIds[0]!]).toHaveLength(1));

    block(s.workshopId);
    const reveal = () =>
      call(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator });
    expect(await reveal()).toMatchObject(unavailable);
    expect(await submit()).toMatchObject(unavailable);
    expect(readRounds(control.doc)[0]?.state).toBe("open");
    // Still open in memory: the expert may still revise (once the disk takes it).
    unblock(s.workshopId);
    expect((await submit()).status).toBe(201);
    expect(readRounds(control.doc)[0]?.state).toBe("open");
    const revealed = await reveal();
    expect(revealed).toMatchObject({ status: 200, body: { round: { state: "revealed" } } });
    await vi.waitFor(() => expect(readRounds(control.doc)[0]?.state).toBe("revealed"));
    expect(await reveal()).toMatchObject({ status: 409, body: { error: { code: "round_not_open" } } });
  });

  it("keeps the sessions and sockets of an invite whose revocation could not be stored", async () => {
    const { workshopId, facilitator, people } = await workshopWith(live.server.url, ["expert"]);
    const expert = people[0]!;
    const socket = live.peer(workshopId, expert.token);
    await socket.synced();
    const revoke = () =>
      call(live.server.url, "DELETE", `/workshops/${workshopId}/invites/${expert.invite.id}`, {
        token: facilitator,
      });

    block(workshopId);
    expect(await revoke()).toMatchObject(unavailable);
    expect(socket.closes).toEqual([]);
    expect(socket.provider.wsconnected).toBe(true);
    expect((await call(live.server.url, "GET", "/me", { token: expert.token })).status).toBe(200);

    unblock(workshopId);
    expect((await call(live.server.url, "GET", "/me", { token: expert.token })).status).toBe(200);
    expect((await revoke()).status).toBe(200);
    await vi.waitFor(() => expect(socket.closes.map((c) => c.code)).toContain(4403));
    expect((await call(live.server.url, "GET", "/me", { token: expert.token })).status).toBe(403);
  });

  it("uses no invite for a join that could not be stored", async () => {
    const { workshopId, facilitator } = await workshopWith(live.server.url, []);
    const invite = await createInvite(live.server.url, facilitator, workshopId, "expert", { maxUses: 1 });
    block(workshopId);
    const failed = await call(live.server.url, "POST", "/join", {
      body: { inviteToken: invite.token, displayName: "Kim" },
    });
    expect(failed).toMatchObject(unavailable);
    const listed = await call<{ invites: Array<{ uses: number }> }>(
      live.server.url,
      "GET",
      `/workshops/${workshopId}/invites`,
      { token: facilitator },
    );
    expect(listed.body.invites[0]!.uses).toBe(0);
    unblock(workshopId);
    // The one use left is still there.
    const joined = await join(live.server.url, invite.token, "Kim");
    expect(joined.session.participant.displayName).toBe("Kim");
  });
});
