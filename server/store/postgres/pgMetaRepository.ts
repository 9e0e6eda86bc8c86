/**
 * Workshop metadata in PostgreSQL, behind the storage seam (`MetaRepository`, repository.ts).
 * Each write is one transaction that first locks its workshop's row, then checks its guard on what
 * it reads under that lock and writes; two instances on one database therefore refuse the second
 * of two racing reveals, and an invite's last use goes to one join only. A write that fails for
 * any reason but its own rule throws `StoreUnavailable`, and nothing of it is stored.
 */

import type { AuditEntry } from "../../../shared/audit";
import { defaultFramework, type Framework } from "../../../shared/estimation/framework";
import { DomainError, notFound, StoreUnavailable } from "../../domainErrors";
import { chainOf } from "../auditChain";
import { knownInvite } from "../guards";
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
import * as access from "./accessWrites";
import * as dissent from "./dissentWrites";
import * as estimation from "./estimationWrites";
import * as incidents from "./incidentWrites";
import { inTransaction, type Pool, type PoolClient } from "./pool";
import { appendAuditRow, frameworkRecord, lockWorkshop, record, records } from "./sql";

type Repo = MetaRepository;

export class PgMetaRepository implements MetaRepository {
  private constructor(
    private readonly pool: Pool,
    private readonly defaultFramework: Framework,
  ) {}

  /**
   * Reads (and on first use stores) the default framework every unedited workshop shares. Read-only
   * (the offline export), it stores nothing and falls back to the built-in default.
   */
  static async open(pool: Pool, options: { readOnly?: boolean } = {}): Promise<PgMetaRepository> {
    const stored = await guarded(async () => {
      if (!options.readOnly)
        await pool.query(
          "INSERT INTO default_framework (framework) VALUES ($1) ON CONFLICT (only_row) DO NOTHING",
          [defaultFramework()],
        );
      const { rows } = await pool.query<{ framework: Framework }>("SELECT framework FROM default_framework");
      return rows[0]?.framework ?? (options.readOnly ? defaultFramework() : undefined);
    });
    if (!stored) throw new Error("the default framework could not be stored");
    return new PgMetaRepository(pool, stored);
  }

  // ── Reads ───────────────────────────────────────────────────────────────────────────────
  workshop(id: string): Promise<WorkshopRecord | undefined> {
    return this.one("SELECT record FROM workshops WHERE id = $1", [id]);
  }
  workshops(): Promise<WorkshopRecord[]> {
    return this.all("SELECT record FROM workshops ORDER BY created_at, n", []);
  }
  participant(workshopId: string, participantId: string): Promise<ParticipantRecord | undefined> {
    return this.one("SELECT record FROM participants WHERE workshop_id = $1 AND id = $2", [
      workshopId,
      participantId,
    ]);
  }
  participantsOf(workshopId: string): Promise<ParticipantRecord[]> {
    return this.all("SELECT record FROM participants WHERE workshop_id = $1 ORDER BY n", [workshopId]);
  }
  invite(workshopId: string, inviteId: string): Promise<InviteRecord | undefined> {
    return this.one("SELECT record FROM invites WHERE workshop_id = $1 AND id = $2", [workshopId, inviteId]);
  }
  invitesOf(workshopId: string): Promise<InviteRecord[]> {
    return this.all("SELECT record FROM invites WHERE workshop_id = $1 ORDER BY n", [workshopId]);
  }
  inviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    return this.one("SELECT record FROM invites WHERE token_hash = $1", [tokenHash]);
  }
  sessionByTokenHash(tokenHash: string): Promise<SessionRecord | undefined> {
    return this.one("SELECT record FROM sessions WHERE token_hash = $1", [tokenHash]);
  }
  async framework(workshopId: string): Promise<FrameworkRecord> {
    return guarded(async () => {
      const workshop = await record(this.pool, "SELECT record FROM workshops WHERE id = $1", [workshopId]);
      if (!workshop) throw notFound("workshop");
      return frameworkRecord(this.pool, workshopId, this.defaultFramework);
    });
  }
  roundsOf(workshopId: string): Promise<RoundRecord[]> {
    return this.all("SELECT record FROM rounds WHERE workshop_id = $1 ORDER BY number", [workshopId]);
  }
  round(workshopId: string, roundId: string): Promise<RoundRecord | undefined> {
    return this.one("SELECT record FROM rounds WHERE workshop_id = $1 AND id = $2", [workshopId, roundId]);
  }
  estimatesOf(workshopId: string, roundId: string): Promise<EstimateRecord[]> {
    return guarded(() => estimation.estimatesIn(this.pool, workshopId, roundId));
  }
  determinationsOf(workshopId: string): Promise<DeterminationRecord[]> {
    return this.all("SELECT record FROM determinations WHERE workshop_id = $1 ORDER BY n", [workshopId]);
  }
  snapshotsOf(workshopId: string): Promise<SnapshotRecord[]> {
    return this.all("SELECT record FROM snapshots WHERE workshop_id = $1 ORDER BY n", [workshopId]);
  }
  async roomState(workshopId: string): Promise<RoomStateRecord> {
    return (
      (await this.one<RoomStateRecord>("SELECT record FROM room_states WHERE workshop_id = $1", [
        workshopId,
      ])) ?? {}
    );
  }
  async auditOf(workshopId: string): Promise<AuditEntry[]> {
    return chainOf(
      await this.all<AuditRecord | AuditEntry>("SELECT record FROM audit WHERE workshop_id = $1 ORDER BY n", [
        workshopId,
      ]),
    );
  }

  incidentsOf(workshopId: string): Promise<IncidentRecord[]> {
    return guarded(() => incidents.incidentsIn(this.pool, workshopId));
  }
  incidentReportsOf(workshopId: string): Promise<IncidentReportRecord[]> {
    return guarded(() => incidents.reportsIn(this.pool, workshopId));
  }

  // ── Writes ──────────────────────────────────────────────────────────────────────────────
  createWorkshop(input: CreateWorkshopInput, stamp: AuditStamp): Promise<void> {
    return this.transaction((client) => access.insertWorkshop(client, input, stamp));
  }
  addInvite(invite: InviteRecord, stamp: AuditStamp): Promise<InviteRecord> {
    return this.write(invite.workshopId, (client, w) => access.insertInvite(client, w, invite, stamp));
  }
  revokeInvite(workshopId: string, inviteId: string, stamp: AuditStamp): Promise<Revoked> {
    return this.write(workshopId, (client) => access.revoke(client, workshopId, inviteId, stamp));
  }
  async join(input: JoinInput): Promise<Joined> {
    const invite = knownInvite(await this.inviteByTokenHash(input.inviteTokenHash));
    // The checks run again under the workshop's lock, on the invite as it is then.
    return this.write(invite.workshopId, (client, w) => access.useInvite(client, w, input));
  }
  setRoomState(workshopId: string, change: RoomStateChange, stamp: AuditStamp): Promise<RoomStateRecord> {
    return this.write(workshopId, (client) => access.changeRoomState(client, workshopId, change, stamp));
  }
  putFramework(workshopId: string, framework: Framework, stamp: AuditStamp): Promise<FrameworkRecord> {
    return this.withFramework(workshopId, (client, f) =>
      estimation.editFramework(client, f, framework, stamp),
    );
  }
  lockFramework(workshopId: string, lock: Parameters<Repo["lockFramework"]>[1], stamp: AuditStamp) {
    return this.withFramework(workshopId, (client, f) => estimation.lockFramework(client, f, lock, stamp));
  }
  unlockFramework(workshopId: string, unlock: Parameters<Repo["unlockFramework"]>[1], stamp: AuditStamp) {
    return this.withFramework(workshopId, (client, f) =>
      estimation.unlockFramework(client, f, unlock, stamp),
    );
  }
  openRound(round: NewRound, stamp: AuditStamp): Promise<RoundRecord> {
    return this.withFramework(round.workshopId, (client, f) => estimation.openRound(client, f, round, stamp));
  }
  submitEstimate(estimate: EstimateRecord, stamp: AuditStamp): Promise<RoundWithEstimates> {
    return this.write(estimate.workshopId, (client) => estimation.submitEstimate(client, estimate, stamp));
  }
  revealRound(
    workshopId: string,
    roundId: string,
    reveal: Parameters<Repo["revealRound"]>[2],
    stamp: AuditStamp,
  ): Promise<RoundWithEstimates> {
    return this.withFramework(workshopId, (client, f) =>
      estimation.revealRound(client, f, roundId, reveal, stamp),
    );
  }
  closeRound(workshopId: string, roundId: string, stamp: AuditStamp): Promise<RoundWithEstimates> {
    return this.write(workshopId, (client) => estimation.closeRound(client, workshopId, roundId, stamp));
  }
  putDetermination(
    workshopId: string,
    riskId: string,
    decide: Parameters<Repo["putDetermination"]>[2],
    stamp: AuditStamp,
  ): Promise<DeterminationRecord> {
    return this.withFramework(workshopId, (client, f) =>
      estimation.putDetermination(client, f, riskId, decide, stamp),
    );
  }
  addDissent(workshopId: string, riskId: string, note: Parameters<Repo["addDissent"]>[2], stamp: AuditStamp) {
    return this.write(workshopId, (client) => estimation.addDissent(client, workshopId, riskId, note, stamp));
  }
  putVerdict(workshopId: string, verdict: Parameters<Repo["putVerdict"]>[1], stamp: AuditStamp) {
    return this.withFramework(workshopId, (client, f) => estimation.recordVerdict(client, f, verdict, stamp));
  }
  addSnapshot(snapshot: SnapshotRecord, stamp: AuditStamp): Promise<void> {
    return this.write(snapshot.workshopId, (client) => estimation.addSnapshot(client, snapshot, stamp));
  }
  putIncident(workshopId: string, incidentId: string, decide: DecideIncident, stamp: AuditStamp) {
    return this.write(workshopId, (client) =>
      incidents.putIncident(client, workshopId, incidentId, decide, stamp),
    );
  }
  addIncidentReport(workshopId: string, decide: DecideReport, stamp: AuditStamp) {
    return this.write(workshopId, (client) => incidents.addIncidentReport(client, workshopId, decide, stamp));
  }
  scenarioDissentOf(workshopId: string): Promise<ScenarioDissentState> {
    return guarded(() => dissent.scenarioDissentOf(this.pool, workshopId));
  }
  addScenarioDissent(note: ScenarioDissentRecord, stamp: AuditStamp): Promise<ScenarioDissentRecord> {
    return this.write(note.workshopId, (client) => dissent.addScenarioDissent(client, note, stamp));
  }
  takeOverScenarioDissent(workshopId: string, notes: ScenarioDissentRecord[], stamp: AuditStamp) {
    return this.write(workshopId, (client) =>
      dissent.takeOverScenarioDissent(client, workshopId, notes, stamp),
    );
  }
  appendAudit(entry: AuditRecord): Promise<void> {
    const { workshopId, action, target, actor, at } = entry;
    return this.write(workshopId, (client) =>
      appendAuditRow(client, workshopId, { actor, at }, action, target),
    );
  }

  // ── Internals ───────────────────────────────────────────────────────────────────────────
  private one<T>(sql: string, args: unknown[]): Promise<T | undefined> {
    return guarded(() => record<T>(this.pool, sql, args));
  }

  private all<T>(sql: string, args: unknown[]): Promise<T[]> {
    return guarded(() => records<T>(this.pool, sql, args));
  }

  private transaction<R>(fn: (client: PoolClient) => Promise<R>): Promise<R> {
    return guarded(() => inTransaction(this.pool, fn));
  }

  /** One write of one workshop: its row locked first, `not_found` without it. */
  private write<R>(
    workshopId: string,
    fn: (client: PoolClient, workshop: WorkshopRecord) => Promise<R>,
  ): Promise<R> {
    return this.transaction(async (client) => fn(client, await lockWorkshop(client, workshopId)));
  }

  private withFramework<R>(
    workshopId: string,
    fn: (client: PoolClient, framework: FrameworkRecord) => Promise<R>,
  ): Promise<R> {
    return this.write(workshopId, async (client) =>
      fn(client, await frameworkRecord(client, workshopId, this.defaultFramework)),
    );
  }
}

/** Domain errors pass as they are; anything else PostgreSQL throws becomes `StoreUnavailable`. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    console.error("PostgreSQL metadata operation failed:", err);
    throw new StoreUnavailable("the metadata store is unavailable; nothing was changed, try again", {
      cause: err,
    });
  }
}
