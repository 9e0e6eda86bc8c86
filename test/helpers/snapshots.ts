/** Taking snapshots and reaching their stored blobs (files, or PostgreSQL rows), for the snapshot tests. */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { SnapshotEntry } from "../../shared/snapshot";
import { call } from "./api";
import type { StoreLocation } from "./storedMeta";
import { onDatabase } from "./testDatabase";

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

/** The stored bytes of a snapshot's blob. */
export async function storedSnapshotBytes(
  server: StoreLocation,
  workshopId: string,
  id: string,
): Promise<Buffer> {
  if (!server.databaseUrl) return readFileSync(snapshotBlobFile(server.dataDir, workshopId, id));
  const { rows } = await onDatabase(server.databaseUrl, (c) =>
    c.query<{ body: Buffer }>("SELECT body FROM snapshot_blobs WHERE workshop_id = $1 AND id = $2", [
      workshopId,
      id,
    ]),
  );
  if (!rows[0]) throw new Error(`no stored blob for snapshot ${id}`);
  return rows[0].body;
}

/** Alters a stored blob behind the server's back, replacing `from` by `to` in its JSON. */
export async function tamperSnapshot(
  server: StoreLocation,
  workshopId: string,
  id: string,
  from: string,
  to: string,
): Promise<void> {
  const altered = (await storedSnapshotBytes(server, workshopId, id)).toString("utf8").replace(from, to);
  if (!server.databaseUrl) {
    writeFileSync(snapshotBlobFile(server.dataDir, workshopId, id), altered);
    return;
  }
  await onDatabase(server.databaseUrl, (c) =>
    c.query("UPDATE snapshot_blobs SET body = $3 WHERE workshop_id = $1 AND id = $2", [
      workshopId,
      id,
      Buffer.from(altered),
    ]),
  );
}

/** How many blobs the workshop has stored. */
export async function storedSnapshotCount(server: StoreLocation, workshopId: string): Promise<number> {
  if (!server.databaseUrl) return readdirSync(path.join(server.dataDir, "snapshots", workshopId)).length;
  const { rows } = await onDatabase(server.databaseUrl, (c) =>
    c.query<{ n: number }>("SELECT count(*)::int AS n FROM snapshot_blobs WHERE workshop_id = $1", [
      workshopId,
    ]),
  );
  return rows[0]?.n ?? 0;
}
