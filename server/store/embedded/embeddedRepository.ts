/**
 * The embedded metadata store: one lowdb file per workshop (`workshops/<id>/meta.json`) plus the
 * token index. A write runs in its workshop's queue: the next version of that workshop's
 * metadata is computed (guards may refuse it), made durable (index lines first, then the file),
 * and only then swapped into memory. So a write costs what its workshop holds, a failed write
 * changes nothing anyone can read, and nothing is left pending for a later write to carry out.
 * Workshops are loaded on first use and kept.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Low } from "lowdb";
import type { AuditEntry } from "../../../shared/audit";
import type { Framework } from "../../../shared/estimation/framework";
import { notFound, StoreUnavailable } from "../../domainErrors";
import { chainOf } from "../auditChain";
import { syncDir } from "../durableWrite";
import { unknownInvite } from "../guards";
import type { DecideIncident, DecideReport, IncidentRecord, IncidentReportRecord } from "../incidentRecords";
import type {
  AuditRecord,
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  InviteRecord,
  ParticipantRecord,
  RoomStateRecord,
  RoundRecord,
  ScenarioDissentRecord,
  SessionRecord,
  SnapshotRecord,
  WorkshopRecord,
} from "../records";
import type {
  AuditStamp,
  CreateWorkshopInput,
  Joined,
  JoinInput,
  MetaRepository,
  NewRound,
  Revoked,
  RoomStateChange,
  RoundWithEstimates,
  ScenarioDissentState,
} from "../repository";
import * as access from "./accessTransitions";
import { withSealedAudit } from "./auditSeal";
import { storedDefaultFramework } from "./defaultFramework";
import * as dissent from "./dissentTransitions";
import { DurableJsonFile } from "./durableFile";
import { deepFreeze } from "./freeze";
import * as incidents from "./incidentTransitions";
import { KeyedQueue } from "./keyedQueue";
import { type IndexEntry, TokenIndex } from "./tokenIndex";
import * as t from "./transitions";
import { DEFAULT_CACHED_WORKSHOPS, WorkshopCache } from "./workshopCache";
import {
  checkWorkshopMeta,
  newWorkshopMeta,
  type WorkshopMeta,
  workshopDir,
  workshopMetaFile,
} from "./workshopMeta";

export interface OpenOptions {
  /** For the offline export beside a running server: writes nothing, refuses every write. */
  readOnly?: boolean;
  cachedWorkshops?: number;
}

export class EmbeddedMetaRepository implements MetaRepository {
  private readonly queue = new KeyedQueue();
  private readonly cache: WorkshopCache;

  private constructor(
    private readonly dataDir: string,
    private readonly index: TokenIndex,
    private readonly defaultFramework: Framework,
    private readonly readOnly: boolean,
    cachedWorkshops: number,
  ) {
    this.cache = new WorkshopCache(dataDir, index, this.queue, cachedWorkshops);
  }

  /** Opens the store in `dataDir` (already migrated; see migrate.ts). */
  static async open(dataDir: string, options: OpenOptions = {}): Promise<EmbeddedMetaRepository> {
    const readOnly = options.readOnly ?? false;
    if (!readOnly) await mkdir(path.join(dataDir, "workshops"), { recursive: true });
    const framework = await storedDefaultFramework(dataDir, readOnly);
    const index = await TokenIndex.open(dataDir, readOnly);
    const cached = options.cachedWorkshops ?? DEFAULT_CACHED_WORKSHOPS;
    return new EmbeddedMetaRepository(dataDir, index, framework, readOnly, cached);
  }

  async close(): Promise<void> {
    await this.queue.idle();
    await this.index.close();
  }

  // ── Reads ──────────────────────────────────────────────────────────────────────────────
  async workshop(id: string): Promise<WorkshopRecord | undefined> {
    return (await this.meta(id))?.workshop;
  }

  async workshops(): Promise<WorkshopRecord[]> {
    const ids = [...this.index.workshops].sort((a, b) => a[1].localeCompare(b[1])).map(([id]) => id);
    const out: WorkshopRecord[] = [];
    for (const id of ids) {
      const w = await this.workshop(id);
      if (w) out.push(w);
    }
    return out;
  }

  async participant(workshopId: string, participantId: string): Promise<ParticipantRecord | undefined> {
    return (await this.meta(workshopId))?.participants.find((p) => p.id === participantId);
  }

  async participantsOf(workshopId: string): Promise<ParticipantRecord[]> {
    return [...((await this.meta(workshopId))?.participants ?? [])];
  }

  async invite(workshopId: string, inviteId: string): Promise<InviteRecord | undefined> {
    return (await this.meta(workshopId))?.invites.find((i) => i.id === inviteId);
  }

  async invitesOf(workshopId: string): Promise<InviteRecord[]> {
    return [...((await this.meta(workshopId))?.invites ?? [])];
  }

  async inviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    const workshopId = this.index.invites.get(tokenHash);
    if (!workshopId) return undefined;
    return (await this.meta(workshopId))?.invites.find((i) => i.tokenHash === tokenHash);
  }

  async sessionByTokenHash(tokenHash: string): Promise<SessionRecord | undefined> {
    const workshopId = this.index.sessions.get(tokenHash);
    if (!workshopId) return undefined;
    return (await this.meta(workshopId))?.sessions.find((s) => s.tokenHash === tokenHash);
  }

  async framework(workshopId: string): Promise<FrameworkRecord> {
    return t.frameworkOf(await this.existing(workshopId), this.defaultFramework);
  }

  async roundsOf(workshopId: string): Promise<RoundRecord[]> {
    return [...((await this.meta(workshopId))?.rounds ?? [])];
  }

  async round(workshopId: string, roundId: string): Promise<RoundRecord | undefined> {
    return (await this.meta(workshopId))?.rounds.find((r) => r.id === roundId);
  }

  async estimatesOf(workshopId: string, roundId: string): Promise<EstimateRecord[]> {
    const meta = await this.meta(workshopId);
    return meta ? t.estimatesOf(meta, roundId) : [];
  }

  async determinationsOf(workshopId: string): Promise<DeterminationRecord[]> {
    return [...((await this.meta(workshopId))?.determinations ?? [])];
  }

  async snapshotsOf(workshopId: string): Promise<SnapshotRecord[]> {
    return [...((await this.meta(workshopId))?.snapshots ?? [])];
  }

  async roomState(workshopId: string): Promise<RoomStateRecord> {
    return (await this.meta(workshopId))?.room ?? {};
  }

  async auditOf(workshopId: string): Promise<AuditEntry[]> {
    return chainOf((await this.meta(workshopId))?.audit ?? []);
  }

  async incidentsOf(workshopId: string): Promise<IncidentRecord[]> {
    return [...((await this.meta(workshopId))?.incidents ?? [])];
  }

  async incidentReportsOf(workshopId: string): Promise<IncidentReportRecord[]> {
    return [...((await this.meta(workshopId))?.incidentReports ?? [])];
  }

  // ── Writes ─────────────────────────────────────────────────────────────────────────────
  createWorkshop(input: CreateWorkshopInput, stamp: AuditStamp): Promise<void> {
    const { workshop, participant, session } = input;
    return this.queue.run(workshop.id, async () => {
      if (this.readOnly) throw new Error("this metadata store was opened read-only");
      if (this.index.workshops.has(workshop.id)) throw new Error(`workshop ${workshop.id} exists already`);
      const first = newWorkshopMeta(workshop);
      const meta: WorkshopMeta = withSealedAudit(first, {
        ...first,
        participants: [participant],
        sessions: [session],
        audit: t.audited(first, stamp, "workshop.create"),
      });
      const file = workshopMetaFile(this.dataDir, workshop.id);
      await this.durably(async () => {
        await mkdir(workshopDir(this.dataDir, workshop.id), { recursive: true });
        await syncDir(path.join(this.dataDir, "workshops"));
      });
      await this.durably(() =>
        this.index.append([
          { w: workshop.id, c: workshop.createdAt },
          { s: session.tokenHash, w: workshop.id },
        ]),
      );
      const slot = new Low<WorkshopMeta>(new DurableJsonFile(file, checkWorkshopMeta), meta);
      await this.durably(() => slot.adapter.write(meta));
      slot.data = deepFreeze(meta);
      this.cache.add(workshop.id, slot);
    });
  }

  addInvite(invite: InviteRecord, stamp: AuditStamp): Promise<InviteRecord> {
    return this.write(invite.workshopId, (m) => access.addInvite(m, invite, stamp), [
      { i: invite.tokenHash, w: invite.workshopId },
    ]);
  }

  revokeInvite(workshopId: string, inviteId: string, stamp: AuditStamp): Promise<Revoked> {
    return this.write(workshopId, (m) => access.revokeInvite(m, inviteId, stamp));
  }

  async join(input: JoinInput): Promise<Joined> {
    const workshopId = this.index.invites.get(input.inviteTokenHash);
    if (!workshopId || !(await this.meta(workshopId))) throw unknownInvite();
    return this.write(workshopId, (m) => access.join(m, input), [
      { s: input.sessionTokenHash, w: workshopId },
    ]);
  }

  setRoomState(workshopId: string, change: RoomStateChange, stamp: AuditStamp): Promise<RoomStateRecord> {
    return this.write(workshopId, (m) =>
      t.setRoomState(m, change.change(m.room), stamp, change.action, change.target),
    );
  }

  putFramework(workshopId: string, framework: Framework, stamp: AuditStamp): Promise<FrameworkRecord> {
    return this.write(workshopId, (m) => t.putFramework(m, this.frameworkIn(m), framework, stamp));
  }

  lockFramework(
    workshopId: string,
    lock: Parameters<MetaRepository["lockFramework"]>[1],
    stamp: AuditStamp,
  ): Promise<FrameworkRecord> {
    return this.write(workshopId, (m) => t.lockFramework(m, this.frameworkIn(m), lock, stamp));
  }

  unlockFramework(
    workshopId: string,
    unlock: Parameters<MetaRepository["unlockFramework"]>[1],
    stamp: AuditStamp,
  ): Promise<FrameworkRecord> {
    return this.write(workshopId, (m) => t.unlockFramework(m, this.frameworkIn(m), unlock, stamp));
  }

  openRound(round: NewRound, stamp: AuditStamp): Promise<RoundRecord> {
    return this.write(round.workshopId, (m) => t.openRound(m, this.frameworkIn(m), round, stamp));
  }

  submitEstimate(estimate: EstimateRecord, stamp: AuditStamp): Promise<RoundWithEstimates> {
    return this.write(estimate.workshopId, (m) => t.submitEstimate(m, estimate, stamp));
  }

  revealRound(
    workshopId: string,
    roundId: string,
    reveal: Parameters<MetaRepository["revealRound"]>[2],
    stamp: AuditStamp,
  ): Promise<RoundWithEstimates> {
    return this.write(workshopId, (m) => t.revealRound(m, this.frameworkIn(m), roundId, reveal, stamp));
  }

  closeRound(workshopId: string, roundId: string, stamp: AuditStamp): Promise<RoundWithEstimates> {
    return this.write(workshopId, (m) => t.closeRound(m, roundId, stamp));
  }

  putDetermination(
    workshopId: string,
    riskId: string,
    decide: Parameters<MetaRepository["putDetermination"]>[2],
    stamp: AuditStamp,
  ): Promise<DeterminationRecord> {
    return this.write(workshopId, (m) => t.putDetermination(m, this.frameworkIn(m), riskId, decide, stamp));
  }

  addDissent(
    workshopId: string,
    riskId: string,
    note: Parameters<MetaRepository["addDissent"]>[2],
    stamp: AuditStamp,
  ): Promise<DeterminationRecord> {
    return this.write(workshopId, (m) => t.addDissent(m, riskId, note, stamp));
  }

  putVerdict(
    workshopId: string,
    verdict: Parameters<MetaRepository["putVerdict"]>[1],
    stamp: AuditStamp,
  ): Promise<FrameworkRecord> {
    return this.write(workshopId, (m) => t.putVerdict(m, this.frameworkIn(m), verdict, stamp));
  }

  addSnapshot(record: SnapshotRecord, stamp: AuditStamp): Promise<void> {
    return this.write(record.workshopId, (m) => t.addSnapshot(m, record, stamp));
  }

  putIncident(
    workshopId: string,
    incidentId: string,
    decide: DecideIncident,
    stamp: AuditStamp,
  ): Promise<IncidentRecord> {
    return this.write(workshopId, (m) => incidents.putIncident(m, incidentId, decide, stamp));
  }

  addIncidentReport(
    workshopId: string,
    decide: DecideReport,
    stamp: AuditStamp,
  ): Promise<IncidentReportRecord> {
    return this.write(workshopId, (m) => incidents.addIncidentReport(m, decide, stamp));
  }

  async scenarioDissentOf(workshopId: string): Promise<ScenarioDissentState> {
    const meta = await this.meta(workshopId);
    const notes = [...(meta?.scenarioDissent ?? [])];
    return meta?.scenarioDissentTakenOverAt
      ? { notes, takenOverAt: meta.scenarioDissentTakenOverAt }
      : { notes };
  }

  addScenarioDissent(note: ScenarioDissentRecord, stamp: AuditStamp): Promise<ScenarioDissentRecord> {
    return this.write(note.workshopId, (m) => dissent.addScenarioDissent(m, note, stamp));
  }

  takeOverScenarioDissent(
    workshopId: string,
    notes: ScenarioDissentRecord[],
    stamp: AuditStamp,
  ): Promise<boolean> {
    return this.write(workshopId, (m) => dissent.takeOverScenarioDissent(m, notes, stamp));
  }

  appendAudit(entry: AuditRecord): Promise<void> {
    return this.write(entry.workshopId, (m) => ({
      next: { ...m, audit: [...m.audit, entry] },
      result: undefined,
    }));
  }

  // ── Internals ──────────────────────────────────────────────────────────────────────────
  private frameworkIn(meta: WorkshopMeta): FrameworkRecord {
    return t.frameworkOf(meta, this.defaultFramework);
  }

  /** One write of one workshop, in its queue: decide, make durable, then show. */
  private write<R>(
    workshopId: string,
    transition: (meta: WorkshopMeta) => t.Transition<R>,
    entries: IndexEntry[] = [],
  ): Promise<R> {
    return this.queue.run(workshopId, async () => {
      if (this.readOnly) throw new Error("this metadata store was opened read-only");
      const slot = await this.cache.get(workshopId);
      if (!slot) throw notFound("workshop");
      const { next: unsealed, result } = transition(slot.data);
      if (unsealed === slot.data) return result;
      // Chained here, after what is stored, so no transition needs to know about the chain.
      const next = withSealedAudit(slot.data, unsealed);
      await this.durably(() => this.index.append(entries));
      await this.durably(() => slot.adapter.write(next));
      slot.data = deepFreeze(next);
      return result;
    });
  }

  private async durably(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      // The route's error handler logs it, with this as its cause.
      throw new StoreUnavailable("the change could not be stored; nothing was changed, try again", {
        cause: err,
      });
    }
  }

  private async meta(workshopId: string): Promise<WorkshopMeta | undefined> {
    return (await this.cache.get(workshopId))?.data;
  }

  private async existing(workshopId: string): Promise<WorkshopMeta> {
    const meta = await this.meta(workshopId);
    if (!meta) throw notFound("workshop");
    return meta;
  }
}
