/**
 * Document logs in PostgreSQL: one merged state per document (`doc_states`) plus the updates
 * committed since (`doc_updates`, in `seq` order). An append resolves once its row is committed;
 * appends that arrive while one is being written are committed together in the next statement, so
 * a busy room costs one round trip per batch, not per keystroke, and order is kept.
 * Compaction replaces the rows it covers by a new state in one transaction, so a crash at any point
 * leaves either the old rows or the new state, never neither.
 */

import * as Y from "yjs";
import type { RoomName } from "../../../shared/rooms";
import type { DocPersistence } from "../docLog";
import { inTransaction, type Pool } from "./pool";

/** Most updates committed by one INSERT; a longer queue takes several. */
const MAX_BATCH_ROWS = 256;
/** Most bytes committed by one INSERT (a single larger update still goes alone). */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

interface Queued {
  update: Uint8Array;
  resolve(): void;
  reject(err: unknown): void;
}

interface OpenDoc {
  workshopId: string;
  kind: string;
  /** Version of the state row this instance loaded or wrote last (0: none). */
  version: bigint;
  /** Committed rows this instance holds in memory, by seq, with their sizes. */
  known: Map<bigint, number>;
  /** Highest seq committed by or loaded into this instance. */
  lastSeq: bigint;
  bytes: number;
  queue: Queued[];
  writing: boolean;
}

export class PgDocLog implements DocPersistence {
  private readonly docs = new Map<string, OpenDoc>();

  constructor(private readonly pool: Pool) {}

  private key(room: RoomName): string {
    return `${room.workshopId}/${room.kind}`;
  }

  private open(room: RoomName): OpenDoc {
    const doc = this.docs.get(this.key(room));
    if (!doc) throw new Error(`document ${this.key(room)} is not loaded`);
    return doc;
  }

  async load(room: RoomName): Promise<Uint8Array[]> {
    const { state, rows } = await this.readRows(room);
    const doc: OpenDoc = {
      workshopId: room.workshopId,
      kind: room.kind,
      version: state ? BigInt(state.version) : 0n,
      known: new Map(),
      lastSeq: 0n,
      bytes: 0,
      queue: [],
      writing: false,
    };
    const updates: Uint8Array[] = state && state.state.length > 0 ? [state.state] : [];
    for (const row of rows) {
      const seq = BigInt(row.seq);
      doc.known.set(seq, row.data.length);
      doc.lastSeq = seq;
      doc.bytes += row.data.length;
      updates.push(row.data);
    }
    this.docs.set(this.key(room), doc);
    return updates;
  }

  async read(room: RoomName): Promise<Uint8Array[]> {
    const { state, rows } = await this.readRows(room);
    return [...(state && state.state.length > 0 ? [state.state] : []), ...rows.map((r) => r.data)];
  }

  /** The state row and the rows after it, in one snapshot, so a compaction cannot fall between them. */
  private readRows(room: RoomName) {
    const args = [room.workshopId, room.kind];
    return inTransaction(
      this.pool,
      async (client) => {
        const s = await client.query<{ state: Buffer; version: string }>(
          "SELECT state, version FROM doc_states WHERE workshop_id = $1 AND kind = $2",
          args,
        );
        const u = await client.query<{ seq: string; data: Buffer }>(
          "SELECT seq, data FROM doc_updates WHERE workshop_id = $1 AND kind = $2 ORDER BY seq",
          args,
        );
        return { state: s.rows[0], rows: u.rows };
      },
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    );
  }

  append(room: RoomName, update: Uint8Array): Promise<void> {
    const doc = this.open(room);
    return new Promise<void>((resolve, reject) => {
      doc.queue.push({ update, resolve, reject });
      doc.bytes += update.length;
      if (!doc.writing) void this.writeQueued(doc);
    });
  }

  /** Commits the queue batch by batch, in order; a failed batch rejects its own appends only. */
  private async writeQueued(doc: OpenDoc): Promise<void> {
    doc.writing = true;
    while (doc.queue.length > 0) {
      const batch = takeBatch(doc.queue);
      try {
        const values = batch.map((_, i) => `($1, $2, $${i + 3})`).join(", ");
        const { rows } = await this.pool.query<{ seq: string }>(
          `INSERT INTO doc_updates (workshop_id, kind, data) VALUES ${values} RETURNING seq`,
          [doc.workshopId, doc.kind, ...batch.map((q) => q.update)],
        );
        const seqs = rows.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [i, seq] of seqs.entries()) doc.known.set(seq, batch[i]?.update.length ?? 0);
        const last = seqs.at(-1);
        if (last !== undefined && last > doc.lastSeq) doc.lastSeq = last;
        for (const q of batch) q.resolve();
      } catch (err) {
        for (const q of batch) {
          doc.bytes -= q.update.length;
          q.reject(err);
        }
      }
    }
    doc.writing = false;
  }

  pendingBytes(room: RoomName): number {
    return this.docs.get(this.key(room))?.bytes ?? 0;
  }

  async compact(room: RoomName, encodeState: () => Uint8Array): Promise<void> {
    const doc = this.open(room);
    // Every row up to `covered` is committed and applied to the document `encodeState` reads.
    const covered = doc.lastSeq;
    const state = encodeState();
    const args = [doc.workshopId, doc.kind];
    const result = await inTransaction(this.pool, async (client) => {
      // Serialises compactions of this document across instances, even before its state row exists.
      await client.query("SELECT pg_advisory_xact_lock(hashtext($1 || '/' || $2))", args);
      const current = await client.query<{ version: string }>(
        "SELECT version FROM doc_states WHERE workshop_id = $1 AND kind = $2",
        args,
      );
      const version = current.rows[0] ? BigInt(current.rows[0].version) : 0n;
      const deleted = await client.query<{ seq: string; data: Buffer }>(
        "DELETE FROM doc_updates WHERE workshop_id = $1 AND kind = $2 AND seq <= $3 RETURNING seq, data",
        [...args, covered.toString()],
      );
      // Rows or a state written by another instance are folded in, so nothing of theirs is lost.
      const foreign = deleted.rows.filter((r) => !doc.known.has(BigInt(r.seq))).map((r) => r.data);
      const parts: Uint8Array[] = [];
      if (version !== doc.version) {
        const old = await client.query<{ state: Buffer }>(
          "SELECT state FROM doc_states WHERE workshop_id = $1 AND kind = $2",
          args,
        );
        if (old.rows[0]) parts.push(old.rows[0].state);
      }
      const merged = parts.length + foreign.length > 0 ? fold([...parts, ...foreign, state]) : state;
      const next = version + 1n;
      await client.query(
        `INSERT INTO doc_states (workshop_id, kind, state, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workshop_id, kind) DO UPDATE SET state = EXCLUDED.state, version = EXCLUDED.version`,
        [...args, merged, next.toString()],
      );
      return { next, deletedSeqs: deleted.rows.map((r) => BigInt(r.seq)) };
    });
    doc.version = result.next;
    for (const seq of result.deletedSeqs) {
      const size = doc.known.get(seq);
      if (size === undefined) continue;
      doc.known.delete(seq);
      doc.bytes -= size;
    }
  }

  close(room: RoomName): void {
    // Appends still in flight keep their own reference and finish; the room waits for them first.
    this.docs.delete(this.key(room));
  }
}

function takeBatch(queue: Queued[]): Queued[] {
  let bytes = 0;
  let n = 0;
  while (n < queue.length && n < MAX_BATCH_ROWS) {
    const size = queue[n]?.update.length ?? 0;
    if (n > 0 && bytes + size > MAX_BATCH_BYTES) break;
    bytes += size;
    n += 1;
  }
  return queue.splice(0, n);
}

/** Merges updates through a scratch document, which drops what they share. */
function fold(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc({ gc: true });
  try {
    for (const u of updates) Y.applyUpdate(doc, u);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
