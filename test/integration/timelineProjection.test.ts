/**
 * Timeline rounds in the control document are a projection of stored metadata: with the control
 * document's files gone, a restart shows them again as they were; a load that finds them current
 * adds nothing to the control log.
 */
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { TIMELINE_REVEALED_MAP, TIMELINE_ROUNDS_MAP } from "../../shared/timeline";
import { call } from "../helpers/api";
import { setupWorkshop } from "../helpers/estimation";
import { serverPerTest } from "../helpers/serverPerTest";
import { removeStoredDoc, storedDocBytes } from "../helpers/storedDoc";

const live = serverPerTest();

const shown = (doc: Y.Doc) => ({
  rounds: doc.getMap(TIMELINE_ROUNDS_MAP).toJSON(),
  revealed: doc.getMap(TIMELINE_REVEALED_MAP).toJSON(),
});

async function revealedRound() {
  const url = live.server.url;
  const s = await setupWorkshop(url, live.server.wsUrl, ["expert"], 1);
  await call(url, "POST", `${s.route}/framework/lock`, { token: s.facilitator });
  const opened = await call<{ round: { id: string } }>(url, "POST", `${s.route}/timelines`, {
    token: s.facilitator,
    body: { riskIds: ["cbrn"] },
  });
  const roundId = opened.body.round.id;
  const body = {
    riskId: "cbrn",
    p10: "2030-01-01",
    p50: "2031-01-01",
    p90: "2035-01-01",
    assumptions: "Scaling",
  };
  expect(
    (
      await call(url, "POST", `${s.route}/timelines/${roundId}/forecasts`, {
        token: s.people[0]!.token,
        body,
      })
    ).status,
  ).toBe(201);
  expect(
    (await call(url, "POST", `${s.route}/timelines/${roundId}/reveal`, { token: s.facilitator })).status,
  ).toBe(200);
  return s;
}

describe("timeline rounds in the control document", () => {
  it("are rebuilt from metadata when the control document's files are gone", async () => {
    const s = await revealedRound();
    const before = live.peer(`${s.workshopId}/control`, s.facilitator);
    await before.synced();
    const expected = shown(before.doc);
    expect(Object.keys(expected.revealed)).toHaveLength(1);
    before.destroy();

    await live.server.stop();
    await removeStoredDoc(live.server, s.workshopId, "control");
    await live.restart();
    const after = live.peer(`${s.workshopId}/control`, s.facilitator);
    await after.synced();
    expect(shown(after.doc)).toEqual(expected);
  });

  it("are left alone on a load that finds them current: the control log does not grow", async () => {
    const s = await revealedRound();
    const bytes = () => storedDocBytes(live.server, s.workshopId, "control");
    await live.server.stop();
    const before = await bytes();
    await live.restart();
    const reader = live.peer(`${s.workshopId}/control`, s.facilitator);
    await reader.synced();
    expect(Object.keys(shown(reader.doc).revealed)).toHaveLength(1);
    reader.destroy();
    await live.server.stop();
    expect((await bytes()).equals(before)).toBe(true);
  });
});
