/** Server configuration, read from the environment once at start. */
import path from "node:path";
import {
  DEFAULT_MAX_DOC_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_SYNC_LIMITS,
  type SyncLimits,
} from "../shared/limits";

export interface Config {
  host: string;
  port: number;
  dataDir: string;
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
  /** How long a session token stays valid after it is issued. */
  sessionTtlMs: number;
  /** Compact a document's update log once it holds this many bytes. */
  compactAfterBytes: number;
  /** Directory of the built client, served as static files. */
  clientDir: string;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const host = env.HOST || "127.0.0.1";
  const port = int(env.PORT, 8787, "PORT");
  const displayHost = host.includes(":") ? `[${host}]` : host;
  return {
    host,
    port,
    dataDir: path.resolve(env.DATA_DIR || "./data"),
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
    sessionTtlMs: int(env.SESSION_TTL_HOURS, 24 * 30, "SESSION_TTL_HOURS") * 3600_000,
    compactAfterBytes: int(env.COMPACT_AFTER_BYTES, 4 * 1024 * 1024, "COMPACT_AFTER_BYTES"),
    clientDir: path.resolve(env.CLIENT_DIR || "./dist/client"),
  };
}

/** Env var of each live-document limit. */
const SYNC_ENV: Record<keyof SyncLimits, string> = {
  maxUpdateStructs: "MAX_UPDATE_STRUCTS",
  maxUpdateDeleteRanges: "MAX_UPDATE_DELETE_RANGES",
  maxUpdateClients: "MAX_UPDATE_CLIENTS",
  maxDocClients: "MAX_DOC_CLIENTS",
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
