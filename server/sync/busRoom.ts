/**
 * One room as the Redis bus follows it on this instance: this instance's own sequence for the room
 * (an epoch per load, a number per published update), the sequences it has seen from each other
 * publisher, and the heal from the store that a gap calls for.
 */
import { randomBytes } from "node:crypto";
import * as Y from "yjs";
import { roomName } from "../../shared/rooms";
import type { DocPersistence } from "../store/docLog";
import { FrameType, type RoomFrame } from "./redisWire";
import type { Room } from "./room";

export class BusRoom {
  readonly epoch = randomBytes(6).toString("base64url");
  /** Updates this instance has published for the room in this epoch. */
  seq = 0;
  /** Highest sequence seen per publisher epoch (`instance/epoch`). */
  private readonly seen = new Map<string, number>();
  private healing = false;
  private healAgain = false;
  detached = false;

  constructor(
    readonly room: Room,
    private readonly persistence: Pick<DocPersistence, "read">,
  ) {}

  /**
   * An update frame consumes its publisher's next sequence number; every other frame carries the
   * number of the last update published before it. So an update past `last + 1`, or any other frame
   * past `last`, means an update was lost: heal. A publisher's first frame sets its baseline
   * (whatever it published before was published before this room was subscribed, so it is in what
   * was loaded), except a `mark`, which is sent only after frames were dropped while Redis was away.
   */
  checkSequence(frame: RoomFrame): void {
    const publisher = `${frame.instance}/${frame.epoch}`;
    const last = this.seen.get(publisher);
    const next = frame.type === FrameType.update ? frame.seq : Math.max(frame.seq, last ?? 0);
    if (last === undefined || next > last) this.seen.set(publisher, next);
    const lost =
      last === undefined
        ? frame.type === FrameType.mark
        : frame.type === FrameType.update
          ? frame.seq > last + 1
          : frame.seq > last;
    if (lost) void this.heal();
  }

  /** A departed instance's sequences are of no more use. */
  forget(instance: string): void {
    for (const publisher of this.seen.keys())
      if (publisher.startsWith(`${instance}/`)) this.seen.delete(publisher);
  }

  /**
   * Reads the room from the store and applies what this instance lacks (by state vector), never
   * guessing; one heal at a time, and one more if asked again meanwhile.
   */
  async heal(): Promise<void> {
    if (this.healing) {
      this.healAgain = true;
      return;
    }
    this.healing = true;
    try {
      do {
        this.healAgain = false;
        const stored = await this.persistence.read(this.room.name);
        if (this.detached || this.room.broken) return;
        const diff = Y.diffUpdate(Y.mergeUpdates(stored), Y.encodeStateVector(this.room.doc));
        this.room.applyRemote(diff);
      } while (this.healAgain);
    } catch (err) {
      console.error(`healing ${roomName(this.room.name)} from the store failed`, err);
    } finally {
      this.healing = false;
    }
  }
}
