/**
 * Filters a client's awareness update before it reaches the room: a connection may set only the
 * states of client ids it owns, and the `user` it shows is the one its session says it is.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CloseCode, MAX_AWARENESS_IDS_PER_CONNECTION } from "../../shared/limits";
import { colorFor, isHexColor, type PresenceUser } from "../../shared/presence";
import type { Connection } from "./connection";
import { MalformedMessage, UpdateRefused } from "./errors";

export { MalformedMessage };

/** Who owns which awareness client id in one room. */
export type AwarenessOwners = Map<number, Connection>;

/** Awareness client ids held by other instances' connections (set by the room bus), with whose they are. */
export type RemoteClients = Map<number, { instance: string; participantId: string | undefined }>;

/** Read only in effect: `claimRemote` deletes only an id it found. */
const NO_REMOTE_CLIENTS: RemoteClients = new Map();

/**
 * Returns the update to apply (re-encoded), or null when nothing in it may be applied. A state over
 * the connection's MAX_AWARENESS_STATE_BYTES refuses the whole update, so no joiner is handed one.
 */
export function gateAwarenessUpdate(
  update: Uint8Array,
  conn: Connection,
  owners: AwarenessOwners,
  serverClientId: number,
  remote: RemoteClients = NO_REMOTE_CLIENTS,
): Uint8Array | null {
  const maxStateBytes = conn.limits.maxAwarenessStateBytes;
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const encoder = encoding.createEncoder();
  const accepted: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    // UTF-16 units never exceed UTF-8 bytes: a cheap first test before the exact one below.
    if (raw.length > maxStateBytes) throw stateTooLarge(maxStateBytes);
    let state: unknown;
    try {
      state = JSON.parse(raw);
    } catch {
      throw new MalformedMessage("awareness state is not JSON");
    }
    if (!claimRemote(clientId, conn, remote)) continue;
    if (!claim(clientId, state === null, conn, owners, serverClientId)) continue;
    const stamped = JSON.stringify(stamp(state, conn));
    if (Buffer.byteLength(stamped) > maxStateBytes) throw stateTooLarge(maxStateBytes);
    accepted.push([clientId, clock, stamped]);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage("trailing bytes after awareness update");
  if (accepted.length === 0) return null;
  encoding.writeVarUint(encoder, accepted.length);
  for (const [clientId, clock, state] of accepted) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

function stateTooLarge(max: number): UpdateRefused {
  return new UpdateRefused(CloseCode.tooLarge, `awareness state over ${max} bytes`);
}

/**
 * An id another instance holds may be taken over only by the same participant (a client that
 * reconnected here after its instance died); from then on it is this instance's.
 */
function claimRemote(clientId: number, conn: Connection, remote: RemoteClients): boolean {
  const held = remote.get(clientId);
  if (!held) return true;
  if (held.participantId !== conn.identity.participantId) return false;
  remote.delete(clientId);
  return true;
}

function claim(
  clientId: number,
  removal: boolean,
  conn: Connection,
  owners: AwarenessOwners,
  serverClientId: number,
): boolean {
  if (clientId === serverClientId) return false;
  const owner = owners.get(clientId);
  if (owner === conn) return true;
  // A "gone" for an id nobody holds claims nothing: y-websocket clients echo every departure they
  // hear of, and such an echo must not make the echoing connection the owner of the departed
  // client's id, which would refuse that client's own presence when it reconnects.
  if (!owner && removal) return false;
  // A client that reconnects keeps its id while the server may not yet have seen its old socket
  // go: the same session takes the id over, so its presence does not vanish until that socket
  // times out, and the old socket's end no longer removes it. Another session never can.
  if (owner && owner.identity.sessionHash !== conn.identity.sessionHash) return false;
  if (conn.clientIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION) return false;
  owner?.clientIds.delete(clientId);
  owners.set(clientId, conn);
  conn.clientIds.add(clientId);
  return true;
}

/** Replaces whatever the client claims about who it is with what its session says. */
function stamp(state: unknown, conn: Connection): unknown {
  if (state === null) return null;
  const base = typeof state === "object" && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  const claimed = base.user as Record<string, unknown> | undefined;
  const { participantId, displayName, role } = conn.identity;
  const user: PresenceUser = {
    participantId,
    name: displayName,
    role,
    color: isHexColor(claimed?.color) ? claimed.color : colorFor(participantId),
  };
  return { ...base, user };
}
