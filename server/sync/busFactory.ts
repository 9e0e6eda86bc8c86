/** Picks the room bus: Redis when REDIS_URL is set (config guarantees PostgreSQL then), else local. */
import type { Config } from "../config";
import { LocalBus, type RoomBus } from "./bus";
import type { RedisBusDeps } from "./redisBus";

export async function openBus(config: Config, deps: RedisBusDeps): Promise<RoomBus> {
  if (!config.redisUrl) return new LocalBus(deps.sockets);
  // Loaded only when used: ioredis alone adds about 25 MB to the resident size of every process.
  const { RedisBus } = await import("./redisBus");
  const bus = new RedisBus(config.redisUrl, deps);
  await bus.start().catch(async (err: unknown) => {
    await bus.close();
    throw new Error(
      `could not reach Redis at REDIS_URL: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
  return bus;
}
