/**
 * The server's event-loop delay while the fuzz corpus (test/helpers/fuzzCorpus.ts) is sent to one
 * room: how long every other room and API call would wait behind the hostile inputs. Measured in
 * the server process (perf_hooks.monitorEventLoopDelay, see servers.ts), reset just before the
 * corpus and read just after it.
 */
import { WebSocket } from "ws";
import { FuzzCorpus } from "../helpers/fuzzCorpus";
import { runFuzz } from "../helpers/fuzzDriver";
import type { BenchServer, ServerMemory } from "./servers";

export interface FuzzLoadResult {
  inputs: number;
  seconds: number;
  /** Inputs by close code (0: accepted). */
  outcomes: Map<number, number>;
  eventLoop: ServerMemory["eventLoop"];
  /** The same reading over an idle interval of the same server, for comparison. */
  idle: ServerMemory["eventLoop"];
}

export async function measureFuzzLoad(
  server: BenchServer,
  count: number,
  seed: number,
): Promise<FuzzLoadResult> {
  const access = await server.openRoom();
  const token = access.params.token ?? "";
  // An idle peer holds the room loaded, as people in a workshop would.
  const holder = new WebSocket(`${access.serverUrl}/${access.room}?token=${encodeURIComponent(token)}`);
  await new Promise((resolve, reject) => {
    holder.once("open", resolve);
    holder.once("error", reject);
  });
  await server.collectGarbage();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const idle = (await server.collectGarbage()).eventLoop;
  const started = performance.now();
  const outcomes = await runFuzz({
    wsUrl: access.serverUrl,
    room: access.room,
    token,
    corpus: new FuzzCorpus(seed),
    count,
  });
  const seconds = (performance.now() - started) / 1000;
  const { eventLoop } = await server.collectGarbage();
  holder.close();
  return { inputs: count, seconds, outcomes, eventLoop, idle };
}

export function printFuzzLoad(result: FuzzLoadResult | Error, seed: number): void {
  if (result instanceof Error) {
    console.log(`fuzz load (seed ${seed}): failed: ${result.message}`);
    return;
  }
  const ms = (n: number) => n.toFixed(2);
  const { eventLoop: e, idle } = result;
  console.log(
    `fuzz load, ours: ${result.inputs} inputs (seed ${seed}) in ${result.seconds.toFixed(1)} s; outcomes by close code (0: accepted): ${JSON.stringify([...result.outcomes])}`,
  );
  console.log(
    `  server event-loop delay while the corpus was sent: p50 ${ms(e.p50)} ms, p99 ${ms(e.p99)} ms, max ${ms(e.max)} ms`,
  );
  console.log(
    `  the same server idle for 2 s:                      p50 ${ms(idle.p50)} ms, p99 ${ms(idle.p99)} ms, max ${ms(idle.max)} ms`,
  );
}
