/**
 * Snapshot blobs on disk, one JSON file each under `<dataDir>/snapshots/<workshopId>/`, written once
 * (tmp, fsync, rename, fsync of the directory) and checked against their SHA-256 on every read.
 */
import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { syncDir } from "./embedded/durableFile";
import type { SnapshotBlobs } from "./repository";

export class SnapshotCorrupt extends Error {}

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
    const tmp = `${file}.tmp`;
    const handle = await open(tmp, "wx");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    await syncDir(path.dirname(file));
    return { sha256: sha256(data), bytes: data.length };
  }

  /** Reads a blob, refusing it when its bytes no longer match the hash taken when it was written. */
  async read(workshopId: string, id: string, expectedSha256: string): Promise<unknown> {
    const data = await readFile(this.file(workshopId, id));
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
