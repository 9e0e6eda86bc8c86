/**
 * Requests that race for one guard (embedded store: the guard is checked inside the workshop's
 * queued write, never read before and written after).
 */
import { describe, expect, it } from "vitest";
import { defaultFramework } from "../../shared/estimation/framework";
import type { RevealedRound } from "../../shared/estimationView";
import { call, createInvite } from "../helpers/api";
import { lockAndOpen, setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";

const live = serverPerTest();

describe("racing requests", () => {
  it("reveal a round once: of two reveals at the same moment, one succeeds and one gets 409", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    const roundId = await lockAndOpen(live.server.url, s, { kind: "pre", anonymous: false });
    const reveal = () =>
      call(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, { token: s.facilitator });
    const results = await Promise.all([reveal(), reveal()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body).toMatchObject({ error: { code: "round_not_open" } });
  });

  it("never exceed an invite's maxUses: of joins racing for the last use, one gets in", async () => {
    const { url } = live.server;
    const created = await call<{ workshop: { id: string }; session: { token: string } }>(
      url,
      "POST",
      "/workshops",
      {
        body: { title: "Race" },
      },
    );
    const invite = await createInvite(url, created.body.session.token, created.body.workshop.id, "expert", {
      maxUses: 1,
    });
    const joins = await Promise.all(
      ["Ana", "Ben", "Cy", "Dee"].map((displayName) =>
        call(url, "POST", "/join", { body: { inviteToken: invite.token, displayName } }),
      ),
    );
    expect(joins.map((j) => j.status).sort()).toEqual([201, 410, 410, 410]);
    const listed = await call<{ invites: Array<{ uses: number }> }>(
      url,
      "GET",
      `/workshops/${created.body.workshop.id}/invites`,
      { token: created.body.session.token },
    );
    expect(listed.body.invites[0]!.uses).toBe(1);
  });

  it("accept an estimate only while its round is open: one sent with the reveal is in its values or refused", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert", "expert"], 1);
    const roundId = await lockAndOpen(live.server.url, s, { kind: "pre", anonymous: false });
    const submit = (token: string, rationale: string) =>
      call(live.server.url, "POST", `${s.route}/rounds/${roundId}/estimates`, {
        token,
        body: {
          scenarioId: s.scenarioIds[0],
          probability: { low: 0.01, best: 0.02, high: 0.05 },
          severity: { levelId: defaultFramework().severityLevels[1]!.id },
          confidence: "low",
          rationale,
        },
      });
    expect((await submit(s.people[0]!.token, "first")).status).toBe(201);
    const [late, reveal] = await Promise.all([
      submit(s.people[1]!.token, "sent with the reveal"),
      call<{ revealed: RevealedRound }>(live.server.url, "POST", `${s.route}/rounds/${roundId}/reveal`, {
        token: s.facilitator,
      }),
    ]);
    expect(reveal.status).toBe(200);
    const rationales = reveal.body.revealed.estimates[s.scenarioIds[0]!]!.map((e) => e.rationale);
    if (late.status === 201) expect(rationales).toContain("sent with the reveal");
    else {
      expect(late.body).toMatchObject({ error: { code: "round_not_open" } });
      expect(rationales).toEqual(["first"]);
    }
  });
});
