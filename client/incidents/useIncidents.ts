/** What the room reads of incidents: the server's projection in the control document. */

import type * as Y from "yjs";
import {
  INCIDENT_REPORTS_MAP,
  INCIDENTS_MAP,
  type IncidentReport,
  type IncidentSummary,
  REESTIMATE_MAP,
  type ReestimateFlag,
  readIncidentReports,
  readIncidentSummaries,
  readReestimateFlags,
} from "../../shared/incidents";
import { useControlValue } from "../hooks/useControlValue";

const INCIDENT_MAPS = [INCIDENTS_MAP] as const;
const REPORT_MAPS = [INCIDENT_REPORTS_MAP] as const;
const FLAG_MAPS = [REESTIMATE_MAP] as const;

export function useIncidentSummaries(controlDoc: Y.Doc): IncidentSummary[] {
  return useControlValue(controlDoc, INCIDENT_MAPS, readIncidentSummaries);
}

export function useIncidentReports(controlDoc: Y.Doc): IncidentReport[] {
  return useControlValue(controlDoc, REPORT_MAPS, readIncidentReports);
}

export function useReestimateFlags(controlDoc: Y.Doc): Map<string, ReestimateFlag> {
  return useControlValue(controlDoc, FLAG_MAPS, readReestimateFlags);
}
