/**
 * The server's own entries in the control document (workshop and participants), written with
 * origin "server". On every load they are reconciled with the metadata store, so a crash between
 * a metadata write and a document write heals itself.
 */
import type * as Y from "yjs";
import { seedSpecifiedRisks } from "../../shared/content";
import { participantsMap, readWorkshop, writeParticipant, writeWorkshop } from "../../shared/controlDoc";
import type { RoomName } from "../../shared/rooms";
import type { MetaStore } from "../store/metaStore";
import type { RoomRegistry } from "../sync/registry";
import type { Room } from "../sync/room";
import { presentParticipant, presentWorkshop } from "./presenters";

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
  /** Further server-owned parts of the control document, reconciled on load like the participants. */
  readonly reconcilers: Array<(workshopId: string, doc: Y.Doc) => void> = [];

  constructor(
    private readonly store: MetaStore,
    readonly registry: () => RoomRegistry,
  ) {}

  /** A new workshop's content starts with the four specified systemic risks. */
  async seedContent(workshopId: string): Promise<void> {
    await writeAsServer(this.registry(), { workshopId, kind: "content" }, seedSpecifiedRisks);
  }

  /** Called once per load of a control room. */
  reconcile(room: Room): void {
    if (room.name.kind !== "control") return;
    const workshop = this.store.workshop(room.name.workshopId);
    if (!workshop) return;
    const doc = room.doc;
    doc.transact(() => {
      const view = presentWorkshop(workshop);
      if (!sameFields(readWorkshop(doc), view)) writeWorkshop(doc, view);
      const current = participantsMap(doc);
      for (const p of this.store.participantsOf(workshop.id)) {
        const view = presentParticipant(p);
        if (!sameFields(current.get(p.id), view)) writeParticipant(doc, view);
      }
      for (const reconcile of this.reconcilers) reconcile(workshop.id, doc);
    }, SERVER_ORIGIN);
  }

  async write(workshopId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    await writeAsServer(this.registry(), { workshopId, kind: "control" }, fn);
  }
}

function sameFields(a: object | undefined, b: object): boolean {
  if (!a) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (x[key] !== y[key]) return false;
  return true;
}
