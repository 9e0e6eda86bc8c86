/**
 * Snapshot blobs on disk, one JSON file each under `<dataDir>/snapshots/<workshopId>/`, written once
 * (tmp, fsync, rename) and checked against their SHA-256 on every read.
 */
import { createHash } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";

export class SnapshotCorrupt extends Error {}

export class SnapshotStore {
  constructor(private readonly dataDir: string) {}

  private file(workshopId: string, id: string): string {
    return path.join(this.dataDir, "snapshots", workshopId, `${id}.json`);
  }

  /** Writes the blob and returns its hash and size. Never overwrites an existing snapshot. */
  write(workshopId: string, id: string, blob: unknown): { sha256: string; bytes: number } {
    const data = Buffer.from(JSON.stringify(blob));
    const file = this.file(workshopId, id);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    const fd = openSync(tmp, "wx");
    try {
      let off = 0;
      while (off < data.length) off += writeSync(fd, data, off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    return { sha256: sha256(data), bytes: data.length };
  }

  /** Reads a blob, refusing it when its bytes no longer match the hash taken when it was written. */
  read(workshopId: string, id: string, expectedSha256: string): unknown {
    const data = readFileSync(this.file(workshopId, id));
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
