/**
 * The embedded store's workshops in memory, the most recently used up to a limit; the others are
 * read from their file again when asked for, so memory does not grow with every workshop ever
 * touched. Only ids in the token index are looked up, so no path comes from a request.
 */
import { Low } from "lowdb";
import { DurableJsonFile } from "./durableFile";
import { deepFreeze } from "./freeze";
import type { KeyedQueue } from "./keyedQueue";
import type { TokenIndex } from "./tokenIndex";
import { checkWorkshopMeta, type WorkshopMeta, workshopMetaFile } from "./workshopMeta";

export type Slot = Low<WorkshopMeta>;

/** How many workshops stay in memory by default. */
export const DEFAULT_CACHED_WORKSHOPS = 500;

export class WorkshopCache {
  private readonly slots = new Map<string, Promise<Slot | null>>();

  constructor(
    private readonly dataDir: string,
    private readonly index: TokenIndex,
    /** The store's write queues: a workshop with a write queued or running is never evicted. */
    private readonly queue: KeyedQueue,
    private readonly limit: number,
  ) {}

  /** The workshop's slot, loaded when not in memory; null for an unknown or never-written workshop. */
  get(workshopId: string): Promise<Slot | null> {
    let slot = this.slots.get(workshopId);
    // Map order is use order: a workshop used again moves to the end.
    if (slot) this.slots.delete(workshopId);
    else {
      if (!this.index.workshops.has(workshopId)) return Promise.resolve(null);
      slot = this.load(workshopId);
    }
    this.put(workshopId, slot);
    return slot;
  }

  /** A workshop just created: its slot is the one every later read and write must find. */
  add(workshopId: string, slot: Slot): void {
    this.put(workshopId, Promise.resolve(slot));
  }

  private put(workshopId: string, slot: Promise<Slot | null>): void {
    this.slots.set(workshopId, slot);
    this.evict();
  }

  /**
   * Forgets the least recently used workshops over the limit. One with a write queued or running
   * stays: that write changes its slot, which must be the one every later read and write finds.
   */
  private evict(): void {
    if (this.slots.size <= this.limit) return;
    for (const id of this.slots.keys()) {
      if (this.slots.size <= this.limit) return;
      if (!this.queue.busy(id)) this.slots.delete(id);
    }
  }

  private async load(workshopId: string): Promise<Slot | null> {
    const adapter = new DurableJsonFile(workshopMetaFile(this.dataDir, workshopId), checkWorkshopMeta);
    const data = await adapter.read();
    // Indexed but never written: a creation that failed or was cut short.
    if (data === null) return null;
    return new Low(adapter, deepFreeze(data));
  }
}
