/** Bursts of updates sent in one TCP write, and what a raw socket was relayed, for the relay-merging tests. */
import type { Socket } from "node:net";
import * as decoding from "lib0/decoding";
import { expect, vi } from "vitest";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { MESSAGE_SYNC, SYNC_UPDATE, syncMessage, textUpdate } from "./messages";
import type { RawSocket } from "./rawSocket";

/** Writes every frame of each socket in one TCP write per socket, one socket after the other. */
export function sendCorked(bursts: Array<[WebSocket, Uint8Array[]]>): void {
  const sockets = bursts.map(([ws]) => (ws as unknown as { _socket: Socket })._socket);
  for (const socket of sockets) socket.cork();
  for (const [ws, frames] of bursts) for (const frame of frames) ws.send(frame);
  for (const socket of sockets) socket.uncork();
}

export const updates = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => syncMessage(SYNC_UPDATE, textUpdate(`<${prefix}${i}>`)));

/** The sync updates (not step 1 or 2) a raw socket received. */
export function relayedUpdates(raw: RawSocket): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const message of raw.messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) continue;
    if (decoding.readVarUint(decoder) !== SYNC_UPDATE) continue;
    out.push(decoding.readVarUint8Array(decoder));
  }
  return out;
}

export function docOf(parts: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  const text = doc.getText("notes").toString();
  doc.destroy();
  return text;
}

export const markers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `<${prefix}${i}>`);

export function expectAll(text: string, expected: string[]): void {
  const missing = expected.filter((m) => !text.includes(m));
  expect(missing).toEqual([]);
}

/** Open and in its room: the server's sync step 1 arrives once the socket is among the room's. */
export async function inRoom(raw: RawSocket): Promise<RawSocket> {
  await raw.opened;
  await vi.waitFor(() => expect(raw.messages.length).toBeGreaterThan(0));
  return raw;
}
