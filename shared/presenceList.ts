/** Who is here now, from a document's awareness states: valid `user` fields only, one entry per participant. */
import { isHexColor, type PresenceUser } from "./presence";
import { ROLES, type Role } from "./roles";

function asPresenceUser(value: unknown): PresenceUser | null {
  if (typeof value !== "object" || value === null) return null;
  const { participantId, name, role, color } = value as Record<string, unknown>;
  if (typeof participantId !== "string" || typeof name !== "string") return null;
  if (!ROLES.includes(role as Role) || !isHexColor(color)) return null;
  return { participantId, name, role: role as Role, color };
}

/**
 * One entry per participant (a person with two tabs open is one person), in the order first seen;
 * states without a complete `user` (e.g. this client's own, before the server stamps it) are skipped.
 */
export function peopleHere(states: Iterable<unknown>): PresenceUser[] {
  const people = new Map<string, PresenceUser>();
  for (const state of states) {
    const user =
      typeof state === "object" && state !== null ? asPresenceUser((state as { user?: unknown }).user) : null;
    if (user && !people.has(user.participantId)) people.set(user.participantId, user);
  }
  return [...people.values()];
}
