/** Relay merging across instances: a burst on one instance is published merged and reaches the others whole. */
import { describe, expect, it, vi } from "vitest";
import { workshopWith } from "../helpers/api";
import { docOf, expectAll, inRoom, markers, relayedUpdates, sendCorked, updates } from "../helpers/bursts";
import { startCluster } from "../helpers/cluster";
import { MULTI_SKIP_REASON } from "../helpers/multiSkip";
import { openRaw } from "../helpers/rawSocket";

describe.skipIf(MULTI_SKIP_REASON !== null)(`merging over Redis ${MULTI_SKIP_REASON ?? ""}`, () => {
  it("publishes a burst merged; readers on the other instance and the store get every update", async () => {
    const cluster = await startCluster(2);
    const wsUrl = (i: number) => `${cluster.url(i).replace(/^http/, "ws")}/ws`;
    const { workshopId, people } = await workshopWith(cluster.url(0), ["expert", "expert", "expert"]);
    const writers = [
      await inRoom(openRaw(wsUrl(0), workshopId, people[0]!.token)),
      await inRoom(openRaw(wsUrl(0), workshopId, people[1]!.token)),
    ];
    const reader = await inRoom(openRaw(wsUrl(1), workshopId, people[2]!.token));
    for (let round = 0; round < 5; round++)
      sendCorked([
        [writers[0]!.ws, updates(`a${round}-`, 10)],
        [writers[1]!.ws, updates(`b${round}-`, 10)],
      ]);
    const expected = Array.from({ length: 5 }, (_, r) => [
      ...markers(`a${r}-`, 10),
      ...markers(`b${r}-`, 10),
    ]).flat();
    await vi.waitFor(() => expectAll(docOf(relayedUpdates(reader)), expected), { timeout: 10_000 });
    expect(relayedUpdates(reader).length).toBeLessThan(expected.length);
    expectAll((await cluster.storedDoc(workshopId, "content")).getText("notes").toString(), expected);
    for (const raw of [...writers, reader]) raw.ws.close();
  });
});
