/** Timeline rounds in PostgreSQL: one row per workshop, written in one transaction holding its lock. */
import { DomainError, StoreUnavailable } from "../../domainErrors";
import type { DecideTimeline, TimelineRoundRecord, TimelineStore } from "../timelineRecords";
import { inTransaction, type Pool } from "./pool";

export class PgTimelineStore implements TimelineStore {
  constructor(private readonly pool: Pool) {}

  timelineRounds(workshopId: string): Promise<TimelineRoundRecord[]> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{ rounds: TimelineRoundRecord[] }>(
        "SELECT rounds FROM timelines WHERE workshop_id = $1",
        [workshopId],
      );
      return rows[0]?.rounds ?? [];
    });
  }

  writeTimeline<R>(workshopId: string, decide: DecideTimeline<R>): Promise<R> {
    return guarded(() =>
      inTransaction(this.pool, async (client) => {
        await client.query(
          "INSERT INTO timelines (workshop_id, rounds) VALUES ($1, '[]'::jsonb) ON CONFLICT DO NOTHING",
          [workshopId],
        );
        const { rows } = await client.query<{ rounds: TimelineRoundRecord[] }>(
          "SELECT rounds FROM timelines WHERE workshop_id = $1 FOR UPDATE",
          [workshopId],
        );
        const { rounds, result } = decide(rows[0]?.rounds ?? []);
        await client.query("UPDATE timelines SET rounds = $2 WHERE workshop_id = $1", [
          workshopId,
          JSON.stringify(rounds),
        ]);
        return result;
      }),
    );
  }
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    console.error("PostgreSQL timeline operation failed:", err);
    throw new StoreUnavailable("the timeline store is unavailable; nothing was changed, try again", {
      cause: err,
    });
  }
}
