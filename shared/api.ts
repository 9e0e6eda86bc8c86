/** REST request schemas and response shapes, used by the server to validate and by the client to type its calls. */
import { z } from "zod";
import { PHASES } from "./controlDoc";
import type { ErrorCode } from "./errors";
import { MAX_NAME_LENGTH } from "./limits";
import { ROLES, type Role } from "./roles";

const name = z.string().trim().min(1, "must not be empty").max(MAX_NAME_LENGTH);

export const createWorkshopBody = z.strictObject({
  title: z.string().trim().min(1, "must not be empty").max(200),
  subject: z.string().trim().max(200).optional(),
  /** The creator's display name; "Facilitator" when omitted. */
  displayName: name.optional(),
});
export type CreateWorkshopBody = z.infer<typeof createWorkshopBody>;

export const createInviteBody = z.strictObject({
  role: z.enum(ROLES),
  label: z.string().trim().max(MAX_NAME_LENGTH).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  maxUses: z.int().min(1).max(10_000).optional(),
});
export type CreateInviteBody = z.infer<typeof createInviteBody>;

export const joinBody = z.strictObject({
  inviteToken: z.string().min(16).max(200),
  displayName: name,
});
export type JoinBody = z.infer<typeof joinBody>;

export const setPhaseBody = z.strictObject({ phase: z.enum(PHASES) });
export type SetPhaseBody = z.infer<typeof setPhaseBody>;

export const startTimerBody = z.strictObject({
  /** Up to four hours; workshops run in sessions, not days. */
  durationSeconds: z
    .int()
    .min(10)
    .max(4 * 3600),
  label: z.string().trim().max(MAX_NAME_LENGTH).optional(),
});
export type StartTimerBody = z.infer<typeof startTimerBody>;

export const focusBody = z.strictObject({ scenarioId: z.string().min(1).max(64).nullable() });
export type FocusBody = z.infer<typeof focusBody>;

export interface WorkshopView {
  id: string;
  title: string;
  subject?: string;
  createdAt: string;
}

export interface ParticipantView {
  id: string;
  displayName: string;
  role: Role;
  joinedAt: string;
  /** Set once the invite that let this participant in was revoked. */
  revokedAt?: string;
}

export interface InviteView {
  id: string;
  role: Role;
  label?: string;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  maxUses?: number;
  uses: number;
  revokedAt?: string;
}

export interface SessionView {
  token: string;
  participant: ParticipantView;
}

export interface CreateWorkshopResponse {
  workshop: WorkshopView;
  session: SessionView;
}
export type JoinResponse = CreateWorkshopResponse;

export interface CreateInviteResponse {
  invite: InviteView;
  token: string;
  url: string;
}

export interface MeResponse {
  workshop: WorkshopView;
  participant: ParticipantView;
}

/** Every REST error has this body; `fields` maps a request path to what is wrong with it. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string[]> };
}
