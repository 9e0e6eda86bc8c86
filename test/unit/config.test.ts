import { describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";

describe("the Redis setting", () => {
  it("refuses REDIS_URL without DATABASE_URL, saying why", () => {
    expect(() => loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(
      /REDIS_URL is set but DATABASE_URL is not/,
    );
  });

  it("refuses a REDIS_URL that is not a Redis URL", () => {
    expect(() =>
      loadConfig({ REDIS_URL: "http://127.0.0.1:6379", DATABASE_URL: "postgres://u:p@127.0.0.1/db" }),
    ).toThrow(/REDIS_URL must be a Redis URL/);
  });

  it("takes REDIS_URL with DATABASE_URL, and nothing changes without it", () => {
    const shared = loadConfig({
      REDIS_URL: "redis://127.0.0.1:6379",
      DATABASE_URL: "postgres://u:p@127.0.0.1/db",
    });
    expect(shared.redisUrl).toBe("redis://127.0.0.1:6379");
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });
});
