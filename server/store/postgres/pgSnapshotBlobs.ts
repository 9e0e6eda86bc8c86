/**
 * Snapshot blobs in PostgreSQL, so every instance on one database can read every snapshot: the
 * exact JSON bytes hashed when taken, inserted once, checked against their SHA-256 on every read.
 */
import { createHash } from "node:crypto";
import { StoreUnavailable } from "../../domainErrors";
import type { SnapshotBlobs } from "../repository";
import { SnapshotCorrupt } from "../snapshotStore";
import type { Pool } from "./pool";

export class PgSnapshotBlobs implements SnapshotBlobs {
  constructor(private readonly pool: Pool) {}

  async write(workshopId: string, id: string, blob: unknown): Promise<{ sha256: string; bytes: number }> {
    const data = Buffer.from(JSON.stringify(blob));
    let inserted: number | null;
    try {
      ({ rowCount: inserted } = await this.pool.query(
        "INSERT INTO snapshot_blobs (workshop_id, id, body) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [workshopId, id, data],
      ));
    } catch (err) {
      throw new StoreUnavailable("the snapshot could not be stored; nothing was changed, try again", {
        cause: err,
      });
    }
    if (inserted !== 1) throw new Error(`snapshot ${id} exists already; snapshots are never overwritten`);
    return { sha256: sha256(data), bytes: data.length };
  }

  async read(workshopId: string, id: string, expectedSha256: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ body: Buffer }>(
      "SELECT body FROM snapshot_blobs WHERE workshop_id = $1 AND id = $2",
      [workshopId, id],
    );
    const data = rows[0]?.body;
    if (!data) throw Object.assign(new Error(`snapshot ${id} is missing`), { code: "ENOENT" });
    const actual = sha256(data);
    if (actual !== expectedSha256)
      throw new SnapshotCorrupt(
        `snapshot ${id} does not match its recorded SHA-256 (expected ${expectedSha256}, found ${actual})`,
      );
    return JSON.parse(data.toString("utf8"));
  }
}

function sha256(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
