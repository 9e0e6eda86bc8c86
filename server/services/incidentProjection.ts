/**
 * Projects a workshop's incidents into the control document: each incident's summary with its
 * deadlines, the reports recorded, and the scenarios flagged "re-estimate". Recomputed whole from
 * metadata (bounded by MAX_INCIDENTS) after every incident write and every reveal, and when a
 * control room loads, so a crash between a write and its projection heals like the rest.
 */
import type * as Y from "yjs";
import { canonicalJson } from "../../shared/estimation/framework";
import {
  INCIDENT_REPORTS_MAP,
  INCIDENTS_MAP,
  type IncidentReport,
  type IncidentSummary,
  REESTIMATE_MAP,
  type ReestimateFlag,
  reestimateFlags,
  summarize,
} from "../../shared/incidents";
import type { MetaRepository } from "../store/repository";
import { presentIncident, presentReport } from "./incidentPresenter";

export interface IncidentState {
  summaries: IncidentSummary[];
  reports: IncidentReport[];
  flags: ReestimateFlag[];
}

export async function readIncidentState(
  meta: MetaRepository,
  workshopId: string,
  now = Date.now(),
): Promise<IncidentState> {
  const incidents = (await meta.incidentsOf(workshopId)).map(presentIncident);
  const reports = (await meta.incidentReportsOf(workshopId)).map(presentReport);
  const rounds = incidents.length > 0 ? await meta.roundsOf(workshopId) : [];
  return {
    summaries: incidents.map((i) => summarize(i, reports, now)),
    reports,
    flags: reestimateFlags(incidents, rounds),
  };
}

/** Writes what differs, and removes flags no longer raised; an up-to-date document is left alone. */
export function applyIncidentState(doc: Y.Doc, state: IncidentState): void {
  sync(doc.getMap<IncidentSummary>(INCIDENTS_MAP), state.summaries, (s) => s.id, false);
  sync(doc.getMap<IncidentReport>(INCIDENT_REPORTS_MAP), state.reports, (r) => r.id, false);
  sync(doc.getMap<ReestimateFlag>(REESTIMATE_MAP), state.flags, (f) => f.scenarioId, true);
}

function sync<T>(map: Y.Map<T>, items: readonly T[], key: (item: T) => string, prune: boolean): void {
  const keep = new Set<string>();
  for (const item of items) {
    const k = key(item);
    keep.add(k);
    const current = map.get(k);
    if (current === undefined || canonicalJson(current) !== canonicalJson(item)) map.set(k, item);
  }
  if (!prune) return;
  for (const k of [...map.keys()]) if (!keep.has(k)) map.delete(k);
}
