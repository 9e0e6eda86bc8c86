/**
 * Every error code the API answers with, in `{ error: { code, message, fields? } }`. The server
 * maps each to one HTTP status (server/http/errors.ts); the client compares against these
 * constants, never against string literals, so a renamed code fails to compile on both sides.
 */
export const ErrorCode = {
  /** The body or query has fields that fail validation; `fields` says which. */
  invalidInput: "invalid_input",
  /** The body is not JSON, or is empty. */
  invalidJson: "invalid_json",
  /** A request body over its limit. */
  tooLarge: "too_large",
  /** No such route or record (workshop, invite, round, risk, snapshot, …). */
  notFound: "not_found",
  /** No session token, or one the server does not know. */
  unauthorized: "unauthorized",
  /** The session's time is over; join again. */
  sessionExpired: "session_expired",
  /** The invite behind this session was revoked. */
  sessionRevoked: "session_revoked",
  /** A websocket upgrade from a page of another site. */
  forbiddenOrigin: "forbidden_origin",
  /** The caller's role or workshop does not allow this. */
  forbidden: "forbidden",
  /** Only holders of the server's create token may make workshops. */
  createTokenRequired: "create_token_required",
  /** The invite token is unknown. */
  inviteInvalid: "invite_invalid",
  /** The invite was revoked. */
  inviteRevoked: "invite_revoked",
  /** The invite's expiry has passed. */
  inviteExpired: "invite_expired",
  /** The invite has been used `maxUses` times. */
  inviteUsedUp: "invite_used_up",
  /** The framework is locked: edit or lock again refused. */
  frameworkLocked: "framework_locked",
  /** The action needs a locked framework. */
  frameworkNotLocked: "framework_not_locked",
  /** Unlock of a framework that is not locked. */
  frameworkUnlocked: "framework_unlocked",
  /** The framework cannot be locked yet; `fields` says why. */
  frameworkIncomplete: "framework_incomplete",
  /** Another round is open. */
  roundOpen: "round_open",
  /** The round is revealed or closed, so it takes no estimate and cannot be revealed again. */
  roundNotOpen: "round_not_open",
  /** The round is already closed. */
  roundClosed: "round_closed",
  /** A snapshot's file no longer matches its recorded SHA-256. */
  snapshotCorrupt: "snapshot_corrupt",
  /** A snapshot's file is missing. */
  snapshotMissing: "snapshot_missing",
  /** A workshop holds as many incidents, or incident reports, as the server allows. */
  incidentLimit: "incident_limit",
  /** The metadata store could not make the change durable; nothing was changed. Try again. */
  storeUnavailable: "store_unavailable",
  /** A stored metadata file cannot be read; the server will not overwrite it. */
  storeCorrupt: "store_corrupt",
  /** The workshop's stored state does not fit the export schema: a bug, never a download. */
  exportInvalid: "export_invalid",
  /** Only the server's own machine may create workshops here (no create token, creation not opened). */
  creationClosed: "creation_closed",
  /** Too many requests (or refused tokens) from this address in the window; see `Retry-After`. */
  rateLimited: "rate_limited",
  /** An import or snapshot whose document would pass MAX_DOC_BYTES. */
  documentTooLarge: "document_too_large",
  /** A snapshot whose content could not be exported, so it is not taken. */
  snapshotNotExportable: "snapshot_not_exportable",
  /** An import nested deeper than its bound (narratives, or any value). */
  nestingTooDeep: "nesting_too_deep",
  /** An import's narrative with more nodes than the bound. */
  narrativeTooLarge: "narrative_too_large",
  /** A model holds as many workshops, or report versions, as the server allows. */
  modelLimit: "model_limit",
  /** A model report needs at least one workshop's signed-off snapshot. */
  noSignOff: "no_sign_off",
  /** The sign-offs are those of the latest version: a new version would say nothing new. */
  reportUnchanged: "report_unchanged",
  /** Another version of the model's report was issued meanwhile; issue again. */
  reportConflict: "report_conflict",
  /** An issued report version's stored bytes no longer match its recorded SHA-256 (or are gone). */
  reportCorrupt: "report_corrupt",
  /** Anything else: a bug. */
  internal: "internal",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
