/** A real Redis for one test (see redisProcess.ts), removed when the test ends. */
import { onTestFinished } from "vitest";
import { type RedisProcess, spawnRedis } from "./redisProcess";

export { redisServerBinary } from "./redisProcess";

export type TestRedis = RedisProcess;

export async function startRedis(): Promise<TestRedis> {
  const redis = await spawnRedis();
  onTestFinished(() => redis.remove());
  return redis;
}
