/** Three instances on one PostgreSQL and one Redis: clients on different instances converge. */
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { workshopWith } from "../helpers/api";
import { startCluster } from "../helpers/cluster";
import { MULTI_SKIP_REASON } from "../helpers/multiSkip";

describe.skipIf(MULTI_SKIP_REASON !== null)(`three instances ${MULTI_SKIP_REASON ?? ""}`, () => {
  it("converges concurrent edits from clients on different instances (all state vectors equal)", async () => {
    const cluster = await startCluster(3);
    const { workshopId, people } = await workshopWith(cluster.url(0), ["expert", "expert", "expert"]);
    const peers = people.map((p, i) => cluster.peer(i, workshopId, p.token));
    await Promise.all(peers.map((p) => p.synced()));

    // Everyone types at once, into the same text and the same map, before seeing anyone else.
    for (let round = 0; round < 20; round++) {
      for (const [i, p] of peers.entries()) {
        p.doc.getText("notes").insert(0, `${i}:${round} `);
        p.doc.getMap("scenarios").set(`s${i}-${round}`, { by: i, round });
        p.doc.getMap("shared").set("last", `${i}:${round}`);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }

    await vi.waitFor(
      () => {
        const vectors = peers.map((p) => Buffer.from(Y.encodeStateVector(p.doc)).toString("hex"));
        expect(new Set(vectors).size).toBe(1);
        expect(peers[0]!.doc.getMap("scenarios").size).toBe(60);
      },
      { timeout: 10_000 },
    );
    const texts = new Set(peers.map((p) => p.doc.getText("notes").toString()));
    expect(texts.size).toBe(1);
    expect(new Set(peers.map((p) => p.doc.getMap("shared").get("last"))).size).toBe(1);
    // The store of record holds what every client holds.
    const stored = await cluster.storedDoc(workshopId, "content");
    expect(stored.getText("notes").toString()).toBe(peers[0]!.doc.getText("notes").toString());
    expect(stored.getMap("scenarios").size).toBe(60);
  });
});
