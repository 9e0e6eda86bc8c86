/**
 * Dissent on a scenario, recorded by the server like dissent on a determination: the author and
 * time are the session's, the note is stored in metadata and then projected into the control
 * document. Notes clients wrote into the content document before this are taken over once per
 * workshop, when its content first loads, marked legacy (their author was never checked).
 */
import { SERVER_ACTOR } from "../../shared/audit";
import { legacyDissentOf, listScenarios } from "../../shared/content";
import { type ScenarioDissent, writeScenarioDissent } from "../../shared/scenarioDissent";
import { notFound } from "../domainErrors";
import type { ScenarioDissentRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import type { Room } from "../sync/room";
import type { ContentReader } from "./contentReader";
import type { ControlProjection } from "./controlProjection";
import { requireRole, stampOf } from "./roles";
import type { SessionContext } from "./sessions";
import { newId } from "./tokens";

export class ScenarioDissentService {
  constructor(
    private readonly meta: MetaRepository,
    private readonly control: ControlProjection,
    private readonly content: ContentReader,
  ) {}

  async add(ctx: SessionContext, scenarioId: string, text: string): Promise<{ dissent: ScenarioDissent }> {
    requireRole(ctx, ["expert", "facilitator"], "record dissent");
    const workshopId = ctx.workshop.id;
    if (!(await this.content.scenarioIds(workshopId)).includes(scenarioId)) throw notFound("scenario");
    const stamp = stampOf(ctx);
    const stored = await this.meta.addScenarioDissent(
      {
        id: newId(),
        workshopId,
        scenarioId,
        participantId: ctx.participant.id,
        name: ctx.participant.displayName,
        at: stamp.at,
        text,
      },
      stamp,
    );
    const dissent = present(stored);
    await this.control.write(workshopId, (doc) => writeScenarioDissent(doc, dissent));
    return { dissent };
  }

  /** An import's notes, as the importer's act, marked legacy: the names are the export's. */
  async importLegacy(
    ctx: SessionContext,
    scenarios: ReadonlyArray<{ id: string; dissent: ReadonlyArray<Omit<ScenarioDissent, "scenarioId">> }>,
  ): Promise<void> {
    const workshopId = ctx.workshop.id;
    const stamp = stampOf(ctx);
    const notes: ScenarioDissent[] = [];
    for (const s of scenarios)
      for (const d of s.dissent) {
        const { id, participantId, name, at, text } = d;
        const note = { id, scenarioId: s.id, participantId, name, at, text, legacy: true as const };
        notes.push(present(await this.meta.addScenarioDissent({ ...note, workshopId }, stamp)));
      }
    if (notes.length > 0)
      await this.control.write(workshopId, (doc) => {
        for (const note of notes) writeScenarioDissent(doc, note);
      });
  }

  /** On every load of a content room; writes only the first time for each workshop. */
  async takeOver(room: Room): Promise<void> {
    if (room.name.kind !== "content") return;
    const { workshopId } = room.name;
    if (!(await this.meta.workshop(workshopId))) return;
    if ((await this.meta.scenarioDissentOf(workshopId)).takenOverAt) return;
    const notes: ScenarioDissentRecord[] = listScenarios(room.doc).flatMap((s) =>
      legacyDissentOf(room.doc, s.id).map((d) => ({
        ...d,
        workshopId,
        scenarioId: s.id,
        legacy: true as const,
      })),
    );
    const at = new Date().toISOString();
    const taken = await this.meta.takeOverScenarioDissent(workshopId, notes, { actor: SERVER_ACTOR, at });
    if (!taken || notes.length === 0) return;
    await this.control.write(workshopId, (doc) => {
      for (const note of notes) writeScenarioDissent(doc, present(note));
    });
  }
}

export function present(record: ScenarioDissentRecord): ScenarioDissent {
  const { workshopId: _w, ...note } = record;
  return note;
}
