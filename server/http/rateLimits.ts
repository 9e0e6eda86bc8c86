/**
 * Per-address REST limits (hono-rate-limiter, in memory, per app): workshop creation, joins, and
 * refused tokens. A refused token counts on any `/api` route (every 401) and at the websocket upgrade
 * (a 4401 admission), so guessing tokens is throttled everywhere; once an address is over that limit,
 * every call and upgrade from it gets 429 until its window ends. Answers are
 * `429 { error: { code: ErrorCode.rateLimited, message } }` with `Retry-After` (a refused upgrade gets the
 * bare 429 status line, as node-ws writes it).
 */
import type { Context, Hono, MiddlewareHandler } from "hono";
import { MemoryStore, rateLimiter } from "hono-rate-limiter";
import { ErrorCode } from "../../shared/errors";
import type { Config } from "../config";
import { clientAddress, rateKey } from "./clientAddress";

export interface RateLimitSet {
  create: MiddlewareHandler;
  join: MiddlewareHandler;
  authFailures: MiddlewareHandler;
  /** Counts this request as a refused token even though its status says otherwise (a websocket refused at admission). */
  markAuthFailure(c: Context): void;
}

export function createRateLimits(config: Pick<Config, "rateLimits" | "trustProxy">): RateLimitSet {
  const { windowMs } = config.rateLimits;
  const key = (c: Context) => rateKey(clientAddress(c, config.trustProxy).address);
  const failed = new WeakSet<Request>();
  const limiter = (limit: number, what: string, counts?: (c: Context) => boolean) => {
    const store = new MemoryStore();
    return rateLimiter({
      windowMs,
      limit,
      keyGenerator: key,
      store,
      standardHeaders: false,
      ...(counts ? { skipSuccessfulRequests: true, requestWasSuccessful: (c: Context) => !counts(c) } : {}),
      handler: (c) => {
        const reset = store.get(key(c))?.resetTime?.getTime() ?? Date.now() + windowMs;
        const seconds = Math.max(1, Math.ceil((reset - Date.now()) / 1000));
        c.header("Retry-After", String(seconds));
        return c.json(
          {
            error: {
              code: ErrorCode.rateLimited,
              message: `too many ${what} from this address; try again in ${seconds} s`,
            },
          },
          429,
        );
      },
    });
  };
  return {
    create: limiter(config.rateLimits.create, "workshops created"),
    join: limiter(config.rateLimits.join, "joins"),
    authFailures: limiter(
      config.rateLimits.authFailures,
      "refused tokens",
      (c) => c.res.status === 401 || failed.has(c.req.raw),
    ),
    markAuthFailure: (c) => failed.add(c.req.raw),
  };
}

/** The REST limits, registered ahead of the routes they guard. */
export function mountRateLimits(app: Hono, limits: RateLimitSet): void {
  app.use("/api/*", limits.authFailures);
  for (const route of [
    "/api/workshops",
    "/api/workshops/import",
    "/api/workshops/:id/snapshots/:sid/new-workshop",
    "/api/models",
  ])
    app.post(route, limits.create);
  app.post("/api/join", limits.join);
}
