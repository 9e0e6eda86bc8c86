/** Roles of a workshop participant and what each may do. */
export const ROLES = ["facilitator", "expert", "observer"] as const;
export type Role = (typeof ROLES)[number];

/** Facilitators and experts co-edit the content document; observers only read. */
export function canWriteContent(role: Role): boolean {
  return role === "facilitator" || role === "expert";
}

/** Only facilitators run the workshop: invites, revocations, phases. */
export function canFacilitate(role: Role): boolean {
  return role === "facilitator";
}
