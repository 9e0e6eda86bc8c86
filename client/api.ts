/** The REST client: typed by shared/api.ts, and every failure becomes an ApiRequestError with the server's message. */
import type {
  ApiErrorBody,
  CreateInviteBody,
  CreateInviteResponse,
  CreateWorkshopBody,
  CreateWorkshopResponse,
  FocusBody,
  InviteView,
  JoinBody,
  JoinResponse,
  SetPhaseBody,
  StartTimerBody,
} from "../shared/api";
import type { FocusState, TimerState } from "../shared/controlDoc";

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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

async function request<T>(method: string, route: string, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let res: Response;
  try {
    res = await fetch(`/api${route}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiRequestError(0, "network", "The server could not be reached. Check your connection.");
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return body as T;
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    throw new ApiRequestError(res.status, code, message, fields);
  }
  throw new ApiRequestError(res.status, "http_error", `The server answered ${res.status} ${res.statusText}.`);
}

export const createWorkshop = (body: CreateWorkshopBody) =>
  request<CreateWorkshopResponse>("POST", "/workshops", { body });

export const joinWorkshop = (body: JoinBody) => request<JoinResponse>("POST", "/join", { body });

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
