/**
 * Who may act on a model, and what is refused: the model token or a facilitator of an attached
 * workshop reads it; experts, strangers and facilitators of other workshops do not; attaching needs
 * both the workshop's facilitator and the model token; sign-offs only of the workshop's own
 * snapshots; the bounds. Every refusal stores nothing.
 */
import { describe, expect, it } from "vitest";
import type { ModelView } from "../../shared/models";
import { call } from "../helpers/api";
import { setupWorkshop } from "../helpers/estimation";
import { attach, createModel, fetchReport } from "../helpers/models";
import { serverPerTest } from "../helpers/serverPerTest";
import { takeSnapshot } from "../helpers/snapshots";
import { storedMeta } from "../helpers/storedMeta";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]> } };

const live = serverPerTest();

describe("model access", () => {
  it("lets the model token and attached workshops' facilitators read, and refuses everyone else with nothing stored", async () => {
    const { model, token } = await createModel(live.server.url);
    const a = await setupWorkshop(live.server.url, live.server.wsUrl, ["expert"], 1);
    const other = await setupWorkshop(live.server.url, live.server.wsUrl, [], 1);
    const url = live.server.url;
    const get = (t?: string) =>
      call<{ model: ModelView } & ErrorBody>(url, "GET", `/models/${model.id}`, t ? { token: t } : {});

    expect((await get(a.facilitator)).status).toBe(403); // not attached yet
    const before = await storedMeta(live.server);
    const wrongToken = await call<ErrorBody>(url, "POST", `/models/${model.id}/workshops/${a.workshopId}`, {
      token: a.facilitator,
      body: { modelToken: "not-the-token" },
    });
    expect([wrongToken.status, wrongToken.body.error.code]).toEqual([403, "forbidden"]);
    const byExpert = await call<ErrorBody>(url, "POST", `/models/${model.id}/workshops/${a.workshopId}`, {
      token: a.people[0]!.token,
      body: { modelToken: token },
    });
    expect([byExpert.status, byExpert.body.error.code]).toEqual([403, "forbidden"]);
    const otherWorkshop = await call<ErrorBody>(
      url,
      "POST",
      `/models/${model.id}/workshops/${a.workshopId}`,
      {
        token: other.facilitator,
        body: { modelToken: token },
      },
    );
    expect(otherWorkshop.status).toBe(403);
    const noIssue = await call<ErrorBody>(url, "POST", `/models/${model.id}/reports`, { token });
    expect([noIssue.status, noIssue.body.error.code]).toEqual([409, "no_sign_off"]);
    expect(await storedMeta(live.server)).toBe(before);

    await attach(url, model.id, a.workshopId, a.facilitator, token);
    expect((await get(a.facilitator)).body.model.workshops.map((w) => w.workshopId)).toEqual([a.workshopId]);
    expect((await get(token)).status).toBe(200);
    expect((await get(a.people[0]!.token)).status).toBe(403);
    expect((await get(other.facilitator)).status).toBe(403);
    expect((await get("nonsense")).status).toBe(401);
    expect((await get()).status).toBe(401);
    expect((await call<ErrorBody>(url, "GET", "/models/unknown-model", { token })).status).toBe(404);

    // Sign-offs: the workshop's facilitator, of its own snapshots only.
    const own = await takeSnapshot(url, a.route, a.facilitator, "A");
    const foreign = await takeSnapshot(url, other.route, other.facilitator, "other");
    const beforeSign = await storedMeta(live.server);
    const signAs = (t: string, snapshotId: string) =>
      call<ErrorBody>(url, "PUT", `/models/${model.id}/workshops/${a.workshopId}/sign-off`, {
        token: t,
        body: { snapshotId },
      });
    expect((await signAs(a.facilitator, foreign.id)).status).toBe(404);
    expect((await signAs(a.people[0]!.token, own.id)).status).toBe(403);
    expect((await signAs(token, own.id)).status).toBe(401);
    const badBody = await call<ErrorBody>(
      url,
      "PUT",
      `/models/${model.id}/workshops/${a.workshopId}/sign-off`,
      {
        token: a.facilitator,
        body: { snapshot: own.id },
      },
    );
    expect([badBody.status, badBody.body.error.code]).toEqual([400, "invalid_input"]);
    expect(await storedMeta(live.server)).toBe(beforeSign);
    expect((await signAs(a.facilitator, own.id)).status).toBe(200);

    // Report queries.
    expect((await fetchReport(url, model.id, token, "format=pdf")).status).toBe(400);
    expect((await fetchReport(url, model.id, token, "format=md")).status).toBe(404); // none issued yet
    expect((await call(url, "POST", `/models/${model.id}/reports`, { token })).status).toBe(201);
    expect((await fetchReport(url, model.id, token, "format=md&version=7")).status).toBe(404);
    expect((await fetchReport(url, model.id, a.people[0]!.token, "format=md")).status).toBe(403);

    // Detach: the workshop's facilitator loses the model.
    expect(
      (await call(url, "DELETE", `/models/${model.id}/workshops/${a.workshopId}`, { token: a.facilitator }))
        .status,
    ).toBe(200);
    expect((await get(a.facilitator)).status).toBe(403);
    expect((await get(token)).body.model.workshops).toEqual([]);
    // The issued version stays, with the sign-off it was made from.
    expect((await get(token)).body.model.reports[0]!.signOffs.map((s) => s.snapshotId)).toEqual([own.id]);
  });

  it("refuses an invalid model with field errors, nothing stored", async () => {
    const before = await storedMeta(live.server);
    const res = await call<ErrorBody>(live.server.url, "POST", "/models", {
      body: { name: "  ", displayName: "F" },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {})).toEqual(["name"]);
    expect(await storedMeta(live.server)).toBe(before);
  });
});

describe("model bounds and creation", () => {
  const bounded = serverPerTest({ MAX_MODEL_WORKSHOPS: "1", RISKROOM_CREATE_TOKEN: "the-create-token" });

  it("needs the create token to make a model and refuses a workshop past MAX_MODEL_WORKSHOPS", async () => {
    const url = bounded.server.url;
    const body = { name: "Model Y", displayName: "Fran" };
    const without = await call<ErrorBody>(url, "POST", "/models", { body });
    expect([without.status, without.body.error.code]).toEqual([401, "unauthorized"]);
    const made = await call<{ model: ModelView; token: string }>(url, "POST", "/models", {
      body,
      token: "the-create-token",
    });
    expect(made.status).toBe(201);
    const { model, token } = made.body;
    // Workshops too need the create token here.
    const ws = async () => {
      const res = await call<{ workshop: { id: string }; session: { token: string } }>(
        url,
        "POST",
        "/workshops",
        {
          token: "the-create-token",
          body: { title: "W", displayName: "Fran" },
        },
      );
      return { id: res.body.workshop.id, facilitator: res.body.session.token };
    };
    const first = await ws();
    const second = await ws();
    await attach(url, model.id, first.id, first.facilitator, token);
    const before = await storedMeta(bounded.server);
    const over = await call<ErrorBody>(url, "POST", `/models/${model.id}/workshops/${second.id}`, {
      token: second.facilitator,
      body: { modelToken: token },
    });
    expect([over.status, over.body.error.code]).toEqual([409, "model_limit"]);
    expect(over.body.error.message).toContain("MAX_MODEL_WORKSHOPS");
    expect(await storedMeta(bounded.server)).toBe(before);
  });
});
