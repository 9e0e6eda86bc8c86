/**
 * The audit trail as a hash chain, per workshop. Each entry holds the SHA-256 of the one before
 * (`prev`) and its own (`hash`) over a canonical serialisation of its fields, so anyone holding an
 * export can re-verify it: hash `auditPayload(entry)` (UTF-8) with SHA-256, compare with `hash`, and
 * check that `prev` is the previous entry's `hash` (the first entry's `prev` is `AUDIT_GENESIS`).
 *
 * Pure: the hash function is passed in (the server uses node:crypto, a verifier may use WebCrypto).
 */
import { canonicalJson } from "./estimation/canonicalJson";

/** The `prev` of a chain's first entry. */
export const AUDIT_GENESIS = "0".repeat(64);

/**
 * The first entry of a chain built over entries stored before the chain existed (earlier versions):
 * its target says how many follow that were not hashed when they were written.
 */
export const AUDIT_GENESIS_ACTION = "audit.genesis";
/** The actor of entries the server makes on its own (the genesis of a migrated trail). */
export const SERVER_ACTOR = "server";

/** An entry as written, before it is chained. */
export interface AuditFields {
  at: string;
  workshopId: string;
  actor: string;
  action: string;
  target?: string;
}

export interface AuditEntry extends AuditFields {
  /** 0-based position in the workshop's chain. */
  seq: number;
  prev: string;
  hash: string;
}

export type Sha256Hex = (text: string) => string;

/** The bytes that are hashed: every field but `hash`, canonical JSON (keys sorted, no whitespace). */
export function auditPayload(entry: Omit<AuditEntry, "hash">): string {
  const { seq, at, workshopId, actor, action, target, prev } = entry;
  return canonicalJson({ seq, at, workshopId, actor, action, target, prev });
}

/** Chains `fields` after `last` (or as the first entry when there is none). */
export function sealAudit(last: AuditEntry | undefined, fields: AuditFields, sha256: Sha256Hex): AuditEntry {
  const { at, workshopId, actor, action, target } = fields;
  const base = {
    seq: last ? last.seq + 1 : 0,
    at,
    workshopId,
    actor,
    action,
    ...(target === undefined ? {} : { target }),
    prev: last ? last.hash : AUDIT_GENESIS,
  };
  return { ...base, hash: sha256(auditPayload(base)) };
}

/** Whether a stored entry is already chained (entries of earlier versions are not). */
export function isChained(entry: AuditFields | AuditEntry): entry is AuditEntry {
  return typeof (entry as Partial<AuditEntry>).hash === "string";
}

/**
 * The chain over a trail stored before chaining existed: a genesis entry by the server (at the
 * first entry's time, naming how many entries it covers), then those entries in stored order.
 * Deterministic, so a store may show it before it writes it and write the same bytes later.
 */
export function chainLegacy(legacy: readonly AuditFields[], sha256: Sha256Hex): AuditEntry[] {
  const first = legacy[0];
  if (!first) return [];
  const out: AuditEntry[] = [];
  let last = sealAudit(
    undefined,
    {
      at: first.at,
      workshopId: first.workshopId,
      actor: SERVER_ACTOR,
      action: AUDIT_GENESIS_ACTION,
      target: `${legacy.length} earlier entries, chained on upgrade`,
    },
    sha256,
  );
  out.push(last);
  for (const e of legacy) {
    last = sealAudit(last, e, sha256);
    out.push(last);
  }
  return out;
}

/** A stored trail as a chain: as it is when chained, or as `chainLegacy` makes it. */
export function asChain(stored: ReadonlyArray<AuditFields | AuditEntry>, sha256: Sha256Hex): AuditEntry[] {
  if (stored.length === 0) return [];
  if (stored.every(isChained)) return [...stored] as AuditEntry[];
  const firstChained = stored.findIndex(isChained);
  // Only a wholly unchained trail is migrated; a chained trail with a bare entry is broken, and
  // verification says so rather than a quiet re-chain.
  if (firstChained === -1) return chainLegacy(stored, sha256);
  return stored.map((e, i) => (isChained(e) ? e : { ...e, seq: i, prev: "", hash: "" }));
}

export type AuditVerdict =
  | { ok: true; entries: number; head: string }
  | {
      ok: false;
      entries: number;
      /** The first entry that does not hold: its position and why. */
      firstBroken: { index: number; seq: number; reason: string };
    };

/** Verifies the chain from its genesis; names the first entry that breaks it. */
export function verifyAudit(
  entries: readonly AuditEntry[],
  workshopId: string,
  sha256: Sha256Hex,
): AuditVerdict {
  let prev = AUDIT_GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const reason =
      e.seq !== i
        ? `its position is ${i} but it says ${String(e.seq)}`
        : e.workshopId !== workshopId
          ? "it belongs to another workshop"
          : e.prev !== prev
            ? "its previous hash does not match the entry before it"
            : sha256(auditPayload(e)) !== e.hash
              ? "its contents do not match its hash"
              : undefined;
    if (reason) return { ok: false, entries: entries.length, firstBroken: { index: i, seq: e.seq, reason } };
    prev = e.hash;
  }
  return { ok: true, entries: entries.length, head: prev };
}

/** One entry as `GET /api/workshops/:id/audit` shows it: the chained entry and who the actor is. */
export interface AuditEntryView extends AuditEntry {
  /** The actor's display name; null for the server and for ids no participant has. */
  actorName: string | null;
}

export interface AuditResponse {
  entries: AuditEntryView[];
  /** With `?verify=1` only. */
  verification?: AuditVerdict;
}

/** The audit trail's CSV columns, in order: the chained fields, then the actor's name. */
export const AUDIT_CSV_COLUMNS = [
  "seq",
  "at",
  "actor",
  "actor_name",
  "action",
  "target",
  "prev",
  "hash",
] as const;
