/** Room names on the wire: `<workshopId>` for content, `<workshopId>/control` for the server-written control document. */

export type DocKind = "content" | "control";

export interface RoomName {
  workshopId: string;
  kind: DocKind;
}

/** Workshop ids are 16 base64url characters (96 random bits); anything else is not a workshop. */
const WORKSHOP_ID = /^[A-Za-z0-9_-]{16}$/;

export function isWorkshopId(value: string): boolean {
  return WORKSHOP_ID.test(value);
}

/** Parses a room name strictly: no other suffix, no dots, no encoded characters. */
export function parseRoomName(name: string): RoomName | null {
  const [workshopId, suffix, ...rest] = name.split("/");
  if (workshopId === undefined || !isWorkshopId(workshopId) || rest.length > 0) return null;
  if (suffix === undefined) return { workshopId, kind: "content" };
  if (suffix === "control") return { workshopId, kind: "control" };
  return null;
}

export function roomName(room: RoomName): string {
  return room.kind === "content" ? room.workshopId : `${room.workshopId}/control`;
}
