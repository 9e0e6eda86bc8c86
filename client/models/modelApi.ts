/** The model routes (shared/models.ts), through the app's one REST client. */
import type {
  CreateModelBody,
  CreateModelResponse,
  ModelOverview,
  ModelReportFormat,
  ModelView,
  ReportVersionView,
} from "../../shared/models";
import type { SnapshotEntry } from "../../shared/snapshot";
import { download, request } from "../api";

export const createModel = (body: CreateModelBody, createToken?: string) =>
  request<CreateModelResponse>("POST", "/models", { body, ...(createToken ? { token: createToken } : {}) });

export const getModel = (token: string, id: string) =>
  request<{ model: ModelView }>("GET", `/models/${id}`, { token });

export const getOverview = (token: string, id: string) =>
  request<ModelOverview>("GET", `/models/${id}/overview`, { token });

export const attachWorkshop = (sessionToken: string, id: string, workshopId: string, modelToken: string) =>
  request<{ model: ModelView }>("POST", `/models/${id}/workshops/${workshopId}`, {
    token: sessionToken,
    body: { modelToken },
  });

export const signOffSnapshot = (sessionToken: string, id: string, workshopId: string, snapshotId: string) =>
  request<{ model: ModelView }>("PUT", `/models/${id}/workshops/${workshopId}/sign-off`, {
    token: sessionToken,
    body: { snapshotId },
  });

export const issueVersion = (token: string, id: string) =>
  request<{ version: ReportVersionView }>("POST", `/models/${id}/reports`, { token });

export const listSnapshots = (sessionToken: string, workshopId: string) =>
  request<{ snapshots: SnapshotEntry[] }>("GET", `/workshops/${workshopId}/snapshots`, {
    token: sessionToken,
  });

/** A report version as a file: the body and the name the server gives it. */
export const downloadReport = (token: string, id: string, format: ModelReportFormat, version: number) =>
  download(
    token,
    `/models/${id}/report?format=${format}&version=${version}`,
    `model-report-v${version}.${format}`,
  );
