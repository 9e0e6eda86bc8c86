/** The REST client: typed by shared/api.ts, and every failure becomes an ApiRequestError with the server's message. */

import type {
  ApiErrorBody,
  CreateInviteBody,
  CreateInviteResponse,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  FocusBody,
  InvitePreviewBody,
  InvitePreviewResponse,
  InviteView,
  JoinBody,
  JoinResponse,
  SetPhaseBody,
  StartTimerBody,
} from "../shared/api";
import type { AuditResponse } from "../shared/audit";
import type { FocusState, TimerState } from "../shared/controlDoc";
import type { ErrorCode } from "../shared/errors";
import type { Framework } from "../shared/estimation/framework";
import type {
  Determination,
  FrameworkLock,
  FrameworkUnlock,
  OverallVerdict,
  RevealedRound,
  RoundKind,
  RoundView,
  SubmitEstimateBody,
  Verdict,
} from "../shared/estimationView";
import type {
  Incident,
  IncidentBody,
  IncidentClock,
  IncidentReport,
  ReportSentBody,
} from "../shared/incidents";
import type { ScenarioDissent } from "../shared/scenarioDissent";
import type { SnapshotBlob, SnapshotEntry } from "../shared/snapshot";
import type { WatchedConditionInput } from "../shared/watchedConditions";
import type {
  ExportFormat,
  HistoryPoint,
  ImportWorkshopResponse,
  SnapshotIndexEntry,
} from "../shared/workshopExport";
import { noteServerDate } from "./serverClock";

/** Failures the client names itself: no answer at all, or an answer without the error shape. */
export type ClientErrorCode = "network" | "http_error";

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "code" in error && "message" in error;
}

export async function request<T>(
  method: string,
  route: string,
  options: { token?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  const sentAt = Date.now();
  try {
    res = await fetch(`/api${route}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiRequestError(0, "network", "The server could not be reached. Check your connection.");
  }
  noteServerDate(res.headers.get("date"), sentAt, Date.now());
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return body as T;
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    throw new ApiRequestError(res.status, code, message, fields);
  }
  throw new ApiRequestError(res.status, "http_error", `The server answered ${res.status} ${res.statusText}.`);
}

/** A file the server sends, fetched with the session's token (a plain link cannot carry it). */
export async function download(token: string, route: string, fallbackName: string): Promise<DownloadedFile> {
  let res: Response;
  try {
    res = await fetch(`/api${route}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new ApiRequestError(0, "network", "The server could not be reached. Check your connection.");
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => undefined);
    if (isErrorBody(body)) throw new ApiRequestError(res.status, body.error.code, body.error.message);
    throw new ApiRequestError(
      res.status,
      "http_error",
      `The server answered ${res.status} ${res.statusText}.`,
    );
  }
  const filename =
    /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? fallbackName;
  return { blob: await res.blob(), filename };
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** Any answer sets the server clock (see serverClock.ts); this one is cheap. */
export const syncServerClock = (token: string) => request<unknown>("GET", "/me", { token });

/** `createToken`: the server's create token, on a server that limits who may start a workshop. */
export const createWorkshop = (body: CreateWorkshopBody, createToken?: string) =>
  request<CreateWorkshopResponse>("POST", "/workshops", {
    body,
    ...(createToken ? { token: createToken } : {}),
  });

export const joinWorkshop = (body: JoinBody) => request<JoinResponse>("POST", "/join", { body });

export const previewInvite = (body: InvitePreviewBody) =>
  request<InvitePreviewResponse>("POST", "/invites/preview", { body });

export const createInvite = (token: string, workshopId: string, body: CreateInviteBody) =>
  request<CreateInviteResponse>("POST", `/workshops/${workshopId}/invites`, { token, body });

export const listInvites = (token: string, workshopId: string) =>
  request<{ invites: InviteView[] }>("GET", `/workshops/${workshopId}/invites`, { token });

export const revokeInvite = (token: string, workshopId: string, inviteId: string) =>
  request<{ invite: InviteView }>("DELETE", `/workshops/${workshopId}/invites/${inviteId}`, { token });

export const setPhase = (token: string, workshopId: string, body: SetPhaseBody) =>
  request<{ phase: string }>("PUT", `/workshops/${workshopId}/phase`, { token, body });

export const startTimer = (token: string, workshopId: string, body: StartTimerBody) =>
  request<{ timer: TimerState }>("POST", `/workshops/${workshopId}/timer`, { token, body });

export const stopTimer = (token: string, workshopId: string) =>
  request<{ timer: null }>("DELETE", `/workshops/${workshopId}/timer`, { token });

export const focusScenario = (token: string, workshopId: string, body: FocusBody) =>
  request<{ focus: FocusState }>("POST", `/workshops/${workshopId}/focus`, { token, body });

/* Estimation: the framework, rounds, estimates, determinations (shared/estimationView.ts has the bodies). */

export interface FrameworkResponse {
  framework: Framework;
  lock: FrameworkLock | null;
  unlocks: FrameworkUnlock[];
}

const ws = (workshopId: string) => `/workshops/${encodeURIComponent(workshopId)}`;

export const getFramework = (token: string, workshopId: string) =>
  request<FrameworkResponse & { hash: string }>("GET", `${ws(workshopId)}/framework`, { token });

export const putFramework = (token: string, workshopId: string, framework: Framework) =>
  request<FrameworkResponse>("PUT", `${ws(workshopId)}/framework`, { token, body: { framework } });

export const lockFramework = (token: string, workshopId: string) =>
  request<FrameworkResponse>("POST", `${ws(workshopId)}/framework/lock`, { token });

export const unlockFramework = (token: string, workshopId: string, justification: string) =>
  request<FrameworkResponse>("POST", `${ws(workshopId)}/framework/unlock`, {
    token,
    body: { justification },
  });

export const openRound = (
  token: string,
  workshopId: string,
  body: { scenarioIds: string[]; kind: RoundKind; anonymous: boolean },
) => request<{ round: RoundView }>("POST", `${ws(workshopId)}/rounds`, { token, body });

/** An expert's own estimate as the server keeps it. */
export interface OwnEstimate extends SubmitEstimateBody {
  roundId: string;
  participantId: string;
  submittedAt: string;
}

export const submitEstimate = (
  token: string,
  workshopId: string,
  roundId: string,
  body: SubmitEstimateBody,
) =>
  request<{ estimate: OwnEstimate }>("POST", `${ws(workshopId)}/rounds/${roundId}/estimates`, {
    token,
    body,
  });

export const myEstimates = (token: string, workshopId: string, roundId: string) =>
  request<{ estimates: OwnEstimate[] }>("GET", `${ws(workshopId)}/rounds/${roundId}/estimates/mine`, {
    token,
  });

export const revealRound = (token: string, workshopId: string, roundId: string) =>
  request<{ round: RoundView; revealed: RevealedRound }>(
    "POST",
    `${ws(workshopId)}/rounds/${roundId}/reveal`,
    {
      token,
    },
  );

export const closeRound = (token: string, workshopId: string, roundId: string) =>
  request<{ round: RoundView }>("POST", `${ws(workshopId)}/rounds/${roundId}/close`, { token });

export const recordDetermination = (
  token: string,
  workshopId: string,
  riskId: string,
  body:
    | {
        tierId: string;
        safetyMargin: string;
        marginReasons: string;
        conditions: string;
        verdict: Verdict;
        evidenceScenarioIds: string[];
        watched?: WatchedConditionInput[];
      }
    /** A risk without a tier ladder, judged under other criteria. */
    | { tierId: null; criterion: string; justification: string; verdict: Verdict },
) =>
  request<{ determination: Determination }>("PUT", `${ws(workshopId)}/determinations/${riskId}`, {
    token,
    body,
  });

export const addDissent = (token: string, workshopId: string, riskId: string, text: string) =>
  request<{ determination: Determination }>("POST", `${ws(workshopId)}/determinations/${riskId}/dissent`, {
    token,
    body: { text },
  });

export const setVerdict = (
  token: string,
  workshopId: string,
  body: { verdict: Verdict; justification: string; conflictJustification?: string },
) => request<{ verdict: OverallVerdict }>("PUT", `${ws(workshopId)}/verdict`, { token, body });

/* Snapshots, history, exports. */

export const takeSnapshot = (token: string, workshopId: string, label: string) =>
  request<{ snapshot: SnapshotEntry }>("POST", `${ws(workshopId)}/snapshots`, { token, body: { label } });

export const getSnapshot = (token: string, workshopId: string, snapshotId: string) =>
  request<{ snapshot: SnapshotBlob }>("GET", `${ws(workshopId)}/snapshots/${snapshotId}`, { token });

/** Every snapshot's verified standings, in order: the risk history. */
export interface HistoryResponse {
  snapshots: SnapshotIndexEntry[];
  history: Array<{ scenarioId: string; points: HistoryPoint[] }>;
}

export const getHistory = (token: string, workshopId: string) =>
  request<HistoryResponse>("GET", `${ws(workshopId)}/history`, { token });

/** A new workshop with a snapshot's content and framework; the caller is its first facilitator. */
export const startFromSnapshot = (
  token: string,
  workshopId: string,
  snapshotId: string,
  body: { title?: string; displayName?: string },
) =>
  request<ImportWorkshopResponse>("POST", `${ws(workshopId)}/snapshots/${snapshotId}/new-workshop`, {
    token,
    body,
  });

/** An export as a file; fetched with the session's token (a plain link cannot carry it). */
export async function downloadExport(
  token: string,
  workshopId: string,
  format: ExportFormat,
  snapshotId?: string,
): Promise<DownloadedFile> {
  const query = new URLSearchParams({ format, ...(snapshotId ? { snapshot: snapshotId } : {}) });
  return download(token, `${ws(workshopId)}/export?${query}`, `riskroom-export.${format}`);
}

/** Dissent on a scenario: the server records it as this session's participant. */
export const addScenarioDissent = (token: string, workshopId: string, scenarioId: string, text: string) =>
  request<{ dissent: ScenarioDissent }>(
    "POST",
    `${ws(workshopId)}/scenarios/${encodeURIComponent(scenarioId)}/dissent`,
    {
      token,
      body: { text },
    },
  );

/** The audit trail; with `verify`, whether its chain holds. Facilitators and observers only. */
export const getAudit = (token: string, workshopId: string, verify = false) =>
  request<AuditResponse>("GET", `${ws(workshopId)}/audit${verify ? "?verify=1" : ""}`, { token });

/** The audit trail as a CSV file (the download is itself recorded in the trail). */
export async function downloadAuditCsv(token: string, workshopId: string): Promise<DownloadedFile> {
  return download(token, `${ws(workshopId)}/audit?format=csv`, "riskroom-audit.csv");
}

/** A one-line explanation of an error for the person who caused it. */
export function describeError(err: unknown): string {
  if (err instanceof ApiRequestError) {
    const fields = Object.entries(err.fields ?? {}).map(
      ([field, problems]) => `${field}: ${problems.join(", ")}`,
    );
    return fields.length > 0 ? `${err.message} (${fields.join("; ")})` : err.message;
  }
  return err instanceof Error ? err.message : "Something went wrong.";
}

// ── Serious incidents ────────────────────────────────────────────────────────────────────────
type IncidentWithClock = Incident & { clock: IncidentClock };

export const getIncident = (token: string, workshopId: string, incidentId: string) =>
  request<{ incident: IncidentWithClock }>("GET", `${ws(workshopId)}/incidents/${incidentId}`, { token });

export const createIncident = (token: string, workshopId: string, body: IncidentBody) =>
  request<{ incident: IncidentWithClock }>("POST", `${ws(workshopId)}/incidents`, { token, body });

export const updateIncident = (token: string, workshopId: string, incidentId: string, body: IncidentBody) =>
  request<{ incident: IncidentWithClock }>("PUT", `${ws(workshopId)}/incidents/${incidentId}`, {
    token,
    body,
  });

export const recordIncidentReport = (token: string, workshopId: string, body: ReportSentBody) =>
  request<{ report: IncidentReport }>("POST", `${ws(workshopId)}/incidents/reports`, { token, body });

/** An incident's report (or a bundle's) as a file, fetched with the session's token. */
export async function downloadIncidentReport(
  token: string,
  workshopId: string,
  ids: string[],
  format: "md" | "json",
): Promise<DownloadedFile> {
  const query = new URLSearchParams({ ids: ids.join(","), format });
  return download(token, `${ws(workshopId)}/incidents/report?${query}`, `riskroom-incident-report.${format}`);
}
