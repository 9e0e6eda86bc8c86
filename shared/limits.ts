/** Wire limits and websocket close codes, shared by server and client so both speak the same numbers. */

/** Largest websocket message the server accepts; larger frames close the socket with 1009. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Largest a workshop document may grow (its stored bytes: merged state plus log since). Updates that
 * would pass it are refused; imports and snapshots respect the same bound.
 */
export const DEFAULT_MAX_DOC_BYTES = 32 * 1024 * 1024;

/**
 * Bounds on what one connection may send to a live document, each with its env var (see
 * server/config.ts and the README's Limits table). Counts are checked on the decoded update before
 * anything is applied; rates are token buckets per connection.
 */
export interface SyncLimits {
  /** Structs (items, GC and skip runs) in one update. */
  maxUpdateStructs: number;
  /** Delete ranges in one update's delete set. */
  maxUpdateDeleteRanges: number;
  /** Distinct client ids with structs in one update. */
  maxUpdateClients: number;
  /** Distinct client ids a document's structs may come from (every transaction costs O(clients) in Yjs). */
  maxDocClients: number;
  /**
   * How deep shared types may nest, counted from a root type (a narrative's top paragraph is 3).
   * Browsers render a narrative recursively; one nested thousands deep stops the page.
   */
  maxDocDepth: number;
  /** Estimated item splits × structs moved by one update's deletes (Yjs #687: splits cost O(structs) each). */
  maxUpdateSplitWork: number;
  /** Structs a document may hold that wait on clocks it has not seen. */
  maxPendingStructs: number;
  /** Delete ranges a document may hold that point past what it has seen. */
  maxPendingDeleteRanges: number;
  /** Longest one message may take to apply; a slower one closes its sender (after it was applied whole). */
  messageTimeBudgetMs: number;
  /** Messages per second one connection may send (sustained; twice as many in a burst). */
  messagesPerSecond: number;
  /** Bytes per second one connection may send (sustained; a burst may be one largest message). */
  bytesPerSecond: number;
  /**
   * Milliseconds of server time one session's messages may take per second (sustained; four times
   * as many in a burst). Some crafted updates cost Yjs far more than their size says (conflicting
   * inserts scan every earlier one); this bounds what one session can take from everyone else.
   */
  cpuMsPerSecond: number;
  /** Bytes queued to one reader beyond which it is dropped as too slow. */
  maxSendBufferBytes: number;
  /** Largest awareness (presence) state of one client, in bytes of JSON. */
  maxAwarenessStateBytes: number;
  /**
   * Awareness updates per second of one session that are relayed (sustained; twice as many in a
   * burst); over it, the latest one waits for the rate (presence is latest-wins), nothing closes.
   */
  awarenessPerSecond: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  // A pasted page of rich text is a few hundred structs; an offline hour of typing a few thousand.
  maxUpdateStructs: 20_000,
  // Every sync step 2 carries the sender's whole delete set, so a long-lived document's is large.
  maxUpdateDeleteRanges: 50_000,
  // An offline client's update carries its own id; a sync step 2 after a restore, a few hundred.
  maxUpdateClients: 1_000,
  // Every page load is a new client id. At 20,000 a transaction's state vectors cost about 1 ms.
  maxDocClients: 20_000,
  // Rich text is flattened past 64 levels (MAX_RICH_TEXT_DEPTH) in exports, and a narrative sits
  // 2 levels below its root: 80 leaves room no honest editor reaches, far below what breaks a page.
  maxDocDepth: 80,
  // About 30 ms of array moves on a 2-core VM.
  maxUpdateSplitWork: 30_000_000,
  // Every later update pays for what is pending: at 2,000 a keystroke took 4.6 ms instead of 0.3.
  maxPendingStructs: 500,
  maxPendingDeleteRanges: 500,
  messageTimeBudgetMs: 250,
  // A client sends one message per transaction: code that edits in a loop sends hundreds at once.
  messagesPerSecond: 500,
  bytesPerSecond: 1024 * 1024,
  cpuMsPerSecond: 200,
  maxSendBufferBytes: 8 * 1024 * 1024,
  maxAwarenessStateBytes: 8 * 1024,
  awarenessPerSecond: 40,
};

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
  /** The server could not serve the document (storing or loading it failed); try again later. */
  internal: 1011,
  /** Token missing, unknown or expired: the client must join again. */
  unauthorized: 4401,
  /** Token valid but not for this room, or its invite was revoked. */
  forbidden: 4403,
  /** No such workshop or room name. */
  notFound: 4404,
  /** A message took longer than MESSAGE_TIME_BUDGET_MS to apply; it was applied whole. */
  tooSlow: 4408,
  /** An update or awareness state over a per-message bound (structs, delete ranges, clients, splits, state size). */
  tooLarge: 4413,
  /** An update would leave the document holding more structs or deletes it cannot apply yet than allowed. */
  tooManyPending: 4424,
  /** Messages, bytes or server time over the session's rate limits. */
  rateLimited: 4429,
  /** The update would take the document past MAX_DOC_BYTES or MAX_DOC_CLIENTS. */
  documentFull: 4507,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Close codes after which a client should not try to reconnect with the same token. A refused update
 * is final too: on reconnecting, the client's sync step 2 would carry the same update again, in a
 * loop. Rate limits and a slow message are not: the message was dropped or applied, and a reconnect
 * starts afresh.
 */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.unauthorized,
  CloseCode.forbidden,
  CloseCode.notFound,
  CloseCode.tooLarge,
  CloseCode.tooManyPending,
  CloseCode.documentFull,
]);

/** Bounds on incidents; each has an env var read in server/config.ts (see the README's Limits table). */
export interface IncidentLimits {
  /** Incidents one workshop may hold (`MAX_INCIDENTS`); past it: 409 `incident_limit`. */
  maxIncidents: number;
  /** Reports recorded per workshop (`MAX_INCIDENT_REPORTS`); past it: 409 `incident_limit`. */
  maxReports: number;
  /** Characters of one field's value or missing reason (`MAX_INCIDENT_FIELD_CHARS`); past it: 400 `invalid_input` naming the field. */
  maxFieldChars: number;
  /** Characters of a title (fixed). */
  maxTitleChars: number;
  /** Scenarios, or risks, one incident may link (fixed). */
  maxLinks: number;
  /** Incidents one report may bundle (fixed). */
  maxBundle: number;
}

export const DEFAULT_INCIDENT_LIMITS: IncidentLimits = {
  maxIncidents: 200,
  maxReports: 1000,
  maxFieldChars: 8_000,
  maxTitleChars: 200,
  maxLinks: 100,
  maxBundle: 50,
};

/** Workshops one model may group (`MAX_MODEL_WORKSHOPS`); past it: 409 `model_limit`. */
export const DEFAULT_MAX_MODEL_WORKSHOPS = 50;
/** Report versions one model may issue (`MAX_MODEL_REPORT_VERSIONS`); past it: 409 `model_limit`. */
export const DEFAULT_MAX_MODEL_REPORT_VERSIONS = 200;
