/**
 * The server's own entries in the control document, written with origin "server". Each change is
 * projected after its metadata write; and on every load of a control room, everything the
 * document shows is reconciled with the metadata (controlState.ts), so a crash between a metadata
 * write and its projection heals itself.
 */
import type * as Y from "yjs";
import { seedSpecifiedRisks } from "../../shared/content";
import type { RoomName } from "../../shared/rooms";
import type { MetaRepository } from "../store/repository";
import type { ServerHook } from "../sync/hooks";
import type { RoomRegistry } from "../sync/registry";
import type { Room } from "../sync/room";
import { applyControlState, readControlState } from "./controlState";
import { applyIncidentState, readIncidentState } from "./incidentProjection";

export const SERVER_ORIGIN = "server";

/** Changes a document as the server: loaded for the write if nobody has it open, stored and relayed as any edit. */
export async function writeAsServer(
  registry: RoomRegistry,
  name: RoomName,
  fn: (doc: Y.Doc) => void,
): Promise<void> {
  await registry.withRoom(name, (room) => room.doc.transact(() => fn(room.doc), SERVER_ORIGIN));
}

export class ControlProjection {
  constructor(
    private readonly meta: MetaRepository,
    readonly registry: RoomRegistry,
  ) {}

  /** A new workshop's content starts with the four specified systemic risks. */
  async seedContent(workshopId: string): Promise<void> {
    await writeAsServer(this.registry, { workshopId, kind: "content" }, seedSpecifiedRisks);
  }

  /** In the hook list: every load of a control room is reconciled before anyone sees it. */
  readonly hook: ServerHook = { afterLoad: ({ room }) => this.reconcile(room) };

  async reconcile(room: Room): Promise<void> {
    if (room.name.kind !== "control") return;
    const state = await readControlState(this.meta, room.name.workshopId);
    if (!state) return;
    const incidents = await readIncidentState(this.meta, room.name.workshopId);
    room.doc.transact(() => {
      applyControlState(room.doc, state);
      applyIncidentState(room.doc, incidents);
    }, SERVER_ORIGIN);
  }

  async write(workshopId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    await writeAsServer(this.registry, { workshopId, kind: "control" }, fn);
  }

  /** Reads the control document as it stands (loading it if nobody has it open). */
  read<T>(workshopId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return this.registry.withRoom({ workshopId, kind: "control" }, (room) => fn(room.doc));
  }
}
