import type { Duplex } from "node:stream";
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import type { WebSocket } from "ws";
import {
  type AwarenessOwners,
  gateAwarenessUpdate,
  MalformedMessage,
  type RemoteClients,
} from "../../server/sync/awarenessGate";
import { Connection } from "../../server/sync/connection";
import { RateBook } from "../../server/sync/rateLimit";
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_SYNC_LIMITS,
  MAX_AWARENESS_IDS_PER_CONNECTION,
} from "../../shared/limits";
import { awarenessMessage } from "../helpers/messages";

const room = { workshopId: "AbCdEfGh_-123456", kind: "content" as const };
const conn = (participantId: string) =>
  new Connection(
    {} as WebSocket,
    {} as Duplex,
    room,
    {
      participantId,
      displayName: `name of ${participantId}`,
      role: "expert",
      sessionHash: `session of ${participantId}`,
      expiresAt: Number.MAX_SAFE_INTEGER,
    },
    DEFAULT_SYNC_LIMITS,
    new RateBook(DEFAULT_SYNC_LIMITS, DEFAULT_MAX_MESSAGE_BYTES).of(participantId),
  );

/** The inner awareness update of a full awareness message. */
function inner(entries: Parameters<typeof awarenessMessage>[0]): Uint8Array {
  const d = decoding.createDecoder(awarenessMessage(entries));
  decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
}

function decode(update: Uint8Array): Array<{ clientId: number; state: unknown }> {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  return Array.from({ length: n }, () => {
    const clientId = decoding.readVarUint(d);
    decoding.readVarUint(d);
    return { clientId, state: JSON.parse(decoding.readVarString(d)) };
  });
}

describe("the awareness gate", () => {
  it("stamps the session's identity over whatever the client claims", () => {
    const owners: AwarenessOwners = new Map();
    const out = gateAwarenessUpdate(
      inner([
        {
          clientId: 7,
          clock: 1,
          state: { user: { name: "Boss", role: "facilitator", color: "#000000" }, cursor: 3 },
        },
      ]),
      conn("p1"),
      owners,
      999,
    );
    expect(decode(out!)).toEqual([
      {
        clientId: 7,
        state: {
          cursor: 3,
          user: { participantId: "p1", name: "name of p1", role: "expert", color: "#000000" },
        },
      },
    ]);
  });

  it("refuses ids owned by another connection or by the server, and caps ids per connection", () => {
    const owners: AwarenessOwners = new Map();
    const a = conn("a");
    const b = conn("b");
    expect(gateAwarenessUpdate(inner([{ clientId: 1, clock: 1, state: {} }]), a, owners, 999)).not.toBeNull();
    expect(gateAwarenessUpdate(inner([{ clientId: 1, clock: 2, state: {} }]), b, owners, 999)).toBeNull();
    expect(gateAwarenessUpdate(inner([{ clientId: 999, clock: 1, state: {} }]), b, owners, 999)).toBeNull();
    const many = Array.from({ length: 10 }, (_, i) => ({ clientId: 100 + i, clock: 1, state: {} }));
    const out = gateAwarenessUpdate(inner(many), b, owners, 999);
    expect(decode(out!)).toHaveLength(MAX_AWARENESS_IDS_PER_CONNECTION);
  });

  it("treats broken state JSON and trailing bytes as malformed", () => {
    const owners: AwarenessOwners = new Map();
    const good = inner([{ clientId: 1, clock: 1, state: {} }]);
    expect(() => gateAwarenessUpdate(Uint8Array.from([...good, 0]), conn("a"), owners, 999)).toThrow(
      MalformedMessage,
    );
    const broken = Uint8Array.of(1, 1, 1, 1, 0x7b);
    expect(() => gateAwarenessUpdate(broken, conn("a"), owners, 999)).toThrow(MalformedMessage);
  });

  it("lets no one claim a departed client's id by echoing its departure, so the client can come back", () => {
    const owners: AwarenessOwners = new Map();
    const [eli, fran] = [conn("eli"), conn("fran")];
    expect(
      gateAwarenessUpdate(inner([{ clientId: 7, clock: 1, state: {} }]), eli, owners, 999),
    ).not.toBeNull();
    // Eli's socket goes; the room forgets who held the id, and Fran's client echoes the departure.
    owners.delete(7);
    expect(
      gateAwarenessUpdate(inner([{ clientId: 7, clock: 1, state: null }]), fran, owners, 999),
    ).toBeNull();
    expect(owners.has(7)).toBe(false);
    // Eli, reconnected on a new socket of the same session, sets the id again.
    const back = gateAwarenessUpdate(inner([{ clientId: 7, clock: 2, state: {} }]), conn("eli"), owners, 999);
    expect(back).not.toBeNull();
  });

  it("lets only the same participant take over an id another instance holds, and then it is this instance's", () => {
    const owners: AwarenessOwners = new Map();
    const remote: RemoteClients = new Map([[7, { instance: "other", participantId: "eli" }]]);
    const update = inner([{ clientId: 7, clock: 5, state: {} }]);
    expect(gateAwarenessUpdate(update, conn("mallory"), owners, 999, remote)).toBeNull();
    expect(remote.has(7)).toBe(true);
    // Eli's client, moved here after its instance went away, keeps its id.
    const eli = conn("eli");
    expect(gateAwarenessUpdate(update, eli, owners, 999, remote)).not.toBeNull();
    expect(remote.has(7)).toBe(false);
    expect(owners.get(7)).toBe(eli);
  });
});
