/**
 * Timeline rounds in the embedded store: `<dataDir>/workshops/<id>/timeline.json`, replaced whole by
 * a durable write in that workshop's own queue, so a write reads what it replaces and costs what the
 * workshop's timeline rounds hold.
 */
import path from "node:path";
import { StoreCorrupt, StoreUnavailable } from "../../domainErrors";
import { writeDurable } from "../durableWrite";
import type { DecideTimeline, TimelineRoundRecord, TimelineStore } from "../timelineRecords";
import { readJsonStrict } from "./durableFile";
import { deepFreeze } from "./freeze";
import { KeyedQueue } from "./keyedQueue";

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class EmbeddedTimelineStore implements TimelineStore {
  private readonly queue = new KeyedQueue();

  constructor(private readonly dataDir: string) {}

  private file(workshopId: string): string {
    return path.join(this.dataDir, "workshops", workshopId, "timeline.json");
  }

  async timelineRounds(workshopId: string): Promise<TimelineRoundRecord[]> {
    if (!SAFE_ID.test(workshopId)) return [];
    const value = (await readJsonStrict(this.file(workshopId))) as { rounds?: unknown } | null;
    if (value === null) return [];
    if (!Array.isArray(value.rounds))
      throw new StoreCorrupt(`${this.file(workshopId)} holds no timeline rounds`);
    return deepFreeze(value.rounds as TimelineRoundRecord[]);
  }

  writeTimeline<R>(workshopId: string, decide: DecideTimeline<R>): Promise<R> {
    return this.queue.run(workshopId, async () => {
      const { rounds, result } = decide(await this.timelineRounds(workshopId));
      try {
        await writeDurable(this.file(workshopId), JSON.stringify({ rounds }));
      } catch (err) {
        throw new StoreUnavailable("the timeline round could not be stored; nothing was changed, try again", {
          cause: err,
        });
      }
      return result;
    });
  }

  close(): Promise<void> {
    return this.queue.idle();
  }
}
