/** Scenario dissent in PostgreSQL; each write runs in a transaction holding its workshop's row lock. */
import type { ScenarioDissentRecord } from "../records";
import type { AuditStamp, ScenarioDissentState } from "../repository";
import type { PoolClient } from "./pool";
import { appendAuditRow, type Db, records } from "./sql";

export async function scenarioDissentOf(db: Db, workshopId: string): Promise<ScenarioDissentState> {
  const notes = await records<ScenarioDissentRecord>(
    db,
    "SELECT record FROM scenario_dissent WHERE workshop_id = $1 ORDER BY n",
    [workshopId],
  );
  const { rows } = await db.query<{ at: string }>(
    "SELECT at FROM scenario_dissent_takeover WHERE workshop_id = $1",
    [workshopId],
  );
  return rows[0] ? { notes, takenOverAt: rows[0].at } : { notes };
}

async function insertNote(client: PoolClient, note: ScenarioDissentRecord): Promise<void> {
  await client.query(
    "INSERT INTO scenario_dissent (workshop_id, id, scenario_id, record) VALUES ($1, $2, $3, $4)",
    [note.workshopId, note.id, note.scenarioId, note],
  );
}

export async function addScenarioDissent(
  client: PoolClient,
  note: ScenarioDissentRecord,
  stamp: AuditStamp,
): Promise<ScenarioDissentRecord> {
  await insertNote(client, note);
  await appendAuditRow(client, note.workshopId, stamp, "scenario.dissent", note.scenarioId);
  return note;
}

export async function takeOverScenarioDissent(
  client: PoolClient,
  workshopId: string,
  notes: ScenarioDissentRecord[],
  stamp: AuditStamp,
): Promise<boolean> {
  const taken = await client.query(
    "INSERT INTO scenario_dissent_takeover (workshop_id, at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    [workshopId, stamp.at],
  );
  if (taken.rowCount === 0) return false;
  for (const note of notes) await insertNote(client, note);
  // Taking over nothing (every workshop made by this version) is bookkeeping, not an action.
  if (notes.length > 0)
    await appendAuditRow(client, workshopId, stamp, "scenario.dissent.takeover", `${notes.length} notes`);
  return true;
}
