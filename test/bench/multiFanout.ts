/**
 * Fan-out across instances: one writer on instance A, the readers split over A and B (two
 * instances on one PostgreSQL and one Redis), against one instance on PostgreSQL alone with all the
 * readers, measured in the same run in alternating blocks (fanout.ts). The figure is the p99 ratio:
 * what the hop through Redis (and the second instance's relay) adds to the slowest deliveries.
 * Needs BENCH_DATABASE_URL and redis-server; without them it is left out, saying why.
 */
import { redisServerBinary, spawnRedis } from "../helpers/redisProcess";
import type { RoomAccess } from "./clients";
import { type FanoutOptions, type FanoutResult, measureFanout } from "./fanout";
import { createBenchDatabase } from "./pgDatabase";
import { type BenchServer, startOurs } from "./servers";

export interface MultiFanoutResult {
  single: FanoutResult;
  multi: FanoutResult;
  /** multi p99 ÷ single p99; the target is ≤ 1.5. */
  ratio: number;
}

/** Why the figure cannot be measured here, or null when it can. */
export function multiFanoutSkipReason(): string | null {
  if (!process.env.BENCH_DATABASE_URL) return "BENCH_DATABASE_URL is not set";
  if (!redisServerBinary()) return "redis-server is not installed";
  return null;
}

export async function measureMultiFanout(
  options: FanoutOptions,
  env: Record<string, string>,
): Promise<MultiFanoutResult> {
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const singleDb = await createBenchDatabase();
    const sharedDb = await createBenchDatabase();
    if (!singleDb || !sharedDb) throw new Error("BENCH_DATABASE_URL is not set");
    cleanups.push(singleDb.drop, sharedDb.drop);
    const redis = await spawnRedis();
    cleanups.push(redis.remove);
    const start = async (extra: Record<string, string>): Promise<BenchServer & { baseUrl: string }> => {
      const server = await startOurs({ ...env, ...extra });
      cleanups.unshift(() => server.stop());
      return server;
    };
    const single = await start({ DATABASE_URL: singleDb.url });
    const a = await start({ DATABASE_URL: sharedDb.url, REDIS_URL: redis.url });
    const b = await start({ DATABASE_URL: sharedDb.url, REDIS_URL: redis.url });
    const onB = `${b.baseUrl.replace(/^http/, "ws")}/ws`;
    // Odd readers on B, even ones beside the writer on A.
    const split = (access: RoomAccess, i: number): RoomAccess =>
      i % 2 === 1 ? { ...access, serverUrl: onB } : access;
    const [one, two] = await measureFanout([single, a], options, [undefined, split]);
    if (!one || one instanceof Error) throw one ?? new Error("single instance not measured");
    if (!two || two instanceof Error) throw two ?? new Error("two instances not measured");
    return { single: one, multi: two, ratio: two.p99 / one.p99 };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
  }
}

export function printMultiFanout(result: MultiFanoutResult | Error | string, readers: number): void {
  const title = `Multi-instance fan-out (1 writer on A, ${readers} readers split over A and B, PostgreSQL + Redis)`;
  if (typeof result === "string") return void console.log(`${title}: not measured (${result}).`);
  if (result instanceof Error) return void console.log(`${title}: failed: ${result.message}`);
  const line = (label: string, r: FanoutResult) =>
    `  ${label}: p50 ${r.p50.toFixed(1)} / p99 ${r.p99.toFixed(1)} / max ${r.max.toFixed(1)} ms, received ${r.received}/${r.expected}`;
  console.log(title);
  console.log(line("one instance (PostgreSQL)", result.single));
  console.log(line("two instances (PostgreSQL + Redis)", result.multi));
  const verdict = result.ratio <= 1.5 ? "PASS" : "FAIL";
  console.log(`  p99 ratio ${result.ratio.toFixed(2)} (target ≤ 1.5) ${verdict}`);
}
