/** Bearer-token authentication for REST routes. */
import { createMiddleware } from "hono/factory";
import type { AuthFailure, SessionContext } from "../services/sessions";
import { authenticate } from "../services/sessions";
import type { MetaStore } from "../store/metaStore";
import { ApiError } from "./errors";

export interface AppEnv {
  Variables: { session: SessionContext };
}

const failures: Record<AuthFailure, ApiError> = {
  missing: new ApiError(401, "unauthorized", "an Authorization: Bearer <session token> header is required"),
  unknown: new ApiError(401, "unauthorized", "this session token is not known"),
  expired: new ApiError(401, "session_expired", "this session has expired; join again"),
  revoked: new ApiError(403, "session_revoked", "the invite behind this session was revoked"),
};

export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export function requireSession(store: MetaStore) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const result = authenticate(store, bearerToken(c.req.header("authorization")));
    if (!result.ok) throw failures[result.reason];
    c.set("session", result.context);
    await next();
  });
}
