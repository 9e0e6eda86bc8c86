/** The audit chain's pure parts: sealing, verifying, the chain over a legacy trail, the CSV. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderAuditCsv } from "../../server/export/auditCsv";
import {
  AUDIT_GENESIS,
  type AuditEntry,
  type AuditFields,
  asChain,
  auditPayload,
  sealAudit,
  verifyAudit,
} from "../../shared/audit";
import { parseCsv } from "./exportCsvReader";

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const fields = (i: number): AuditFields => ({
  at: `2026-11-0${1 + (i % 9)}T10:00:00.000Z`,
  workshopId: "w1",
  actor: `p${i}`,
  action: "invite.create",
  target: `i${i}`,
});

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) out.push(sealAudit(out.at(-1), fields(i), sha));
  return out;
}

describe("the audit chain", () => {
  it("hashes a canonical payload that does not depend on key order", () => {
    const [e] = chain(1);
    expect(e!.prev).toBe(AUDIT_GENESIS);
    expect(auditPayload(e!)).toBe(
      '{"action":"invite.create","actor":"p0","at":"2026-11-01T10:00:00.000Z","prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":0,"target":"i0","workshopId":"w1"}',
    );
    expect(e!.hash).toBe(sha(auditPayload(e!)));
  });

  it("verifies a whole chain and names the first broken entry, whatever was changed", () => {
    const good = chain(5);
    expect(verifyAudit(good, "w1", sha)).toEqual({ ok: true, entries: 5, head: good[4]!.hash });
    const edited = good.map((e, i) => (i === 2 ? { ...e, actor: "someone" } : e));
    expect(verifyAudit(edited, "w1", sha)).toMatchObject({ ok: false, firstBroken: { index: 2 } });
    const dropped = [...good.slice(0, 1), ...good.slice(2)];
    expect(verifyAudit(dropped, "w1", sha)).toMatchObject({ ok: false, firstBroken: { index: 1 } });
    expect(verifyAudit(good, "w2", sha)).toMatchObject({ ok: false, firstBroken: { index: 0 } });
  });

  it("chains a trail of bare entries behind one genesis entry, the same way each time", () => {
    const legacy = [fields(0), fields(1)];
    const once = asChain(legacy, sha);
    expect(once.map((e) => e.action)).toEqual(["audit.genesis", "invite.create", "invite.create"]);
    expect(once[0]).toMatchObject({
      actor: "server",
      at: legacy[0]!.at,
      target: "2 earlier entries, chained on upgrade",
    });
    expect(asChain(legacy, sha)).toEqual(once);
    expect(verifyAudit(once, "w1", sha).ok).toBe(true);
  });

  it("does not quietly re-chain a chained trail with a bare entry in it", () => {
    const good = chain(3);
    const { seq: _s, prev: _p, hash: _h, ...bare } = good[1]!;
    const mixed = asChain([good[0]!, bare, good[2]!], sha);
    expect(verifyAudit(mixed, "w1", sha)).toMatchObject({ ok: false, firstBroken: { index: 1 } });
  });

  it("writes formula-like actors and targets as text in the CSV", () => {
    const hostile = '=HYPERLINK("https://evil.example","x")';
    const e = sealAudit(undefined, { ...fields(0), actor: "@SUM(A1)", target: hostile }, sha);
    const rows = parseCsv(renderAuditCsv([{ ...e, actorName: "+cmd|' /C calc'!A0" }]));
    expect(rows[1]).toEqual([
      "0",
      e.at,
      "'@SUM(A1)",
      "'+cmd|' /C calc'!A0",
      "invite.create",
      `'${hostile}`,
      AUDIT_GENESIS,
      e.hash,
    ]);
  });
});
