/** Server configuration, read from the environment once at start. */
import path from "node:path";
import {
  DEFAULT_INCIDENT_LIMITS,
  DEFAULT_MAX_DOC_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_MAX_MODEL_REPORT_VERSIONS,
  DEFAULT_MAX_MODEL_WORKSHOPS,
  DEFAULT_RATE_LIMIT_AUTH_FAILURES,
  DEFAULT_RATE_LIMIT_CREATE,
  DEFAULT_RATE_LIMIT_JOIN,
  DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
  DEFAULT_SYNC_LIMITS,
  type IncidentLimits,
  type SyncLimits,
} from "../shared/limits";

/**
 * Who may create workshops (new, imported, or from a snapshot): holders of the create token; anyone
 * (the operator opted in); or, by default, only requests from the server's own machine.
 */
export type CreationPolicy = "token" | "open" | "local";

/** Per-address request limits over one window; see shared/limits.ts. */
export interface RateLimits {
  windowMs: number;
  create: number;
  join: number;
  authFailures: number;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL connection string; when set, metadata and documents live there instead of DATA_DIR. */
  databaseUrl?: string;
  /** Redis connection string; when set, instances share rooms through it (requires databaseUrl). */
  redisUrl?: string;
  /** Origin the app is reached at; invite links are built on it. */
  publicUrl: string;
  /** Whether PUBLIC_URL was given, rather than derived from HOST and PORT. */
  publicUrlSet: boolean;
  /** Extra origins allowed to open websockets (the server's own origin always is). */
  allowedOrigins: string[];
  maxMessageBytes: number;
  /** Largest stored size of one document (content or control); see DEFAULT_MAX_DOC_BYTES. */
  maxDocBytes: number;
  /** What one connection may send to a live document. */
  sync: SyncLimits;
  /** When set, creating a workshop requires this bearer token. */
  createToken?: string;
  creation: CreationPolicy;
  /** How many reverse proxies stand in front: the client is read that far from the right of X-Forwarded-For. 0: none trusted. */
  trustProxy: number;
  rateLimits: RateLimits;
  /** How long a session token stays valid after it is issued. */
  sessionTtlMs: number;
  /** Compact a document's update log once it holds this many bytes. */
  compactAfterBytes: number;
  /** Directory of the built client, served as static files. */
  clientDir: string;
  /** Most connections one instance opens to PostgreSQL. */
  databasePoolSize: number;
  /** Bounds on serious incidents (MAX_INCIDENTS, MAX_INCIDENT_REPORTS, MAX_INCIDENT_FIELD_CHARS). */
  incidents: IncidentLimits;
  /** Bounds on one model (MAX_MODEL_WORKSHOPS, MAX_MODEL_REPORT_VERSIONS). */
  models: { maxWorkshops: number; maxReportVersions: number };
  /** Tests only (RISKROOM_TEST_PAUSE_AT): a point where the server stops for good, to be killed there. */
  testPauseAt?: string;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function positive(value: string | undefined, fallback: number, name: string): number {
  const n = int(value, fallback, name);
  if (n === 0) throw new Error(`${name} must be at least 1`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || "127.0.0.1";
  const port = int(env.PORT, 8787, "PORT");
  const displayHost = host.includes(":") ? `[${host}]` : host;
  const database = databaseUrl(env.DATABASE_URL);
  return {
    host,
    port,
    dataDir: path.resolve(env.DATA_DIR || "./data"),
    databaseUrl: database,
    redisUrl: redisUrl(env.REDIS_URL, database),
    publicUrlSet: Boolean(env.PUBLIC_URL),
    publicUrl: (env.PUBLIC_URL || `http://${displayHost}:${port}`).replace(/\/+$/, ""),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    maxMessageBytes: int(env.MAX_MESSAGE_BYTES, DEFAULT_MAX_MESSAGE_BYTES, "MAX_MESSAGE_BYTES"),
    maxDocBytes: int(env.MAX_DOC_BYTES, DEFAULT_MAX_DOC_BYTES, "MAX_DOC_BYTES"),
    sync: syncLimits(env),
    createToken: env.RISKROOM_CREATE_TOKEN || undefined,
    creation: env.RISKROOM_CREATE_TOKEN ? "token" : env.RISKROOM_OPEN_CREATION === "1" ? "open" : "local",
    trustProxy: int(env.TRUST_PROXY, 0, "TRUST_PROXY"),
    rateLimits: {
      windowMs:
        positive(
          env.RATE_LIMIT_WINDOW_SECONDS,
          DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
          "RATE_LIMIT_WINDOW_SECONDS",
        ) * 1000,
      create: positive(env.RATE_LIMIT_CREATE, DEFAULT_RATE_LIMIT_CREATE, "RATE_LIMIT_CREATE"),
      join: positive(env.RATE_LIMIT_JOIN, DEFAULT_RATE_LIMIT_JOIN, "RATE_LIMIT_JOIN"),
      authFailures: positive(
        env.RATE_LIMIT_AUTH_FAILURES,
        DEFAULT_RATE_LIMIT_AUTH_FAILURES,
        "RATE_LIMIT_AUTH_FAILURES",
      ),
    },
    sessionTtlMs: int(env.SESSION_TTL_HOURS, 24 * 30, "SESSION_TTL_HOURS") * 3600_000,
    compactAfterBytes: int(env.COMPACT_AFTER_BYTES, 4 * 1024 * 1024, "COMPACT_AFTER_BYTES"),
    clientDir: path.resolve(env.CLIENT_DIR || "./dist/client"),
    databasePoolSize: Math.max(1, int(env.DATABASE_POOL_SIZE, 10, "DATABASE_POOL_SIZE")),
    testPauseAt: env.RISKROOM_TEST_PAUSE_AT || undefined,
    incidents: incidentLimits(env),
    models: {
      maxWorkshops: positive(env.MAX_MODEL_WORKSHOPS, DEFAULT_MAX_MODEL_WORKSHOPS, "MAX_MODEL_WORKSHOPS"),
      maxReportVersions: positive(
        env.MAX_MODEL_REPORT_VERSIONS,
        DEFAULT_MAX_MODEL_REPORT_VERSIONS,
        "MAX_MODEL_REPORT_VERSIONS",
      ),
    },
  };
}

function databaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^postgres(ql)?:\/\//.test(value))
    throw new Error("DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:port/database)");
  return value;
}

/** Several instances share rooms only over a store they all read: Redis needs PostgreSQL. */
function redisUrl(value: string | undefined, database: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^rediss?:\/\//.test(value)) throw new Error("REDIS_URL must be a Redis URL (redis://host:port)");
  if (!database)
    throw new Error(
      "REDIS_URL is set but DATABASE_URL is not: instances that share rooms through Redis must share one PostgreSQL store (set DATABASE_URL, or unset REDIS_URL for one instance on the embedded store)",
    );
  return value;
}

/** Env var of each live-document limit. */
const SYNC_ENV: Record<keyof SyncLimits, string> = {
  maxUpdateStructs: "MAX_UPDATE_STRUCTS",
  maxUpdateDeleteRanges: "MAX_UPDATE_DELETE_RANGES",
  maxUpdateClients: "MAX_UPDATE_CLIENTS",
  maxDocClients: "MAX_DOC_CLIENTS",
  maxDocDepth: "MAX_DOC_DEPTH",
  maxUpdateSplitWork: "MAX_UPDATE_SPLIT_WORK",
  maxPendingStructs: "MAX_PENDING_STRUCTS",
  maxPendingDeleteRanges: "MAX_PENDING_DELETE_RANGES",
  messageTimeBudgetMs: "MESSAGE_TIME_BUDGET_MS",
  messagesPerSecond: "MESSAGES_PER_SECOND",
  bytesPerSecond: "BYTES_PER_SECOND",
  cpuMsPerSecond: "CPU_MS_PER_SECOND",
  maxSendBufferBytes: "MAX_SEND_BUFFER_BYTES",
  maxAwarenessStateBytes: "MAX_AWARENESS_STATE_BYTES",
  awarenessPerSecond: "AWARENESS_PER_SECOND",
};

function syncLimits(env: NodeJS.ProcessEnv): SyncLimits {
  const limits = { ...DEFAULT_SYNC_LIMITS };
  for (const key of Object.keys(SYNC_ENV) as Array<keyof SyncLimits>)
    limits[key] = int(env[SYNC_ENV[key]], DEFAULT_SYNC_LIMITS[key], SYNC_ENV[key]);
  return limits;
}

function incidentLimits(env: NodeJS.ProcessEnv): IncidentLimits {
  const d = DEFAULT_INCIDENT_LIMITS;
  return {
    ...d,
    maxIncidents: positive(env.MAX_INCIDENTS, d.maxIncidents, "MAX_INCIDENTS"),
    maxReports: positive(env.MAX_INCIDENT_REPORTS, d.maxReports, "MAX_INCIDENT_REPORTS"),
    maxFieldChars: positive(env.MAX_INCIDENT_FIELD_CHARS, d.maxFieldChars, "MAX_INCIDENT_FIELD_CHARS"),
  };
}
