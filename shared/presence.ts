/** The `user` field of an awareness state. The server overwrites name, role and participantId from the session. */
import type { Role } from "./roles";

export interface PresenceUser {
  participantId: string;
  name: string;
  role: Role;
  color: string;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** A stable colour per participant, so a person keeps their colour across reloads and devices. */
export function colorFor(participantId: string): string {
  let hash = 0;
  for (const ch of participantId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const palette = ["#d9480f", "#1971c2", "#2b8a3e", "#862e9c", "#c2255c", "#0b7285", "#5f3dc4", "#a61e4d"];
  return palette[hash % palette.length] ?? "#1971c2";
}

export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && HEX_COLOR.test(value);
}
