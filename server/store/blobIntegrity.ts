/** Snapshot blobs are kept with the SHA-256 of their bytes and refused on read when it no longer matches. */
import { createHash } from "node:crypto";

export class SnapshotCorrupt extends Error {}

export function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The blob's JSON, once its bytes are shown to be those hashed when it was written. */
export function parseVerified(id: string, data: Buffer, expectedSha256: string): unknown {
  const actual = sha256(data);
  if (actual !== expectedSha256)
    throw new SnapshotCorrupt(
      `snapshot ${id} does not match its recorded SHA-256 (expected ${expectedSha256}, found ${actual})`,
    );
  return JSON.parse(data.toString("utf8"));
}
