/**
 * The audit chain as both stores write it: entries a write appends unchained (`audited`,
 * `appendAuditRow`) are sealed here, after the last stored entry, inside the same write, so every
 * action, today's and those added later, is chained without knowing about it.
 */
import { createHash } from "node:crypto";
import { type AuditEntry, type AuditFields, asChain, sealAudit } from "../../shared/audit";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The stored trail as a chain (a trail of an earlier version gets its genesis; see `chainLegacy`). */
export function chainOf(stored: ReadonlyArray<AuditFields | AuditEntry>): AuditEntry[] {
  return asChain(stored, sha256Hex);
}

/** The trail after `fresh` entries are appended to `stored`, each chained to the one before. */
export function appendSealed(
  stored: ReadonlyArray<AuditFields | AuditEntry>,
  fresh: readonly AuditFields[],
): AuditEntry[] {
  const out = chainOf(stored);
  for (const fields of fresh) out.push(sealAudit(out.at(-1), fields, sha256Hex));
  return out;
}
