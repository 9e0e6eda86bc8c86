/**
 * Tier-timeline rounds over the real API and raw sockets, on whichever store runs: no date and no
 * assumption reaches anyone (raw control-document bytes, every API answer) before the reveal; a
 * revised forecast replaces the first; the reveal publishes every forecast with the pooled
 * quantiles (checked against dates computed by hand); who may do what.
 */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  type RevealedTimeline,
  TIMELINE_REVEALED_MAP,
  TIMELINE_ROUNDS_MAP,
  type TimelineRoundView,
} from "../../shared/timeline";
import { call } from "../helpers/api";
import { recorder, setupWorkshop } from "../helpers/estimation";
import { attach, createModel, fetchReport, signOff } from "../helpers/models";
import { serverPerTest } from "../helpers/serverPerTest";
import { takeSnapshot } from "../helpers/snapshots";

type ErrorBody = { error: { code: string; fields?: Record<string, string[]> } };
const live = serverPerTest();

const forecast = (p10: string, p50: string, p90: string, assumptions: string) => ({
  riskId: "cbrn",
  p10,
  p50,
  p90,
  assumptions,
});

describe("timeline rounds", () => {
  it("keeps every forecast secret until the reveal, then publishes them with the pooled quantiles", async () => {
    const s = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert", "expert", "observer"], 1);
    const [e1, e2, observer] = s.people;
    const url = live.server.url;
    const sockets = [s.facilitator, e1!.token, e2!.token, observer!.token].map((token) =>
      recorder(live.server.wsUrl, `${s.workshopId}/control`, token),
    );
    try {
      await Promise.all(sockets.map((x) => x.opened));
      expect((await call(url, "POST", `${s.route}/framework/lock`, { token: s.facilitator })).status).toBe(
        200,
      );
      const opened = await call<{ round: TimelineRoundView }>(url, "POST", `${s.route}/timelines`, {
        token: s.facilitator,
        body: { riskIds: ["cbrn"] },
      });
      expect(opened.status).toBe(201);
      const roundId = opened.body.round.id;
      expect(opened.body.round.nextTier.cbrn).toEqual(expect.any(String));

      const one = forecast("2030-01-01", "2032-01-01", "2036-01-01", "SECRET-ASSUMPTION-ONE");
      const draft = forecast("2041-05-13", "2043-07-19", "2047-09-23", "SECRET-ASSUMPTION-DRAFT");
      const two = forecast("2030-01-11", "2032-01-21", "2036-01-31", "SECRET-ASSUMPTION-TWO");
      const submit = (token: string, body: unknown) =>
        call<ErrorBody>(url, "POST", `${s.route}/timelines/${roundId}/forecasts`, { token, body });
      expect((await submit(e1!.token, one)).status).toBe(201);
      expect((await submit(e2!.token, draft)).status).toBe(201);
      expect((await submit(e2!.token, two)).status).toBe(201); // the revision replaces the draft

      const apiSeen: string[] = [];
      for (const token of [s.facilitator, e1!.token, e2!.token, observer!.token]) {
        apiSeen.push(JSON.stringify((await call(url, "GET", `${s.route}/timelines`, { token })).body));
        apiSeen.push(JSON.stringify((await call(url, "GET", `${s.route}/rounds`, { token })).body));
      }
      for (const token of [s.facilitator, observer!.token])
        apiSeen.push(
          JSON.stringify(
            (await call(url, "GET", `${s.route}/timelines/${roundId}/forecasts/mine`, { token })).body,
          ),
        );
      apiSeen.push(
        JSON.stringify((await call(url, "GET", `${s.route}/audit`, { token: s.facilitator })).body),
      );
      apiSeen.push(
        JSON.stringify((await call(url, "GET", `${s.route}/snapshots`, { token: s.facilitator })).body),
      );
      const exported = await fetch(`${url}/api${s.route}/export?format=json`, {
        headers: { authorization: `Bearer ${s.facilitator}` },
      });
      apiSeen.push(await exported.text());
      const mine = await call<{ forecasts: Array<{ assumptions: string }> }>(
        url,
        "GET",
        `${s.route}/timelines/${roundId}/forecasts/mine`,
        { token: e2!.token },
      );
      expect(mine.body.forecasts.map((f) => f.assumptions)).toEqual(["SECRET-ASSUMPTION-TWO"]);

      const control = live.peer(`${s.workshopId}/control`, observer!.token, new Y.Doc());
      await control.synced();
      const roundIn = () => control.doc.getMap<TimelineRoundView>(TIMELINE_ROUNDS_MAP).get(roundId);
      await vi.waitFor(() => expect(roundIn()?.submitted.cbrn).toEqual(["expert 1", "expert 2"]));

      const bytes = Buffer.concat(sockets.flatMap((x) => x.messages.map((m) => Buffer.from(m))));
      const text = apiSeen.join("\n");
      for (const secret of [one, draft, two])
        for (const value of [secret.p10, secret.p50, secret.p90, secret.assumptions]) {
          expect(bytes.includes(value), `${value} leaked on a socket`).toBe(false);
          expect(text, `${value} leaked in an answer`).not.toContain(value);
        }
      expect(control.doc.getMap(TIMELINE_REVEALED_MAP).get(roundId)).toBeUndefined();

      // Who may do what.
      expect((await submit(s.facilitator, one)).status).toBe(403);
      expect((await submit(observer!.token, one)).status).toBe(403);
      const other = await submit(e1!.token, { ...one, riskId: "cyber-offence" });
      expect([other.status, other.body.error.code]).toEqual([400, "invalid_input"]);
      expect(
        (await call(url, "POST", `${s.route}/timelines/${roundId}/reveal`, { token: e1!.token })).status,
      ).toBe(403);
      const second = await call<ErrorBody>(url, "POST", `${s.route}/timelines`, {
        token: s.facilitator,
        body: { riskIds: ["cbrn"] },
      });
      expect([second.status, second.body.error.code]).toEqual([409, "round_open"]);

      const revealed = await call<{ revealed: RevealedTimeline }>(
        url,
        "POST",
        `${s.route}/timelines/${roundId}/reveal`,
        {
          token: s.facilitator,
        },
      );
      expect(revealed.status).toBe(200);
      // By hand: P10 2030-01-01 and +10 days → +5 → 2030-01-06; P50 +0 and +20 → 2032-01-11;
      // P90 +0 and +30 → 2036-01-16; width 2036-01-16 − 2030-01-06 = 2201 days.
      expect(revealed.body.revealed.aggregates.cbrn).toEqual({
        method: "quantile-average",
        n: 2,
        p10: "2030-01-06",
        p50: "2032-01-11",
        p90: "2036-01-16",
        spread: { earliestP50: "2032-01-01", latestP50: "2032-01-21", widthDays: 2201 },
      });
      await vi.waitFor(() => expect(control.doc.getMap(TIMELINE_REVEALED_MAP).get(roundId)).toBeDefined());
      const published = control.doc.getMap<RevealedTimeline>(TIMELINE_REVEALED_MAP).get(roundId)!;
      expect(published.forecasts.cbrn!.map((f) => [f.who, f.p50, f.assumptions])).toEqual([
        ["expert 1", "2032-01-01", "SECRET-ASSUMPTION-ONE"],
        ["expert 2", "2032-01-21", "SECRET-ASSUMPTION-TWO"],
      ]);
      expect(JSON.stringify(published)).not.toContain("SECRET-ASSUMPTION-DRAFT");
      const late = await submit(e1!.token, one);
      expect([late.status, late.body.error.code]).toEqual([409, "round_not_open"]);
      expect(
        (await call(url, "POST", `${s.route}/timelines/${roundId}/close`, { token: s.facilitator })).status,
      ).toBe(200);

      // The pooled forecast and its chart go into the model report made from a snapshot after the reveal.
      const { model, token } = await createModel(url);
      await attach(url, model.id, s.workshopId, s.facilitator, token);
      const snap = await takeSnapshot(url, s.route, s.facilitator, "forecast revealed");
      await signOff(url, model.id, s.workshopId, s.facilitator, snap.id);
      expect((await call(url, "POST", `/models/${model.id}/reports`, { token })).status).toBe(201);
      const md = (await fetchReport(url, model.id, token, "format=md")).text;
      expect(md).toContain("2030-01-06 / 2032-01-11 / 2036-01-16");
      expect(md).toContain("SECRET-ASSUMPTION-TWO");
      expect(md).not.toContain("**Missing:** no timeline forecast");
      const html = (await fetchReport(url, model.id, token, "format=html")).text;
      expect(html).toContain('aria-label="Timeline forecast for');
    } finally {
      for (const x of sockets) x.ws.close();
    }
  });
});
