/**
 * Gathers one workshop into a `WorkshopExport`, from its live state or from one snapshot, and
 * validates the result against the shared schema before anything is rendered from it. The server
 * and the offline export command run this same code over different `ExportSources`.
 */
import * as Y from "yjs";
import type { ParticipantView, WorkshopView } from "../../shared/api";
import { readContent } from "../../shared/content";
import { readParticipants, readWorkshop } from "../../shared/controlDoc";
import type { Framework } from "../../shared/estimation/framework";
import type {
  Determination,
  FrameworkLock,
  FrameworkUnlock,
  OverallVerdict,
  RevealedRound,
  RoundView,
} from "../../shared/estimationView";
import type { Incident, IncidentReport } from "../../shared/incidents";
import { readScenarioDissent, type ScenarioDissent } from "../../shared/scenarioDissent";
import type { SnapshotBlob } from "../../shared/snapshot";
import {
  type ExportContent,
  type ExportRound,
  WORKSHOP_EXPORT_SCHEMA,
  type WorkshopExport,
  workshopExportSchema,
} from "../../shared/workshopExport";
import { DomainError, notFound } from "../domainErrors";
import { revealedOf, roundViewsOf } from "../services/controlState";
import { presentIncident, presentReport } from "../services/incidentPresenter";
import { presentParticipant, presentWorkshop } from "../services/presenters";
import type { SnapshotService } from "../services/snapshots";
import type { SnapshotRecord } from "../store/records";
import type { MetaRepository } from "../store/repository";
import { historyOf } from "./history";
import { narrativeToMarkdown } from "./narrativeMarkdown";

/** Both documents of a workshop as Yjs updates. */
export interface DocStates {
  content: Uint8Array;
  control: Uint8Array;
}

/** What the gatherer reads; the server passes its services, the offline command read-only stand-ins. */
export interface ExportSources {
  meta: MetaRepository;
  snapshots: Pick<SnapshotService, "read">;
  readDocs(workshopId: string): Promise<DocStates>;
}

/** Everything a workshop is made of at one moment, before it is shaped into the export. */
interface WorkshopState {
  source: WorkshopExport["source"];
  workshop: WorkshopView;
  participants: ParticipantView[];
  content: Y.Doc;
  framework: Framework;
  lock: FrameworkLock | null;
  unlocks: FrameworkUnlock[];
  verdict: OverallVerdict | null;
  rounds: RoundView[];
  revealed: Record<string, RevealedRound>;
  determinations: Determination[];
  /** The snapshot index as it stood at that moment. */
  snapshots: SnapshotRecord[];
  /** The exported snapshot itself, already read and verified. */
  blob?: SnapshotBlob;
  incidents: Incident[];
  incidentReports: IncidentReport[];
  /** Dissent on scenarios as the server recorded it; null for a moment before it did (the document's notes stand). */
  scenarioDissent: ScenarioDissent[] | null;
}

export async function gatherLive(
  src: ExportSources,
  workshopId: string,
  now = new Date(),
): Promise<WorkshopExport> {
  const { meta } = src;
  const workshop = await meta.workshop(workshopId);
  if (!workshop) throw notFound("workshop");
  const docs = await src.readDocs(workshopId);
  const content = docFrom(docs.content);
  try {
    const record = await meta.framework(workshopId);
    // Rounds and their values come from metadata, the store of record, never from the control document.
    return await assemble(src, now, {
      source: { kind: "live" },
      workshop: presentWorkshop(workshop),
      participants: (await meta.participantsOf(workshopId)).map(presentParticipant),
      content,
      framework: record.framework,
      lock: record.lock,
      unlocks: record.unlocks,
      verdict: record.verdict ?? null,
      rounds: await roundViewsOf(meta, workshopId),
      revealed: await revealedOf(meta, workshopId),
      determinations: (await meta.determinationsOf(workshopId)).map(({ workshopId: _w, ...d }) => d),
      snapshots: await meta.snapshotsOf(workshopId),
      incidents: (await meta.incidentsOf(workshopId)).map(presentIncident),
      incidentReports: (await meta.incidentReportsOf(workshopId)).map(presentReport),
      scenarioDissent: (await meta.scenarioDissentOf(workshopId)).notes,
    });
  } finally {
    content.destroy();
  }
}

/** The workshop as it was when the snapshot was taken: its documents, records, and the snapshots before it. */
export async function gatherSnapshot(
  src: ExportSources,
  workshopId: string,
  snapshotId: string,
  now = new Date(),
): Promise<WorkshopExport> {
  const workshop = await src.meta.workshop(workshopId);
  if (!workshop) throw notFound("workshop");
  const blob = await src.snapshots.read(workshopId, snapshotId);
  const content = docFrom(Buffer.from(blob.content, "base64"));
  const control = docFrom(Buffer.from(blob.control, "base64"));
  try {
    const index = await src.meta.snapshotsOf(workshopId);
    const entry = index.find((s) => s.id === snapshotId)!;
    const shown = readWorkshop(control);
    return await assemble(src, now, {
      source: {
        kind: "snapshot",
        snapshotId,
        label: blob.label,
        takenAt: blob.takenAt,
        takenBy: blob.takenBy,
        auto: blob.auto,
        sha256: entry.sha256,
      },
      // The title as it read then; the store's record only fills what the document lacks.
      workshop: { ...presentWorkshop(workshop), ...(shown.title ? { title: shown.title } : {}) },
      participants: readParticipants(control),
      content,
      framework: blob.framework,
      lock: blob.lock,
      unlocks: blob.unlocks,
      verdict: blob.verdict,
      rounds: blob.rounds,
      revealed: blob.revealed,
      determinations: blob.determinations,
      snapshots: index.slice(0, index.indexOf(entry) + 1),
      blob,
      incidents: blob.incidents ?? [],
      incidentReports: blob.incidentReports ?? [],
      scenarioDissent: await snapshotDissent(src.meta, workshopId, blob.takenAt, control),
    });
  } finally {
    content.destroy();
    control.destroy();
  }
}

async function assemble(src: ExportSources, now: Date, state: WorkshopState): Promise<WorkshopExport> {
  const content = withDissent(exportContent(state.content), state.scenarioDissent);
  const { index, history } = await historyOf(src, state.workshop.id, state.snapshots, content, state.blob);
  return validated({
    schema: WORKSHOP_EXPORT_SCHEMA,
    exportedAt: now.toISOString(),
    source: state.source,
    workshop: state.workshop,
    participants: state.participants,
    framework: state.framework,
    lock: state.lock,
    unlocks: state.unlocks,
    content,
    rounds: state.rounds.map((r) => exportRound(r, state.revealed[r.id])),
    determinations: state.determinations,
    verdict: state.verdict,
    snapshots: index,
    history,
    incidents: state.incidents,
    incidentReports: state.incidentReports,
  });
}

function exportContent(doc: Y.Doc): ExportContent {
  const content = readContent(doc);
  return {
    ...content,
    scenarios: content.scenarios.map((s) => ({ ...s, narrativeMarkdown: narrativeToMarkdown(s.narrative) })),
  };
}

/** A snapshot taken once the server records dissent shows the notes it projected; an older one, its document's. */
async function snapshotDissent(
  meta: MetaRepository,
  workshopId: string,
  takenAt: string,
  control: Y.Doc,
): Promise<ScenarioDissent[] | null> {
  const { takenOverAt } = await meta.scenarioDissentOf(workshopId);
  return takenOverAt && takenOverAt <= takenAt ? readScenarioDissent(control) : null;
}

/** Each scenario's dissent as the server recorded it, in the place exports have always had it. */
function withDissent(content: ExportContent, notes: readonly ScenarioDissent[] | null): ExportContent {
  if (!notes) return content;
  return {
    ...content,
    scenarios: content.scenarios.map((s) => ({
      ...s,
      dissent: notes
        .filter((n) => n.scenarioId === s.id)
        .map(({ id, participantId, name, at, text }) => ({ id, participantId, name, at, text })),
    })),
  };
}

/** Who submitted stays out: a count is enough for the record and keeps anonymous rounds anonymous. */
function exportRound(view: RoundView, revealed: RevealedRound | undefined): ExportRound {
  return {
    id: view.id,
    number: view.number,
    kind: view.kind,
    anonymous: view.anonymous,
    state: view.state,
    openedAt: view.openedAt,
    ...(view.revealedAt ? { revealedAt: view.revealedAt } : {}),
    ...(view.closedAt ? { closedAt: view.closedAt } : {}),
    scenarioIds: view.scenarioIds,
    submissions: Object.fromEntries(Object.entries(view.submitted).map(([id, who]) => [id, who.length])),
    revealed:
      view.revealedAt && revealed ? { estimates: revealed.estimates, aggregates: revealed.aggregates } : null,
  };
}

/** The schema on the way out: a record the server cannot vouch for is an error, never a download. */
function validated(doc: WorkshopExport): WorkshopExport {
  const parsed = workshopExportSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  throw new DomainError(
    "export_invalid",
    "the workshop's state does not fit the export schema",
    issueFields(parsed.error.issues),
  );
}

/** Zod issues as the error shape's `fields`: path → messages; `root` names a problem with the whole input. */
export function issueFields(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>,
  root = "(body)",
) {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : root;
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  if (update.length > 0) Y.applyUpdate(doc, update);
  return doc;
}
