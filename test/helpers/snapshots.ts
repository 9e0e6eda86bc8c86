/** Taking snapshots and reaching their blobs on disk, for the snapshot tests. */
import path from "node:path";
import { expect } from "vitest";
import type { SnapshotEntry } from "../../shared/snapshot";
import { call } from "./api";

/** Takes a named snapshot through the API and expects it taken. */
export async function takeSnapshot(
  baseUrl: string,
  route: string,
  token: string,
  label: string,
): Promise<SnapshotEntry> {
  const res = await call<{ snapshot: SnapshotEntry }>(baseUrl, "POST", `${route}/snapshots`, {
    token,
    body: { label },
  });
  expect(res.status).toBe(201);
  return res.body.snapshot;
}

/** Where a snapshot's blob is stored under a data directory. */
export const snapshotBlobFile = (dataDir: string, workshopId: string, id: string): string =>
  path.join(dataDir, "snapshots", workshopId, `${id}.json`);
