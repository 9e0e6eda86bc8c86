/**
 * Sessions kept in this browser, one per workshop: the token that acts for a participant, who that
 * participant is, and the workshop's title for the start page's list.
 */
import type { CreateWorkshopResponse, ParticipantView, WorkshopView } from "../shared/api";
import { ROLES } from "../shared/roles";

export interface StoredSession {
  token: string;
  participant: ParticipantView;
  workshop: WorkshopView;
}

const PREFIX = "riskroom.session.";

export function saveSession({ workshop, session }: CreateWorkshopResponse): StoredSession {
  const stored: StoredSession = { token: session.token, participant: session.participant, workshop };
  localStorage.setItem(PREFIX + workshop.id, JSON.stringify(stored));
  return stored;
}

export function loadSession(workshopId: string): StoredSession | null {
  return parse(localStorage.getItem(PREFIX + workshopId));
}

export function forgetSession(workshopId: string): void {
  localStorage.removeItem(PREFIX + workshopId);
}

/** Every workshop this browser holds a session for, newest first. */
export function listSessions(): StoredSession[] {
  const sessions: StoredSession[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const session = parse(localStorage.getItem(key));
    if (session) sessions.push(session);
  }
  return sessions.sort((a, b) => b.participant.joinedAt.localeCompare(a.participant.joinedAt));
}

/** Storage is user-editable and outlives app versions: anything malformed counts as no session. */
function parse(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    const { token, participant, workshop } = value;
    if (typeof token !== "string" || !participant || !workshop) return null;
    if (typeof participant.id !== "string" || !ROLES.includes(participant.role)) return null;
    if (typeof workshop.id !== "string" || typeof workshop.title !== "string") return null;
    return { token, participant, workshop };
  } catch {
    return null;
  }
}
