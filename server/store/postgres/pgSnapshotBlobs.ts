/**
 * Snapshot blobs in PostgreSQL, so every instance on one database can read every snapshot: the
 * exact JSON bytes hashed when taken, inserted once, checked against their SHA-256 on every read.
 */
import { StoreUnavailable } from "../../domainErrors";
import { parseVerified, sha256 } from "../blobIntegrity";
import type { SnapshotBlobs } from "../repository";
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
    return parseVerified(id, data, expectedSha256);
  }
}
