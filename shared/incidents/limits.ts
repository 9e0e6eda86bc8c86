/** Bounds on incidents; each has an env var read in server/config.ts (see the README's Limits table). */
export interface IncidentLimits {
  /** Incidents one workshop may hold (`RISKROOM_MAX_INCIDENTS`); past it: 409 `incident_limit`. */
  maxIncidents: number;
  /** Reports recorded per workshop (`RISKROOM_MAX_INCIDENT_REPORTS`); past it: 409 `incident_limit`. */
  maxReports: number;
  /** Characters of one field's value or missing reason (`RISKROOM_MAX_INCIDENT_FIELD_CHARS`). */
  maxFieldChars: number;
  /** Characters of a title (fixed). */
  maxTitleChars: number;
  /** Scenarios, or risks, one incident may link (fixed). */
  maxLinks: number;
  /** Incidents one report may bundle (fixed). */
  maxBundle: number;
}

export const DEFAULT_INCIDENT_LIMITS: IncidentLimits = {
  maxIncidents: 500,
  maxReports: 2000,
  maxFieldChars: 20_000,
  maxTitleChars: 200,
  maxLinks: 100,
  maxBundle: 50,
};
