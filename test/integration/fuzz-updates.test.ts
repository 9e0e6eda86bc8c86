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
import { openRaw } from "../helpers/rawSocket";
import { serversUsePostgres } from "../helpers/testDatabase";
import { connectPeer } from "../helpers/yclient";

const COUNT = Number(process.env.FUZZ_COUNT || 10_000);
const SEED = Number(process.env.FUZZ_SEED || Math.floor(Math.random() * 2 ** 31));
/** Two rooms fuzzed at once, so the test and the server each keep a core busy. */
const STREAMS = 2;

/** Codes a refused input may close with; anything else is a finding. */
const REFUSALS = new Set([1002, 4413, 4424, 4507]);
/**
 * Yjs 13 can still throw half-way through integrating structs that waited as pending (found by this
 * test, seed 2); the room then stores and relays none of it and closes everyone with 1011, to be
 * read again from disk. Allowed, and checked like a refusal: nothing of the input stored.
 */
const ROOM_FAILED = 1011;

const dataDir = mkdtempSync(path.join(tmpdir(), "riskroom-fuzz-"));
let server: ChildServer | undefined;
afterAll(async () => {
  await server?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

// The update checks run before any store; the fuzz reads the file log's bytes, so the PostgreSQL pass skips it.
describe.skipIf(serversUsePostgres())("fuzzing the update path", () => {
  it(`takes ${COUNT} generated updates: none applied in part, stored bytes change only for accepted ones, the process stays up`, async () => {
    console.log(`fuzz seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
    // Rate limits and the time budget raised, so every input meets the structural checks.
    server = await spawnServer(dataDir, {
      MESSAGES_PER_SECOND: "1000000",
      BYTES_PER_SECOND: String(2 ** 40),
      CPU_MS_PER_SECOND: "1000000",
      MESSAGE_TIME_BUDGET_MS: "600000",
      COMPACT_AFTER_BYTES: String(2 ** 40),
    });
    const running = server;
    const tallies = await Promise.all(
      Array.from({ length: STREAMS }, (_, i) => fuzzRoom(running, SEED + i, Math.ceil(COUNT / STREAMS))),
    );
    const tally = new Map<number, number>();
    for (const t of tallies) for (const [code, n] of t) tally.set(code, (tally.get(code) ?? 0) + n);
    console.log(`fuzz outcomes by close code (0: accepted): ${JSON.stringify([...tally])}`);
    expect([...tally.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(COUNT);
    expect(tally.get(0) ?? 0).toBeGreaterThan(COUNT / 10);
    expect(running.process.exitCode).toBeNull();
  }, 180_000);
});

/** Fuzzes one new workshop's content document; returns the outcomes by close code. */
async function fuzzRoom(running: ChildServer, seed: number, count: number): Promise<Map<number, number>> {
  const { workshopId, people } = await workshopWith(running.url, ["expert", "expert"]);
  const corpus = new FuzzCorpus(seed);
  // The corpus starts from the server's document (the seeded workshop content) to pick clocks from.
  const first = connectPeer(running.wsUrl, workshopId, people[1]!.token);
  await first.synced();
  Y.applyUpdate(corpus.model, Y.encodeStateAsUpdate(first.doc));
  first.destroy();
  // An idle peer holds the room, so it is not unloaded and read again at every refused input.
  let holder = openRaw(running.wsUrl, workshopId, people[1]!.token);
  await holder.opened;
  let roomFailures = 0;

  const docDir = path.join(dataDir, "docs", workshopId);
  const logs = () =>
    readdirSync(docDir)
      .filter((f) => f.startsWith("content."))
      .sort();
  const size = () => logs().reduce((n, f) => n + statSync(path.join(docDir, f)).size, 0);
  let sizeBefore = 0;
  const tally = await runFuzz({
    wsUrl: running.wsUrl,
    room: workshopId,
    token: people[0]!.token,
    corpus,
    count,
    before: async () => {
      if (holder.ws.readyState !== holder.ws.OPEN) {
        holder = openRaw(running.wsUrl, workshopId, people[1]!.token);
        await holder.opened;
      }
      sizeBefore = size();
    },
    after: ({ index, input, code }) => {
      const where = `seed ${seed}, input ${index} (${input.kind})`;
      if (code === ROOM_FAILED) roomFailures += 1;
      else if (code !== null && !REFUSALS.has(code)) throw new Error(`${where}: closed with ${code}`);
      if (code !== null && size() !== sizeBefore)
        throw new Error(`${where}: refused with ${code}, yet stored`);
    },
  });
  holder.ws.close();
  if (roomFailures > 0) console.log(`seed ${seed}: the room failed and was read again ${roomFailures} times`);

  if (process.env.FUZZ_STRICT) {
    // The log, replayed, is the live document a fresh client receives (pending structs aside,
    // which are neither stored nor in a state vector). Run by hand with FUZZ_STRICT=1.
    const stored = new Y.Doc();
    for (const f of logs()) {
      const bytes = readFileSync(path.join(docDir, f));
      for (const update of f.endsWith(".state") ? [bytes] : readLog(bytes, f).records)
        Y.applyUpdate(stored, update);
    }
    const fresh = connectPeer(running.wsUrl, workshopId, people[1]!.token);
    await fresh.synced();
    expect(Y.decodeStateVector(Y.encodeStateVector(stored))).toEqual(
      Y.decodeStateVector(Y.encodeStateVector(fresh.doc)),
    );
    fresh.destroy();
  }
  expect((await call(running.url, "GET", "/me", { token: people[0]!.token })).status).toBe(200);
  return tally;
}
