/**
 * Seeded generation of hostile and honest document updates for the fuzz test and the bench: honest
 * edits of an author document that follows what the server accepted, structs and delete sets of
 * valid structure with hostile counts, clocks, clients and lengths, those with bytes flipped, and
 * random bytes. The same seed gives the same inputs for the same outcomes.
 */
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { mulberry32 } from "../../shared/estimation/random";
import { SYNC_STEP_2, SYNC_UPDATE, seededBytes, syncMessage } from "./messages";

export interface FuzzInput {
  kind: "honest" | "crafted" | "deletes" | "flipped" | "noise" | "raw";
  /** The whole websocket message. */
  frame: Uint8Array;
  /** The Yjs update inside it, when it decodes as one (to apply to the model if accepted). */
  update?: Uint8Array;
}

/** The project's own seeded generator, so a printed seed replays the same corpus. */
export const rng = mulberry32;

const ROOTS = ["notes", "scenarios", "risks", "narrative", "x"];

export class FuzzCorpus {
  /** Follows the server's document (every accepted input is applied here too), to pick clocks from. */
  readonly model = new Y.Doc();
  /** Makes the honest edits; it has every accepted update, and its own edits even if refused. */
  private author = new Y.Doc();
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = rng(seed);
    this.author.clientID = 1 + Math.floor(this.random() * 2 ** 31);
  }

  /** Applies an update the server accepted to the model (and the author, which edits from it). */
  accepted(update: Uint8Array): void {
    this.known = null;
    try {
      Y.applyUpdate(this.model, update);
    } catch {
      // Yjs can throw on structs the model holds pending that the server, read again from disk
      // after such a throw, no longer holds. The model only guides the generator: carry on.
    }
    try {
      Y.applyUpdate(this.author, update);
    } catch {
      // The author's own edits are applied before the server answers, and an update that is fine
      // for the server's state can make Yjs throw on the author's: start it again from the model.
      this.restartAuthor();
    }
  }

  /** An honest edit the server refused stays out of the author, so later ones do not depend on it. */
  refused(input: FuzzInput): void {
    if (input.kind === "honest") this.restartAuthor();
  }

  private restartAuthor(): void {
    const id = this.author.clientID;
    this.author = new Y.Doc();
    this.author.clientID = id;
    Y.applyUpdate(this.author, Y.encodeStateAsUpdate(this.model));
  }

  private known: number[] | null = null;

  private knownClients(): number[] {
    this.known ??= [...this.model.store.clients.keys()];
    return this.known;
  }

  next(): FuzzInput {
    const r = this.random();
    if (r < 0.35) return this.wrap("honest", this.honest());
    if (r < 0.65) return this.wrap("crafted", this.crafted());
    if (r < 0.75) return this.wrap("deletes", this.deletes());
    if (r < 0.87) return this.flipped();
    if (r < 0.95) return { kind: "noise", frame: syncMessage(SYNC_UPDATE, this.bytes(1 + this.int(300))) };
    const raw = this.bytes(1 + this.int(64));
    // Not an awareness message: the driver reads the next awareness message as its query's answer.
    if (raw[0] === 1) raw[0] = 7;
    return { kind: "raw", frame: raw };
  }

  private wrap(kind: FuzzInput["kind"], update: Uint8Array): FuzzInput {
    return { kind, update, frame: syncMessage(this.random() < 0.2 ? SYNC_STEP_2 : SYNC_UPDATE, update) };
  }

  /** An edit a real client would make, against what the server holds. */
  private honest(): Uint8Array {
    const updates: Uint8Array[] = [];
    const collect = (u: Uint8Array) => updates.push(u);
    this.author.on("update", collect);
    this.author.transact(() => {
      const text = this.author.getText("notes");
      const n = 1 + this.int(3);
      for (let i = 0; i < n; i++) {
        if (text.length > 10 && this.random() < 0.35) text.delete(this.int(text.length - 5), 1 + this.int(4));
        else if (this.random() < 0.2) this.author.getMap("scenarios").set(`s${this.int(50)}`, this.int(1000));
        else text.insert(this.int(text.length + 1), "abcdefgh".slice(0, 1 + this.int(8)));
      }
    });
    this.author.off("update", collect);
    // Kept in the author even if the server refuses it: later honest edits then depend on what the
    // server lacks, which is one more way to reach its pending bounds.
    return updates[0] ?? new Uint8Array([0, 0]);
  }

  /** Structs of valid layout with hostile numbers. */
  private crafted(): Uint8Array {
    const e = new Y.UpdateEncoderV1();
    const huge = this.random() < 0.005;
    const clients = huge ? 1 + this.int(1_500) : 1 + this.int(4);
    encoding.writeVarUint(e.restEncoder, clients);
    for (let c = 0; c < clients; c++) {
      const client = this.client();
      const count = huge ? 1 : this.random() < 0.005 ? this.int(25_000) : 1 + this.int(6);
      encoding.writeVarUint(e.restEncoder, count);
      e.writeClient(client);
      encoding.writeVarUint(e.restEncoder, this.clockFor(client));
      for (let i = 0; i < count; i++) this.struct(e, client);
    }
    this.writeDeletes(e, this.random() < 0.5 ? 0 : 1 + this.int(3));
    return e.toUint8Array();
  }

  /** A delete set alone: counts, clocks and lengths anywhere from sensible to absurd. */
  private deletes(): Uint8Array {
    const e = new Y.UpdateEncoderV1();
    encoding.writeVarUint(e.restEncoder, 0);
    this.writeDeletes(e, 1 + this.int(3));
    return e.toUint8Array();
  }

  private writeDeletes(e: Y.UpdateEncoderV1, clients: number): void {
    encoding.writeVarUint(e.restEncoder, clients);
    for (let c = 0; c < clients; c++) {
      const client = this.client();
      const ranges = this.random() < 0.005 ? this.int(70_000) : 1 + this.int(20);
      e.resetDsCurVal();
      encoding.writeVarUint(e.restEncoder, client);
      encoding.writeVarUint(e.restEncoder, ranges);
      const state = Y.getState(this.model.store, client);
      for (let i = 0; i < ranges; i++) {
        e.writeDsClock(this.random() < 0.7 ? this.int(state + 3) : this.pick([2 ** 31, 1e9, 2 ** 40]));
        e.writeDsLen(this.pick([0, 1, 1, 2, 5, this.int(100), 2 ** 32]));
      }
    }
  }

  private struct(e: Y.UpdateEncoderV1, client: number): void {
    const r = this.random();
    if (r < 0.08) {
      e.writeInfo(0); // GC
      e.writeLen(this.pick([0, 1, 3, 2 ** 31]));
      return;
    }
    if (r < 0.12) {
      e.writeInfo(10); // Skip
      encoding.writeVarUint(e.restEncoder, this.pick([0, 1, 7, 1e9]));
      return;
    }
    const content = this.pick([1, 2, 3, 4, 4, 4, 5, 6, 7, 8, 9]);
    const origin = this.random() < 0.5;
    const right = this.random() < 0.3;
    const sub = !origin && !right && this.random() < 0.3;
    e.writeInfo(content | (origin ? 128 : 0) | (right ? 64 : 0) | (sub ? 32 : 0));
    if (origin) e.writeLeftID(this.id(client));
    if (right) e.writeRightID(this.id(client));
    if (!origin && !right) {
      const root = this.random() < 0.8;
      e.writeParentInfo(root);
      if (root) e.writeString(this.pick(ROOTS));
      else e.writeLeftID(this.id(client));
      if (sub) e.writeString(`k${this.int(5)}`);
    }
    this.content(e, content);
  }

  private content(e: Y.UpdateEncoderV1, ref: number): void {
    switch (ref) {
      case 1:
        e.writeLen(this.pick([0, 1, 4, 2 ** 31]));
        return;
      case 2:
        e.writeLen(1);
        e.writeString(this.random() < 0.5 ? '{"a":1}' : "undefined");
        return;
      case 3:
        e.writeBuf(this.bytes(this.int(16)));
        return;
      case 5:
        e.writeJSON({ embed: this.int(9) });
        return;
      case 6:
        e.writeKey("bold");
        e.writeJSON(this.random() < 0.5 ? true : null);
        return;
      case 7: {
        const type = this.int(7);
        e.writeTypeRef(type);
        if (type === 3 || type === 5) e.writeKey("p");
        return;
      }
      case 8: {
        const n = this.pick([0, 1, 3]);
        e.writeLen(n);
        for (let i = 0; i < n; i++) e.writeAny(this.int(100));
        return;
      }
      case 9:
        e.writeString(`sub-${this.int(4)}`);
        e.writeAny({});
        return;
      default:
        e.writeString("xyz".repeat(this.pick([0, 1, 1, 5, 300])));
        return;
    }
  }

  /** An honest update with a few bytes changed. */
  private flipped(): FuzzInput {
    const update = Uint8Array.from(this.random() < 0.5 ? this.honest() : this.crafted());
    const flips = 1 + this.int(3);
    for (let i = 0; i < flips; i++) update[this.int(update.length)] = this.int(256);
    return { kind: "flipped", update, frame: syncMessage(SYNC_UPDATE, update) };
  }

  private client(): number {
    const known = this.knownClients();
    const r = this.random();
    if (r < 0.5 && known.length > 0) return this.pick(known);
    if (r < 0.6) return this.author.clientID;
    if (r < 0.97) return 1 + this.int(2 ** 31);
    return this.pick([0, 2 ** 32 - 1, 2 ** 45]);
  }

  private clockFor(client: number): number {
    const state = Y.getState(this.model.store, client);
    return this.pick([
      state,
      state,
      state,
      0,
      this.int(state + 1),
      state + 1 + this.int(5),
      1e9,
      2 ** 32 - 1,
    ]);
  }

  /** An id to point an origin or parent at: one that exists, one just past, one far off, or its own. */
  private id(own: number): Y.ID {
    const client = this.random() < 0.2 ? own : this.client();
    const state = Y.getState(this.model.store, client);
    return Y.createID(
      client,
      this.pick([this.int(state + 1), Math.max(0, state - 1), state, state + 50, 2 ** 31]),
    );
  }

  private bytes(n: number): Uint8Array {
    return seededBytes(n, 1 + this.int(2 ** 31));
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(items: T[]): T {
    return items[this.int(items.length)] as T;
  }
}
