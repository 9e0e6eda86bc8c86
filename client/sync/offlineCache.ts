/**
 * The content document kept in this browser's IndexedDB, one database per workshop and
 * participant: a reload shows the room before the socket syncs, and edits made offline survive
 * a closed tab and reach the server on the next connection.
 */
import { clearDocument, IndexeddbPersistence } from "y-indexeddb";
import type * as Y from "yjs";

function cacheName(workshopId: string, participantId: string): string {
  return `riskroom:${workshopId}:${participantId}`;
}

export function openOfflineCache(
  doc: Y.Doc,
  workshopId: string,
  participantId: string,
): IndexeddbPersistence {
  return new IndexeddbPersistence(cacheName(workshopId, participantId), doc);
}

/** For a person who leaves a workshop for good on this device (e.g. after their access was revoked). */
export function deleteOfflineCache(workshopId: string, participantId: string): Promise<void> {
  return clearDocument(cacheName(workshopId, participantId));
}
