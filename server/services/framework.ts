/**
 * The acceptance framework: edited by facilitators, locked before any round opens, and unlocked only
 * with a written justification that stays on record with the hashes before and after.
 */
import { createHash } from "node:crypto";
import { SPECIFIED_RISKS } from "../../shared/content";
import { ErrorCode } from "../../shared/errors";
import { canonicalJson, type Framework, ladderProblems } from "../../shared/estimation/framework";
import { controlWriters } from "../../shared/estimationView";
import { DomainError } from "../domainErrors";
import type { FrameworkRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import type { ControlProjection } from "./controlProjection";
import { requireFacilitator, stampOf } from "./roles";
import type { SessionContext } from "./sessions";

export function frameworkHash(framework: Framework): string {
  return createHash("sha256").update(canonicalJson(framework)).digest("hex");
}

export class FrameworkService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly control: ControlProjection,
  ) {}

  /** The workshop's framework record: the stored one, or the default (reading never writes). */
  record(workshopId: string): Promise<FrameworkRecord> {
    return this.meta.framework(workshopId);
  }

  async view(ctx: SessionContext): Promise<FrameworkRecord & { hash: string }> {
    const record = await this.record(ctx.workshop.id);
    return { ...record, hash: frameworkHash(record.framework) };
  }

  async replace(ctx: SessionContext, framework: Framework): Promise<FrameworkRecord> {
    requireFacilitator(ctx, "edit the framework");
    return this.project(await this.meta.putFramework(ctx.workshop.id, framework, stampOf(ctx)));
  }

  async lock(ctx: SessionContext): Promise<FrameworkRecord> {
    requireFacilitator(ctx, "lock the framework");
    const stamp = stampOf(ctx);
    const record = await this.meta.lockFramework(
      ctx.workshop.id,
      (framework) => {
        const problems = ladderProblems(
          framework,
          SPECIFIED_RISKS.map((r) => r.id),
        );
        if (problems.length > 0) {
          const fields = Object.fromEntries(problems.map((p) => [p.path.join("."), [p.message]]));
          throw new DomainError(ErrorCode.frameworkIncomplete, "the framework cannot be locked yet", fields);
        }
        return { lockedAt: stamp.at, lockedBy: ctx.participant.displayName, hash: frameworkHash(framework) };
      },
      stamp,
    );
    return this.project(record);
  }

  async unlock(ctx: SessionContext, justification: string): Promise<FrameworkRecord> {
    requireFacilitator(ctx, "unlock the framework");
    const record = await this.meta.unlockFramework(
      ctx.workshop.id,
      { by: ctx.participant.displayName, justification },
      stampOf(ctx),
    );
    return this.project(record);
  }

  /** Writes the record to the control document for everyone to see. */
  private async project(record: FrameworkRecord): Promise<FrameworkRecord> {
    await this.control.write(record.workshopId, (doc) =>
      controlWriters.framework(doc, record.framework, record.lock, record.unlocks),
    );
    return record;
  }
}
