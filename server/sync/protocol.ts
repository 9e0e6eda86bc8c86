/**
 * The y-websocket protocol as the server reads it: sync (step 1, step 2, update), awareness and
 * awareness query. Headers are decoded with lib0, so an over-long varint is read as the number it
 * encodes; anything that does not decode exactly is malformed and closes that one connection.
 */
import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { gateAwarenessUpdate } from "./awarenessGate";
import type { Connection } from "./connection";
import { MalformedMessage, UpdateRefused } from "./errors";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, type Room } from "./room";
import { scanUpdate } from "./updateScan";

export { MalformedMessage, UpdateRefused };

export function handleMessage(room: Room, conn: Connection, data: Uint8Array): void {
  const decoder = decoding.createDecoder(data);
  const type = read(() => decoding.readVarUint(decoder));
  switch (type) {
    case MESSAGE_SYNC:
      handleSync(room, conn, decoder);
      return;
    case MESSAGE_AWARENESS: {
      const update = read(() => decoding.readVarUint8Array(decoder));
      expectEnd(decoder);
      const gated = read(() =>
        gateAwarenessUpdate(update, conn, room.awarenessOwners, room.doc.clientID, room.knownRemoteClients),
      );
      if (!gated) return;
      if (conn.rates.take("awareness")) awarenessProtocol.applyAwarenessUpdate(room.awareness, gated, conn);
      else holdAwareness(room, conn, gated);
      return;
    }
    case MESSAGE_QUERY_AWARENESS:
      expectEnd(decoder);
      conn.send(room.awarenessMessage([...room.awareness.getStates().keys()]));
      return;
    default:
      throw new MalformedMessage(`unknown message type ${type}`);
  }
}

/**
 * Over its awareness rate, a connection's updates are not relayed as they come: the latest one
 * waits and is applied when the rate allows (presence is latest-wins), so a fast typist's caret is
 * never dropped for good and a flood reaches the room at the rate, not as sent.
 */
function holdAwareness(room: Room, conn: Connection, gated: Uint8Array): void {
  const waiting = conn.heldAwareness !== null;
  conn.heldAwareness = gated;
  if (waiting) return;
  const flush = (): void => {
    const held = conn.heldAwareness;
    if (!held || !conn.open) {
      conn.heldAwareness = null;
      return;
    }
    if (!conn.rates.take("awareness")) {
      conn.awarenessTimer = setTimeout(flush, conn.awarenessRetryMs).unref();
      return;
    }
    conn.heldAwareness = null;
    awarenessProtocol.applyAwarenessUpdate(room.awareness, held, conn);
  };
  conn.awarenessTimer = setTimeout(flush, conn.awarenessRetryMs).unref();
}

function handleSync(room: Room, conn: Connection, decoder: decoding.Decoder): void {
  const syncType = read(() => decoding.readVarUint(decoder));
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = read(() => decoding.readVarUint8Array(decoder));
      expectEnd(decoder);
      read(() => Y.decodeStateVector(stateVector));
      room.sendSyncStep2(conn, stateVector);
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      // Read-only peers' writes are dropped before their payload is even read: never applied, relayed or stored.
      if (!conn.canWrite(room.name.kind)) return;
      const update = read(() => decoding.readVarUint8Array(decoder));
      expectEnd(decoder);
      // Counted before decoding, because decoding some well-formed updates is itself costly.
      read(() => scanUpdate(update, room.limits));
      // Decoding first means a malformed update is refused whole instead of half-applied; the
      // decoded structs are what the limits are checked on.
      const decoded = read(() => Y.decodeUpdate(update));
      room.applyClientUpdate(update, decoded, conn);
      return;
    }
    default:
      throw new MalformedMessage(`unknown sync message type ${syncType}`);
  }
}

function read<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof MalformedMessage || err instanceof UpdateRefused) throw err;
    throw new MalformedMessage(err instanceof Error ? err.message : "undecodable message");
  }
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessage("trailing bytes after message");
}
