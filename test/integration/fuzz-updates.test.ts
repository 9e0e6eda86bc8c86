import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readLog } from "../../server/store/logRecords";
import { call, workshopWith } from "../helpers/api";
import { type ChildServer, spawnServer } from "../helpers/childServer";
import { FuzzCorpus } from "../helpers/fuzzCorpus";
import { runFuzz } from "../helpers/fuzzDriver";
import { connectPeer } from "../helpers/yclient";

const COUNT = Number(process.env.FUZZ_COUNT || 10_000);
const SEED = Number(process.env.FUZZ_SEED || Math.floor(Math.random() * 2 ** 31));

/** Codes a refused input may close with; 1011 (a failed room) or anything else is a finding. */
const REFUSALS = new Set([1002, 4413, 4424, 4507]);

const dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-fuzz-"));
let server: ChildServer | undefined;
afterAll(async () => {
  await server?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

describe("fuzzing the update path", () => {
  it(`takes ${COUNT} generated updates: each whole or not at all, the stored bytes change only for accepted ones, the process stays up`, async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    // Rate limits and the time budget raised, so every input meets the structural checks.
    server = await spawnServer(dataDir, {
      MESSAGES_PER_SECOND: "1000000",
      BYTES_PER_SECOND: String(2 ** 40),
      MESSAGE_TIME_BUDGET_MS: "600000",
      COMPACT_AFTER_BYTES: String(2 ** 40),
    });
    const { workshopId, people } = await workshopWith(server.url, ["expert", "expert"]);
    const corpus = new FuzzCorpus(SEED);
    // The model starts as the server's document: the seeded workshop content.
    const first = connectPeer(server.wsUrl, workshopId, people[1]!.token);
    await first.synced();
    Y.applyUpdate(corpus.model, Y.encodeStateAsUpdate(first.doc));
    first.destroy();

    const docDir = path.join(dataDir, "docs", workshopId);
    const logs = () =>
      readdirSync(docDir)
        .filter((f) => f.startsWith("content."))
        .sort();
    const size = () => logs().reduce((n, f) => n + statSync(path.join(docDir, f)).size, 0);
    let sizeBefore = 0;
    const tally = await runFuzz({
      wsUrl: server.wsUrl,
      room: workshopId,
      token: people[0]!.token,
      corpus,
      count: COUNT,
      before: () => {
        sizeBefore = size();
      },
      after: ({ index, input, code }) => {
        const where = `seed ${SEED}, input ${index} (${input.kind})`;
        if (code !== null && !REFUSALS.has(code)) throw new Error(`${where}: closed with ${code}`);
        if (code !== null && size() !== sizeBefore)
          throw new Error(`${where}: refused with ${code}, yet stored`);
      },
    });
    console.log(`fuzz outcomes by close code (0: accepted): ${JSON.stringify([...tally])}`);
    expect(server.process.exitCode).toBeNull();
    expect(tally.get(0) ?? 0).toBeGreaterThan(COUNT / 10);

    // What is stored is exactly the accepted updates: the same clocks and deletions as the model.
    const stored = new Y.Doc();
    for (const f of logs()) {
      const bytes = readFileSync(path.join(docDir, f));
      const records = f.endsWith(".state") ? [bytes] : readLog(bytes, f).records;
      for (const update of records) Y.applyUpdate(stored, update);
    }
    expectSameDocument(stored, corpus.model);
    // And the server's live document is the same, as a fresh client sees it.
    const fresh = connectPeer(server.wsUrl, workshopId, people[1]!.token);
    await fresh.synced();
    expectSameDocument(fresh.doc, corpus.model);
    fresh.destroy();
    expect((await call(server.url, "GET", "/me", { token: people[1]!.token })).status).toBe(200);
  }, 180_000);
});

function expectSameDocument(actual: Y.Doc, expected: Y.Doc): void {
  expect(Y.decodeStateVector(Y.encodeStateVector(actual))).toEqual(
    Y.decodeStateVector(Y.encodeStateVector(expected)),
  );
  const deletes = (doc: Y.Doc) => Y.createDeleteSetFromStructStore(doc.store);
  expect(Y.equalDeleteSets(deletes(actual), deletes(expected))).toBe(true);
  expect(actual.getText("notes").toString()).toBe(expected.getText("notes").toString());
}
