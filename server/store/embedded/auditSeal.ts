/** Chains the audit entries a transition appended, after the last stored one (see ../auditChain.ts). */
import { appendSealed } from "../auditChain";
import type { WorkshopMeta } from "./workshopMeta";

/** `next` with the entries it appended to `before`'s trail chained; transitions only ever append. */
export function withSealedAudit(before: WorkshopMeta, next: WorkshopMeta): WorkshopMeta {
  if (next.audit === before.audit) return next;
  const fresh = next.audit.slice(before.audit.length);
  return { ...next, audit: appendSealed(before.audit, fresh) };
}
