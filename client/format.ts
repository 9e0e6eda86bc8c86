/** Words and dates as people read them. */
import type { Role } from "../shared/roles";

const ROLE_LABELS: Record<Role, string> = {
  facilitator: "Facilitator",
  expert: "Expert",
  observer: "Observer",
};

export const roleLabel = (role: Role): string => ROLE_LABELS[role];

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

const shortDateTime = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** For table cells: no year, since invites live for days, not years. */
export const formatShortDateTime = (iso: string): string => shortDateTime.format(new Date(iso));

/** Initials for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [name.trim()];
  return letters
    .map((part) => [...(part ?? "")].slice(0, parts.length > 1 ? 1 : 2).join(""))
    .join("")
    .toUpperCase();
}

/** A SHA-256 hex digest shortened for display; the full value goes in a title. */
export const shortHash = (hash: string): string => (hash.length > 16 ? `${hash.slice(0, 12)}…` : hash);

/** "1 scenario", "2 scenarios"; `many` for nouns that do not just take an "s". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
