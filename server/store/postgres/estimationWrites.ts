/**
 * The framework, rounds, estimates, determinations and snapshots in PostgreSQL: each function is
 * the body of one transaction that already holds its workshop's row lock, so its guard (the rules
 * are in ../guards.ts, shared with the embedded store) reads what every earlier write of the
 * workshop left and no other write of it can come between.
 */
import { ErrorCode } from "../../../shared/errors";
import type { Framework } from "../../../shared/estimation/framework";
import type {
  DissentNote,
  FrameworkUnlock,
  OverallVerdict,
  RevealedRound,
} from "../../../shared/estimationView";
import { DomainError } from "../../domainErrors";
import * as guard from "../guards";
import { lockedFramework, redetermined, unlockedFramework } from "../recordChanges";
import type {
  DeterminationRecord,
  EstimateRecord,
  FrameworkRecord,
  ParticipantRecord,
  RoundRecord,
  SnapshotRecord,
} from "../records";
import type { AuditStamp, NewRound, RevealInput, RoundWithEstimates } from "../repository";
import type { PoolClient } from "./pool";
import { appendAuditRow, type Db, record, records, saveFramework } from "./sql";

export async function editFramework(
  client: PoolClient,
  current: FrameworkRecord,
  framework: Framework,
  stamp: AuditStamp,
): Promise<FrameworkRecord> {
  guard.frameworkEditable(current);
  return storeFramework(client, { ...current, framework }, stamp, "framework.edit");
}

export async function lockFramework(
  client: PoolClient,
  current: FrameworkRecord,
  decide: (framework: Framework) => NonNullable<FrameworkRecord["lock"]>,
  stamp: AuditStamp,
): Promise<FrameworkRecord> {
  guard.frameworkLockable(current);
  const lock = decide(current.framework);
  return storeFramework(client, lockedFramework(current, lock), stamp, "framework.lock", lock.hash);
}

export async function unlockFramework(
  client: PoolClient,
  current: FrameworkRecord,
  unlock: Pick<FrameworkUnlock, "by" | "justification">,
  stamp: AuditStamp,
): Promise<FrameworkRecord> {
  const lock = guard.frameworkUnlockable(current, await hasOpenRound(client, current.workshopId));
  const next = unlockedFramework(current, lock, unlock, stamp.at);
  return storeFramework(client, next, stamp, "framework.unlock");
}

export async function recordVerdict(
  client: PoolClient,
  current: FrameworkRecord,
  decide: (framework: FrameworkRecord, determinations: DeterminationRecord[]) => OverallVerdict,
  stamp: AuditStamp,
): Promise<FrameworkRecord> {
  const determinations = await records<DeterminationRecord>(
    client,
    "SELECT record FROM determinations WHERE workshop_id = $1 ORDER BY n",
    [current.workshopId],
  );
  const verdict = decide(current, determinations);
  return storeFramework(client, { ...current, verdict }, stamp, "verdict.record");
}

async function storeFramework(
  client: PoolClient,
  next: FrameworkRecord,
  stamp: AuditStamp,
  action: "framework.edit" | "framework.lock" | "framework.unlock" | "verdict.record",
  target?: string,
): Promise<FrameworkRecord> {
  await saveFramework(client, next);
  await appendAuditRow(client, next.workshopId, stamp, action, target);
  return next;
}

async function hasOpenRound(client: PoolClient, workshopId: string): Promise<boolean> {
  const { rowCount } = await client.query("SELECT 1 FROM rounds WHERE workshop_id = $1 AND state = 'open'", [
    workshopId,
  ]);
  return (rowCount ?? 0) > 0;
}

export async function openRound(
  client: PoolClient,
  current: FrameworkRecord,
  input: NewRound,
  stamp: AuditStamp,
): Promise<RoundRecord> {
  guard.roundMayOpen(current, await hasOpenRound(client, input.workshopId));
  const { rows } = await client.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM rounds WHERE workshop_id = $1",
    [input.workshopId],
  );
  const round: RoundRecord = { ...input, number: (rows[0]?.count ?? 0) + 1, state: "open" };
  await client.query(
    "INSERT INTO rounds (workshop_id, id, number, state, record) VALUES ($1, $2, $3, $4, $5)",
    [round.workshopId, round.id, round.number, round.state, round],
  );
  await appendAuditRow(client, round.workshopId, stamp, "round.open", round.id);
  return round;
}

async function findRound(client: PoolClient, workshopId: string, roundId: string): Promise<RoundRecord> {
  const round = await record<RoundRecord>(
    client,
    "SELECT record FROM rounds WHERE workshop_id = $1 AND id = $2",
    [workshopId, roundId],
  );
  return guard.roundFound(round);
}

export function estimatesIn(db: Db, workshopId: string, roundId: string): Promise<EstimateRecord[]> {
  return records<EstimateRecord>(
    db,
    "SELECT record FROM estimates WHERE workshop_id = $1 AND round_id = $2 ORDER BY n",
    [workshopId, roundId],
  );
}

export async function submitEstimate(
  client: PoolClient,
  estimate: EstimateRecord,
  stamp: AuditStamp,
): Promise<RoundWithEstimates> {
  const round = await findRound(client, estimate.workshopId, estimate.roundId);
  guard.estimateFits(round, estimate);
  // A replaced estimate moves to the end, as a new submission would.
  await client.query(
    `INSERT INTO estimates (workshop_id, round_id, participant_id, scenario_id, record) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (workshop_id, round_id, participant_id, scenario_id)
     DO UPDATE SET record = EXCLUDED.record, n = EXCLUDED.n`,
    [estimate.workshopId, estimate.roundId, estimate.participantId, estimate.scenarioId, estimate],
  );
  await appendAuditRow(
    client,
    estimate.workshopId,
    stamp,
    "estimate.submit",
    `${estimate.roundId}/${estimate.scenarioId}`,
  );
  return { round, estimates: await estimatesIn(client, estimate.workshopId, round.id) };
}

export async function revealRound(
  client: PoolClient,
  current: FrameworkRecord,
  roundId: string,
  reveal: (input: RevealInput) => RevealedRound,
  stamp: AuditStamp,
): Promise<RoundWithEstimates> {
  const workshopId = current.workshopId;
  const found = await findRound(client, workshopId, roundId);
  guard.roundRevealable(found);
  const estimates = await estimatesIn(client, workshopId, roundId);
  const participants = await records<ParticipantRecord>(
    client,
    "SELECT record FROM participants WHERE workshop_id = $1 ORDER BY n",
    [workshopId],
  );
  const revealed = reveal({ round: found, estimates, framework: current, participants });
  const round: RoundRecord = { ...found, state: "revealed", revealedAt: stamp.at, revealed };
  await updateRound(client, round, "open");
  await appendAuditRow(client, workshopId, stamp, "round.reveal", round.id);
  return { round, estimates };
}

export async function closeRound(
  client: PoolClient,
  workshopId: string,
  roundId: string,
  stamp: AuditStamp,
): Promise<RoundWithEstimates> {
  const found = await findRound(client, workshopId, roundId);
  guard.roundClosable(found);
  const round: RoundRecord = { ...found, state: "closed", closedAt: stamp.at };
  await updateRound(client, round, found.state);
  await appendAuditRow(client, workshopId, stamp, "round.close", round.id);
  return { round, estimates: await estimatesIn(client, workshopId, roundId) };
}

/** Changes the round only from the state its guard saw: a second line of defence behind the lock. */
async function updateRound(
  client: PoolClient,
  round: RoundRecord,
  from: RoundRecord["state"],
): Promise<void> {
  const { rowCount } = await client.query(
    "UPDATE rounds SET state = $3, record = $4 WHERE workshop_id = $1 AND id = $2 AND state = $5",
    [round.workshopId, round.id, round.state, round, from],
  );
  if (rowCount !== 1)
    throw new DomainError(ErrorCode.roundNotOpen, `round ${round.number} changed meanwhile`);
}

export async function putDetermination(
  client: PoolClient,
  current: FrameworkRecord,
  riskId: string,
  decide: (framework: FrameworkRecord, previous: DeterminationRecord | undefined) => DeterminationRecord,
  stamp: AuditStamp,
): Promise<DeterminationRecord> {
  guard.determinable(current);
  const previous = await determination(client, current.workshopId, riskId);
  const next = redetermined(current.workshopId, riskId, decide(current, previous), previous);
  return storeDetermination(client, next, stamp, "determination.record");
}

export async function addDissent(
  client: PoolClient,
  workshopId: string,
  riskId: string,
  note: DissentNote,
  stamp: AuditStamp,
): Promise<DeterminationRecord> {
  const existing = guard.determinationFound(await determination(client, workshopId, riskId));
  return storeDetermination(
    client,
    { ...existing, dissent: [...existing.dissent, note] },
    stamp,
    "dissent.add",
  );
}

function determination(client: PoolClient, workshopId: string, riskId: string) {
  return record<DeterminationRecord>(
    client,
    "SELECT record FROM determinations WHERE workshop_id = $1 AND risk_id = $2",
    [workshopId, riskId],
  );
}

async function storeDetermination(
  client: PoolClient,
  next: DeterminationRecord,
  stamp: AuditStamp,
  action: "determination.record" | "dissent.add",
): Promise<DeterminationRecord> {
  // Rewritten determinations move to the end, as the embedded store keeps them.
  await client.query(
    `INSERT INTO determinations (workshop_id, risk_id, record) VALUES ($1, $2, $3)
     ON CONFLICT (workshop_id, risk_id) DO UPDATE SET record = EXCLUDED.record, n = EXCLUDED.n`,
    [next.workshopId, next.riskId, next],
  );
  await appendAuditRow(client, next.workshopId, stamp, action, next.riskId);
  return next;
}

export async function addSnapshot(
  client: PoolClient,
  snapshot: SnapshotRecord,
  stamp: AuditStamp,
): Promise<void> {
  await client.query("INSERT INTO snapshots (workshop_id, id, record) VALUES ($1, $2, $3)", [
    snapshot.workshopId,
    snapshot.id,
    snapshot,
  ]);
  await appendAuditRow(client, snapshot.workshopId, stamp, "snapshot.take", snapshot.id);
}
