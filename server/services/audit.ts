/**
 * The audit trail for those who oversee a workshop (facilitators and observers; experts are
 * refused): listed with who each actor is, verified on request, and recorded when exported.
 */
import type { AuditEntry, AuditEntryView, AuditResponse } from "../../shared/audit";
import { SERVER_ACTOR, verifyAudit } from "../../shared/audit";
import { sha256Hex } from "../store/auditChain";
import type { AuditAction } from "../store/records";
import type { MetaRepository } from "../store/repository";
import { requireRole, stampOf } from "./roles";
import type { SessionContext } from "./sessions";

export const AUDIT_READERS = ["facilitator", "observer"] as const;

export class AuditService {
  constructor(private readonly meta: MetaRepository) {}

  /** Whether the caller may read the trail (an expert's exports leave it out). */
  mayRead(ctx: SessionContext): boolean {
    return (AUDIT_READERS as readonly string[]).includes(ctx.participant.role);
  }

  async list(ctx: SessionContext, verify: boolean): Promise<AuditResponse> {
    requireRole(ctx, AUDIT_READERS, "read the audit trail");
    const workshopId = ctx.workshop.id;
    const chain = await this.meta.auditOf(workshopId);
    const entries = await this.present(workshopId, chain);
    if (!verify) return { entries };
    return { entries, verification: verifyAudit(chain, workshopId, sha256Hex) };
  }

  /** The chain as views, up to `until` entries (a snapshot's export holds the trail as it stood). */
  async entries(workshopId: string, until?: (e: AuditEntry) => boolean): Promise<AuditEntryView[]> {
    const chain = await this.meta.auditOf(workshopId);
    const end = until ? chain.findIndex(until) : -1;
    return this.present(workshopId, end === -1 ? chain : chain.slice(0, end + 1));
  }

  /** An action that changes nothing else (a download), on the record. */
  async record(ctx: SessionContext, action: AuditAction, target?: string): Promise<void> {
    const stamp = stampOf(ctx);
    await this.meta.appendAudit({
      ...stamp,
      workshopId: ctx.workshop.id,
      action,
      ...(target === undefined ? {} : { target }),
    });
  }

  private async present(workshopId: string, chain: readonly AuditEntry[]): Promise<AuditEntryView[]> {
    const names = new Map((await this.meta.participantsOf(workshopId)).map((p) => [p.id, p.displayName]));
    return chain.map((e) => ({
      ...e,
      actorName: e.actor === SERVER_ACTOR ? null : (names.get(e.actor) ?? null),
    }));
  }
}
