/** Thin REST calls for tests, typed by the shared API shapes. */
import type { CreateInviteResponse, CreateWorkshopResponse, JoinResponse } from "../../shared/api";
import type { Role } from "../../shared/roles";

export interface ApiResult<T> {
  status: number;
  body: T;
}

export async function call<T = unknown>(
  baseUrl: string,
  method: string,
  route: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await fetch(`${baseUrl}/api${route}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function createWorkshop(
  baseUrl: string,
  title = "Model X pre-deployment",
): Promise<CreateWorkshopResponse> {
  const res = await call<CreateWorkshopResponse>(baseUrl, "POST", "/workshops", {
    body: { title, displayName: "Fran Facilitator" },
  });
  if (res.status !== 201) throw new Error(`create workshop: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createInvite(
  baseUrl: string,
  token: string,
  workshopId: string,
  role: Role,
  extra: Record<string, unknown> = {},
): Promise<CreateInviteResponse> {
  const res = await call<CreateInviteResponse>(baseUrl, "POST", `/workshops/${workshopId}/invites`, {
    token,
    body: { role, ...extra },
  });
  if (res.status !== 201) throw new Error(`create invite: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function join(baseUrl: string, inviteToken: string, displayName: string): Promise<JoinResponse> {
  const res = await call<JoinResponse>(baseUrl, "POST", "/join", { body: { inviteToken, displayName } });
  if (res.status !== 201) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A workshop with a facilitator and one participant per requested role. */
export async function workshopWith(baseUrl: string, roles: Role[]) {
  const created = await createWorkshop(baseUrl);
  const workshopId = created.workshop.id;
  const facilitator = created.session.token;
  const people = [];
  for (const [i, role] of roles.entries()) {
    const invite = await createInvite(baseUrl, facilitator, workshopId, role);
    const joined = await join(baseUrl, invite.token, `${role} ${i + 1}`);
    people.push({
      role,
      token: joined.session.token,
      participant: joined.session.participant,
      invite: invite.invite,
    });
  }
  return { workshopId, facilitator, people };
}
