/** Reads what the services need from a workshop's content document (scenario and risk ids). */
import { listScenarios, risksOf } from "../../shared/content";
import type { RoomRegistry } from "../sync/registry";

export class ContentReader {
  constructor(private readonly registry: RoomRegistry) {}

  scenarioIds(workshopId: string): Promise<string[]> {
    return this.registry.withRoom({ workshopId, kind: "content" }, (room) =>
      listScenarios(room.doc).map((s) => s.id),
    );
  }

  riskIds(workshopId: string): Promise<string[]> {
    return this.registry.withRoom({ workshopId, kind: "content" }, (room) =>
      risksOf(room.doc)
        .list()
        .map((r) => r.id),
    );
  }
}
