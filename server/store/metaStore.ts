/** Workshop metadata in one lowdb JSON file. The only module that imports lowdb. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type { Role } from "../../shared/roles";
import type { SnapshotEntry } from "../../shared/snapshot";
import type { DeterminationRecord, EstimateRecord, FrameworkRecord, RoundRecord } from "./estimationRecords";

export interface SnapshotRecord extends SnapshotEntry {
  workshopId: string;
}

export interface WorkshopRecord {
  id: string;
  title: string;
  subject?: string;
  createdAt: string;
}

export interface ParticipantRecord {
  id: string;
  workshopId: string;
  displayName: string;
  role: Role;
  joinedAt: string;
  /** The invite this participant joined through; absent for the workshop's creator. */
  inviteId?: string;
  revokedAt?: string;
}

export interface InviteRecord {
  id: string;
  workshopId: string;
  role: Role;
  label?: string;
  tokenHash: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  maxUses?: number;
  uses: number;
  revokedAt?: string;
}

export interface SessionRecord {
  tokenHash: string;
  workshopId: string;
  participantId: string;
  inviteId?: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

export interface AuditRecord {
  at: string;
  workshopId: string;
  actor: string;
  action:
    | "workshop.create"
    | "invite.create"
    | "invite.revoke"
    | "participant.join"
    | "phase.set"
    | "timer.start"
    | "timer.stop"
    | "focus.set"
    | "framework.edit"
    | "framework.lock"
    | "framework.unlock"
    | "round.open"
    | "round.reveal"
    | "round.close"
    | "estimate.submit"
    | "determination.record"
    | "verdict.record"
    | "dissent.add"
    | "snapshot.take";
  target?: string;
}

export interface MetaData {
  version: 1;
  workshops: WorkshopRecord[];
  participants: ParticipantRecord[];
  invites: InviteRecord[];
  sessions: SessionRecord[];
  audit: AuditRecord[];
  frameworks: FrameworkRecord[];
  rounds: RoundRecord[];
  /** Blind estimates: never copied anywhere a client can read until their round is revealed. */
  estimates: EstimateRecord[];
  determinations: DeterminationRecord[];
  /** The snapshot index; the blobs live in files and are never rewritten. */
  snapshots: SnapshotRecord[];
}

const empty = (): MetaData => ({
  version: 1,
  workshops: [],
  participants: [],
  invites: [],
  sessions: [],
  audit: [],
  frameworks: [],
  rounds: [],
  estimates: [],
  determinations: [],
  snapshots: [],
});

/**
 * Holds the metadata in memory with indexes for lookups, and writes the whole file on commit.
 * Commits in the same tick share one write, so a burst of joins costs one file rewrite.
 */
export class MetaStore {
  private readonly db: Low<MetaData>;
  private readonly sessionsByHash = new Map<string, SessionRecord>();
  private readonly invitesByHash = new Map<string, InviteRecord>();
  private pending: Promise<void> | null = null;

  private constructor(db: Low<MetaData>) {
    this.db = db;
    for (const s of db.data.sessions) this.sessionsByHash.set(s.tokenHash, s);
    for (const i of db.data.invites) this.invitesByHash.set(i.tokenHash, i);
  }

  static async open(dataDir: string): Promise<MetaStore> {
    mkdirSync(dataDir, { recursive: true });
    // Not JSONFilePreset: it silently keeps data in memory when NODE_ENV=test.
    const db = new Low<MetaData>(new JSONFile<MetaData>(path.join(dataDir, "meta.json")), empty());
    await db.read();
    db.data = { ...empty(), ...db.data };
    return new MetaStore(db);
  }

  get data(): Readonly<MetaData> {
    return this.db.data;
  }

  workshop(id: string): WorkshopRecord | undefined {
    return this.db.data.workshops.find((w) => w.id === id);
  }

  participant(id: string): ParticipantRecord | undefined {
    return this.db.data.participants.find((p) => p.id === id);
  }

  participantsOf(workshopId: string): ParticipantRecord[] {
    return this.db.data.participants.filter((p) => p.workshopId === workshopId);
  }

  invite(id: string): InviteRecord | undefined {
    return this.db.data.invites.find((i) => i.id === id);
  }

  invitesOf(workshopId: string): InviteRecord[] {
    return this.db.data.invites.filter((i) => i.workshopId === workshopId);
  }

  inviteByHash(hash: string): InviteRecord | undefined {
    return this.invitesByHash.get(hash);
  }

  sessionByHash(hash: string): SessionRecord | undefined {
    return this.sessionsByHash.get(hash);
  }

  sessionsOfInvite(inviteId: string): SessionRecord[] {
    return this.db.data.sessions.filter((s) => s.inviteId === inviteId);
  }

  addWorkshop(w: WorkshopRecord): void {
    this.db.data.workshops.push(w);
  }

  addParticipant(p: ParticipantRecord): void {
    this.db.data.participants.push(p);
  }

  addInvite(i: InviteRecord): void {
    this.db.data.invites.push(i);
    this.invitesByHash.set(i.tokenHash, i);
  }

  addSession(s: SessionRecord): void {
    this.db.data.sessions.push(s);
    this.sessionsByHash.set(s.tokenHash, s);
  }

  /** The workshop's estimation records, for the estimation services to read and change in place. */
  framework(workshopId: string): FrameworkRecord | undefined {
    return this.db.data.frameworks.find((f) => f.workshopId === workshopId);
  }

  addFramework(record: FrameworkRecord): void {
    this.db.data.frameworks.push(record);
  }

  roundsOf(workshopId: string): RoundRecord[] {
    return this.db.data.rounds.filter((r) => r.workshopId === workshopId);
  }

  addRound(round: RoundRecord): void {
    this.db.data.rounds.push(round);
  }

  estimatesOf(roundId: string): EstimateRecord[] {
    return this.db.data.estimates.filter((e) => e.roundId === roundId);
  }

  putEstimate(estimate: EstimateRecord): void {
    const all = this.db.data.estimates;
    const at = all.findIndex(
      (e) =>
        e.roundId === estimate.roundId &&
        e.participantId === estimate.participantId &&
        e.scenarioId === estimate.scenarioId,
    );
    if (at >= 0) all[at] = estimate;
    else all.push(estimate);
  }

  determinationsOf(workshopId: string): DeterminationRecord[] {
    return this.db.data.determinations.filter((d) => d.workshopId === workshopId);
  }

  putDetermination(record: DeterminationRecord): void {
    const all = this.db.data.determinations;
    const at = all.findIndex((d) => d.workshopId === record.workshopId && d.riskId === record.riskId);
    if (at >= 0) all[at] = record;
    else all.push(record);
  }

  snapshotsOf(workshopId: string): SnapshotRecord[] {
    return this.db.data.snapshots.filter((x) => x.workshopId === workshopId);
  }

  addSnapshot(record: SnapshotRecord): void {
    this.db.data.snapshots.push(record);
  }

  audit(entry: AuditRecord): void {
    this.db.data.audit.push(entry);
  }

  /** Resolves once everything changed so far is on disk. */
  commit(): Promise<void> {
    if (!this.pending) {
      this.pending = new Promise<void>((resolve, reject) => {
        queueMicrotask(() => {
          this.pending = null;
          this.db.write().then(resolve, reject);
        });
      });
    }
    return this.pending;
  }
}
