/**
 * The one place where domain errors become HTTP: each shared error code has its status here, and
 * every refusal is answered as `{ error: { code, message, fields? } }`.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiErrorBody } from "../../shared/api";
import type { ErrorCode } from "../../shared/errors";
import { DomainError } from "../domainErrors";

export const httpStatus: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  invalid_json: 400,
  too_large: 413,
  not_found: 404,
  unauthorized: 401,
  session_expired: 401,
  session_revoked: 403,
  forbidden: 403,
  forbidden_origin: 403,
  create_token_required: 403,
  invite_invalid: 401,
  invite_revoked: 410,
  invite_expired: 410,
  invite_used_up: 410,
  framework_locked: 409,
  framework_not_locked: 409,
  framework_unlocked: 409,
  framework_incomplete: 400,
  round_open: 409,
  round_not_open: 409,
  round_closed: 409,
  snapshot_corrupt: 500,
  snapshot_missing: 500,
  incident_limit: 409,
  store_unavailable: 503,
  store_corrupt: 500,
  export_invalid: 500,
  creation_closed: 403,
  rate_limited: 429,
  document_too_large: 413,
  snapshot_not_exportable: 422,
  nesting_too_deep: 400,
  narrative_too_large: 400,
  model_limit: 409,
  no_sign_off: 409,
  report_unchanged: 409,
  report_conflict: 409,
  report_corrupt: 500,
  internal: 500,
};

export function errorResponse(c: Context, err: DomainError) {
  const body: ApiErrorBody = { error: { code: err.code, message: err.message } };
  if (err.fields) body.error.fields = err.fields;
  return c.json(body, httpStatus[err.code]);
}

/** Any error thrown by a route: a domain error as its code says, anything else as a logged 500. */
export function errorFor(c: Context, err: unknown) {
  if (err instanceof DomainError) {
    if (httpStatus[err.code] >= 500) console.error(err);
    return errorResponse(c, err);
  }
  console.error(err);
  return errorResponse(c, new DomainError("internal", "internal server error"));
}
