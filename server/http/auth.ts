/** Bearer-token authentication for REST routes. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { DomainError } from "../domainErrors";
import type { AuthFailure, SessionContext } from "../services/sessions";
import { authenticate } from "../services/sessions";
import type { MetaRepository } from "../store/repository";

export interface AppEnv {
  Variables: { session: SessionContext };
}

const failures: Record<AuthFailure, DomainError> = {
  missing: new DomainError("unauthorized", "an Authorization: Bearer <session token> header is required"),
  unknown: new DomainError("unauthorized", "this session token is not known"),
  expired: new DomainError("session_expired", "this session has expired; join again"),
  revoked: new DomainError("session_revoked", "the invite behind this session was revoked"),
};

export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export function requireSession(meta: MetaRepository) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const result = await authenticate(meta, bearerToken(c.req.header("authorization")));
    if (!result.ok) throw failures[result.reason];
    c.set("session", result.context);
    await next();
  });
}

/** When the server has a create token, creating a workshop (new or imported) requires it. */
export function requireCreateToken(c: Context, createToken: string | undefined): void {
  if (!createToken) return;
  const given = bearerToken(c.req.header("authorization"));
  const digest = (v: string) => createHash("sha256").update(v).digest();
  if (!given || !timingSafeEqual(digest(given), digest(createToken)))
    throw new DomainError("unauthorized", "creating a workshop on this server requires its create token");
}
