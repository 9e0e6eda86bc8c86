/** Wire limits and websocket close codes, shared by server and client so both speak the same numbers. */

/** Largest websocket message the server accepts; larger frames close the socket with 1009. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Largest a workshop document may grow (its stored bytes: merged state plus log since). Updates that
 * would pass it are refused; imports and snapshots respect the same bound.
 */
export const DEFAULT_MAX_DOC_BYTES = 32 * 1024 * 1024;

/** Largest JSON body a REST call may carry; workshop metadata is small. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** The window over which the per-address REST limits below are counted, in seconds. */
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 600;

/** Workshops one address may create (new, imported or from a snapshot) per window; more get 429. */
export const DEFAULT_RATE_LIMIT_CREATE = 30;

/** Joins (`POST /api/join`) one address may make per window: a room's experts behind one office NAT fit. */
export const DEFAULT_RATE_LIMIT_JOIN = 60;

/** Refused tokens (REST 401s, websocket 4401s) one address may present per window; then every call gets 429. */
export const DEFAULT_RATE_LIMIT_AUTH_FAILURES = 60;

/**
 * Deepest a narrative's rich text may nest (blockquotes, lists in lists): readers and renderers
 * flatten anything deeper into marked plain text; imports deeper than this are refused.
 */
export const MAX_RICH_TEXT_DEPTH = 64;

/** Most nodes one narrative is read as (elements and text runs); the rest is cut with a marker, and imports are refused. */
export const MAX_RICH_TEXT_NODES = 200_000;

/** Deepest any JSON value in an import may nest: a narrative at its bound, with room for the envelope around it. */
export const MAX_IMPORT_JSON_DEPTH = 2 * MAX_RICH_TEXT_DEPTH + 32;

/** Deepest shared types may nest inside one content record (a risk, a step); deeper values read as absent. */
export const MAX_RECORD_NESTING = 8;

/** Random bytes in every token: 128 bits is the floor, we use more. */
export const TOKEN_BYTES = 32;

/** How many awareness client ids one connection may claim (one per Y.Doc it syncs, with slack for reloads). */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/** Longest display name or label, in characters. */
export const MAX_NAME_LENGTH = 80;

export const CloseCode = {
  /** The message could not be decoded, or is of an unknown type. */
  malformed: 1002,
  /** The message is larger than MAX_MESSAGE_BYTES. */
  tooBig: 1009,
  /** The server is going away (shutdown). */
  goingAway: 1001,
  /** Token missing, unknown or expired: the client must join again. */
  unauthorized: 4401,
  /** Token valid but not for this room, or its invite was revoked. */
  forbidden: 4403,
  /** No such workshop or room name. */
  notFound: 4404,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client should not try to reconnect with the same token. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthorized,
  CloseCode.forbidden,
  CloseCode.notFound,
]);
