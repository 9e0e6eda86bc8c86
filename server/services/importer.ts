/**
 * Import: a new workshop from a JSON export. What carries over is what the export describes of the
 * assessment itself, the content (with every id, order and narrative) and the framework; what belongs
 * to the old workshop's process stays behind: participants and tokens, rounds and estimates,
 * determinations, dissent, verdict, snapshots, and the lock. Serious incidents and the reports sent
 * about them carry over as they were: they happened to the model, not to the workshop. Dissent noted
 * in the export is recorded as legacy notes. The new workshop starts unlocked, so its
 * facilitator locks the criteria again (an unchanged framework locks at the same hash).
 */

import { DEFAULT_MAX_DOC_BYTES } from "../../shared/limits";
import type { ImportWorkshopBody, ImportWorkshopResponse } from "../../shared/workshopExport";
import { assertImportFits } from "../export/exportable";
import type { Services } from ".";
import { writeContent } from "./contentWriter";
import { writeAsServer } from "./controlProjection";
import { authenticate } from "./sessions";

export class ImportService {
  /** A getter: the importer uses services wired beside it. */
  constructor(
    private readonly services: () => Pick<
      Services,
      "meta" | "workshops" | "frameworks" | "control" | "incidents" | "scenarioDissent"
    >,
    private readonly maxDocBytes = DEFAULT_MAX_DOC_BYTES,
  ) {}

  async import(body: ImportWorkshopBody): Promise<ImportWorkshopResponse> {
    const { meta, workshops, frameworks, control, incidents, scenarioDissent } = this.services();
    const exp = body.export;
    assertImportFits(exp.content, this.maxDocBytes);
    incidents.checkImport(exp.incidents, exp.incidentReports);
    const created = await workshops.create({
      title: body.title ?? exp.workshop.title,
      ...(exp.workshop.subject ? { subject: exp.workshop.subject } : {}),
      ...(body.displayName ? { displayName: body.displayName } : {}),
    });
    const workshopId = created.workshop.id;
    // Dissent is the server's record, not the document's: it goes to metadata below.
    const content = { ...exp.content, scenarios: exp.content.scenarios.map((s) => ({ ...s, dissent: [] })) };
    await writeAsServer(control.registry, { workshopId, kind: "content" }, (doc) =>
      writeContent(doc, content),
    );
    // The framework goes through the service as the importer, so it is audited and projected as any edit.
    const auth = await authenticate(meta, created.session.token);
    if (!auth.ok) throw new Error(`the importer's new session does not authenticate (${auth.reason})`);
    await frameworks.replace(auth.context, exp.framework);
    await incidents.importAll(auth.context, exp.incidents, exp.incidentReports);
    await scenarioDissent.importLegacy(auth.context, exp.content.scenarios);
    const c = exp.content;
    return {
      ...created,
      imported: {
        from: { workshopId: exp.workshop.id, exportedAt: exp.exportedAt, source: exp.source.kind },
        risks: c.risks.length,
        actors: c.actors.length,
        sources: c.sources.length,
        safeguards: c.safeguards.length,
        scenarios: c.scenarios.length,
        mitigations: c.mitigations.length,
        frameworkLocked: false,
      },
    };
  }
}
