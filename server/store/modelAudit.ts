/** Sealing a model's audit entries onto its own chain (see modelRecords.ts), the same in both stores. */
import { sealAudit } from "../../shared/audit";
import { sha256Hex } from "./auditChain";
import type { ModelAuditAction, ModelRecord } from "./modelRecords";
import type { AuditStamp } from "./repository";

export function withModelAudit(
  previous: Pick<ModelRecord, "audit"> | undefined,
  next: Omit<ModelRecord, "audit">,
  action: ModelAuditAction,
  target: string,
  stamp: AuditStamp,
): ModelRecord {
  const audit = previous?.audit ?? [];
  const entry = sealAudit(
    audit.at(-1),
    { at: stamp.at, workshopId: next.id, actor: stamp.actor, action, target },
    sha256Hex,
  );
  return { ...next, audit: [...audit, entry] };
}
