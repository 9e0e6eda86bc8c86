/**
 * Snapshot blobs on disk, one JSON file each under `<dataDir>/snapshots/<workshopId>/`, written once
 * (tmp, fsync, rename, fsync of the directory) and checked against their SHA-256 on every read.
 */
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseVerified, sha256 } from "./blobIntegrity";
import { writeDurable } from "./durableWrite";
import type { SnapshotBlobs } from "./repository";

export class SnapshotStore implements SnapshotBlobs {
  constructor(private readonly dataDir: string) {}

  private file(workshopId: string, id: string): string {
    return path.join(this.dataDir, "snapshots", workshopId, `${id}.json`);
  }

  /** Writes the blob and returns its hash and size. Never overwrites an existing snapshot. */
  async write(workshopId: string, id: string, blob: unknown): Promise<{ sha256: string; bytes: number }> {
    const data = Buffer.from(JSON.stringify(blob));
    const file = this.file(workshopId, id);
    await mkdir(path.dirname(file), { recursive: true });
    await writeDurable(file, data, { exclusive: true });
    return { sha256: sha256(data), bytes: data.length };
  }

  /** Reads a blob, refusing it when its bytes no longer match the hash taken when it was written. */
  async read(workshopId: string, id: string, expectedSha256: string): Promise<unknown> {
    return parseVerified(id, await readFile(this.file(workshopId, id)), expectedSha256);
  }
}
