/**
 * What instances say to each other over Redis. Room channels carry binary frames (lib0): the
 * publisher's instance id, its epoch for the room (one per load), a sequence number per epoch, and
 * the payload. The control channel carries small JSON messages (heartbeats, closes).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { RoomName } from "../../shared/rooms";
import type { SocketFilter } from "./bus";

export const CHANNEL_PREFIX = "riskroom:";
export const CONTROL_CHANNEL = `${CHANNEL_PREFIX}control`;

export const FrameType = {
  /** A committed update (payload: the Yjs update). */
  update: 0,
  /** The publisher's sequence so far, with no update: lets receivers see a gap after a blip. */
  mark: 1,
  /** An awareness update (payload: y-protocols awareness update). */
  awareness: 2,
  /** Asks every instance for the presences it owns in the room (a room just loaded). */
  awarenessQuery: 3,
} as const;

export interface RoomFrame {
  type: number;
  instance: string;
  epoch: string;
  seq: number;
  payload: Uint8Array;
}

export type ControlMessage =
  | { t: "heartbeat"; instance: string }
  | { t: "bye"; instance: string }
  | { t: "close"; instance: string; filter: SocketFilter; code: number; reason: string };

export function roomChannel(name: RoomName): string {
  return `${CHANNEL_PREFIX}room:${name.workshopId}:${name.kind}`;
}

/** The room a channel names, or null for a channel that is not a room's. */
export function roomOfChannel(channel: string): RoomName | null {
  const match = /^riskroom:room:([^:]+):(content|control)$/.exec(channel);
  return match?.[1] && match[2] ? { workshopId: match[1], kind: match[2] as RoomName["kind"] } : null;
}

export function encodeFrame(frame: RoomFrame): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, frame.type);
  encoding.writeVarString(encoder, frame.instance);
  encoding.writeVarString(encoder, frame.epoch);
  encoding.writeVarUint(encoder, frame.seq);
  encoding.writeVarUint8Array(encoder, frame.payload);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Throws on a frame that does not decode (a frame from a foreign publisher on our channel). */
export function decodeFrame(data: Uint8Array): RoomFrame {
  const decoder = decoding.createDecoder(data);
  return {
    type: decoding.readVarUint(decoder),
    instance: decoding.readVarString(decoder),
    epoch: decoding.readVarString(decoder),
    seq: decoding.readVarUint(decoder),
    payload: decoding.readVarUint8Array(decoder),
  };
}

export function parseControl(text: string): ControlMessage | null {
  try {
    const message = JSON.parse(text) as ControlMessage;
    return typeof message === "object" && message !== null && typeof message.instance === "string"
      ? message
      : null;
  } catch {
    return null;
  }
}

/**
 * The client ids an awareness update sets, with the participant its server stamped on each
 * (undefined when the state has none), or null for an id it removes. Bounded by the update's count.
 */
export function awarenessClients(update: Uint8Array): Map<number, string | undefined | null> {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const clients = new Map<number, string | undefined | null>();
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const state = JSON.parse(decoding.readVarString(decoder)) as {
      user?: { participantId?: unknown };
    } | null;
    const participantId = state?.user?.participantId;
    clients.set(
      clientId,
      state === null ? null : typeof participantId === "string" ? participantId : undefined,
    );
  }
  return clients;
}
