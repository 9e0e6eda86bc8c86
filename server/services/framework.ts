/**
 * The acceptance framework: edited by facilitators, locked before any round opens, and unlocked only
 * with a written justification that stays on record with the hashes before and after.
 */
import { createHash } from "node:crypto";
import type * as Y from "yjs";
import { SPECIFIED_RISKS } from "../../shared/content";
import {
  canonicalJson,
  defaultFramework,
  type Framework,
  ladderProblems,
} from "../../shared/estimation/framework";
import { controlWriters, readFramework, readLock, readUnlocks } from "../../shared/estimationView";
import { ApiError } from "../http/errors";
import type { FrameworkRecord } from "../store/estimationRecords";
import type { MetaStore } from "../store/metaStore";
import type { ControlProjection } from "./controlProjection";
import { requireFacilitator } from "./roles";
import type { SessionContext } from "./sessions";

export function frameworkHash(framework: Framework): string {
  return createHash("sha256").update(canonicalJson(framework)).digest("hex");
}

export class FrameworkService {
  constructor(
    private readonly store: MetaStore,
    private readonly control: ControlProjection,
  ) {}

  /** The workshop's framework record, created from the default on first use. */
  record(workshopId: string): FrameworkRecord {
    let record = this.store.framework(workshopId);
    if (!record) {
      record = { workshopId, framework: defaultFramework(), lock: null, unlocks: [] };
      this.store.addFramework(record);
    }
    return record;
  }

  view(ctx: SessionContext): FrameworkRecord & { hash: string } {
    const record = this.record(ctx.workshop.id);
    return { ...record, hash: frameworkHash(record.framework) };
  }

  async replace(ctx: SessionContext, framework: Framework): Promise<FrameworkRecord> {
    requireFacilitator(ctx, "edit the framework");
    const record = this.record(ctx.workshop.id);
    if (record.lock)
      throw new ApiError(
        409,
        "framework_locked",
        "the framework is locked; unlock it with a justification first",
      );
    record.framework = framework;
    return this.save(ctx, record, "framework.edit");
  }

  async lock(ctx: SessionContext): Promise<FrameworkRecord> {
    requireFacilitator(ctx, "lock the framework");
    const record = this.record(ctx.workshop.id);
    if (record.lock) throw new ApiError(409, "framework_locked", "the framework is already locked");
    const problems = ladderProblems(
      record.framework,
      SPECIFIED_RISKS.map((r) => r.id),
    );
    if (problems.length > 0) {
      const fields = Object.fromEntries(problems.map((p) => [p.path.join("."), [p.message]]));
      throw new ApiError(400, "framework_incomplete", "the framework cannot be locked yet", fields);
    }
    const hash = frameworkHash(record.framework);
    record.lock = { lockedAt: new Date().toISOString(), lockedBy: ctx.participant.displayName, hash };
    const reopened = record.unlocks.at(-1);
    if (reopened && reopened.hashAfter === null) reopened.hashAfter = hash;
    return this.save(ctx, record, "framework.lock", hash);
  }

  async unlock(ctx: SessionContext, justification: string): Promise<FrameworkRecord> {
    requireFacilitator(ctx, "unlock the framework");
    const record = this.record(ctx.workshop.id);
    if (!record.lock) throw new ApiError(409, "framework_unlocked", "the framework is not locked");
    if (this.store.roundsOf(ctx.workshop.id).some((r) => r.state === "open"))
      throw new ApiError(409, "round_open", "close or reveal the open round before unlocking the framework");
    record.unlocks.push({
      at: new Date().toISOString(),
      by: ctx.participant.displayName,
      justification,
      hashBefore: record.lock.hash,
      hashAfter: null,
    });
    record.lock = null;
    return this.save(ctx, record, "framework.unlock");
  }

  /** On load of the control document: make it show the stored framework, lock and unlock history. */
  reconcile(workshopId: string, doc: Y.Doc): void {
    const record = this.record(workshopId);
    const shown = canonicalJson([readFramework(doc), readLock(doc), readUnlocks(doc)]);
    if (shown !== canonicalJson([record.framework, record.lock, record.unlocks]))
      controlWriters.framework(doc, record.framework, record.lock, record.unlocks);
  }

  /** Writes the record to the control document for everyone to see. */
  async project(workshopId: string): Promise<void> {
    const record = this.record(workshopId);
    await this.control.write(workshopId, (doc) =>
      controlWriters.framework(doc, record.framework, record.lock, record.unlocks),
    );
  }

  private async save(
    ctx: SessionContext,
    record: FrameworkRecord,
    action: "framework.edit" | "framework.lock" | "framework.unlock",
    target?: string,
  ): Promise<FrameworkRecord> {
    this.store.audit({
      at: new Date().toISOString(),
      workshopId: ctx.workshop.id,
      actor: ctx.participant.id,
      action,
      ...(target ? { target } : {}),
    });
    await this.store.commit();
    await this.project(ctx.workshop.id);
    return record;
  }
}
