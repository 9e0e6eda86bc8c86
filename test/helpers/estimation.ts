/** Shared steps of the estimation tests: a workshop with scenarios, a locked framework, an open round. */
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { addScenario } from "../../shared/content";
import type { Role } from "../../shared/roles";
import { call, workshopWith } from "./api";
import { openRaw, type RawSocket } from "./rawSocket";
import { connectPeer, type Peer } from "./yclient";

export interface EstimationSetup {
  workshopId: string;
  facilitator: string;
  people: Awaited<ReturnType<typeof workshopWith>>["people"];
  scenarioIds: string[];
  route: string;
}

/** Creates the workshop, adds scenarios under CBRN through a real client, and returns ids. */
export async function setupWorkshop(
  url: string,
  wsUrl: string,
  roles: Role[],
  scenarios = 2,
): Promise<EstimationSetup> {
  const { workshopId, facilitator, people } = await workshopWith(url, roles);
  const author: Peer = connectPeer(wsUrl, workshopId, facilitator);
  await author.synced();
  const scenarioIds = Array.from({ length: scenarios }, (_, i) =>
    addScenario(author.doc, { riskId: "cbrn", title: `Scenario ${i + 1}`, status: "draft" }),
  );
  // Wait until the server has them: a second client sees them.
  const check = connectPeer(wsUrl, workshopId, facilitator);
  await check.synced();
  for (let i = 0; i < 100 && check.doc.getMap("scenarios").size < scenarios; i++)
    await new Promise((r) => setTimeout(r, 20));
  author.destroy();
  check.destroy();
  return { workshopId, facilitator, people, scenarioIds, route: `/workshops/${workshopId}` };
}

export async function lockAndOpen(url: string, s: EstimationSetup, body: Record<string, unknown> = {}) {
  const lock = await call(url, "POST", `${s.route}/framework/lock`, { token: s.facilitator });
  if (lock.status !== 200) throw new Error(`lock: ${lock.status} ${JSON.stringify(lock.body)}`);
  const open = await call<{ round: { id: string } }>(url, "POST", `${s.route}/rounds`, {
    token: s.facilitator,
    body: { scenarioIds: s.scenarioIds, ...body },
  });
  if (open.status !== 201) throw new Error(`open: ${open.status} ${JSON.stringify(open.body)}`);
  return open.body.round.id;
}

/** A socket that asks for the whole document and records every byte the server sends it. */
export function recorder(wsUrl: string, room: string, token: string): RawSocket {
  const socket = openRaw(wsUrl, room, token);
  socket.opened.then(() => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, new Y.Doc());
    socket.ws.send(encoding.toUint8Array(encoder));
    socket.ws.send(Uint8Array.of(3));
  });
  return socket;
}

/** The byte patterns a number can take in a Yjs update (float64 or float32, big-endian) and as text. */
export function numberPatterns(value: number): Buffer[] {
  const f64 = Buffer.alloc(8);
  f64.writeDoubleBE(value);
  const f32 = Buffer.alloc(4);
  f32.writeFloatBE(value);
  return [f64, f32, Buffer.from(String(value))];
}
