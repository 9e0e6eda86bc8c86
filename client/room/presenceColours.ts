/**
 * Caret and avatar colours: twelve hues far enough apart to tell people apart, each dark enough
 * for white initials and name labels (contrast at least 4.5:1 on each). A participant's colour is
 * the one at their place in the order people joined the workshop, so the first twelve people
 * never share one, and everyone keeps theirs across reloads and devices.
 */
export const PRESENCE_PALETTE = [
  "#c92a2a",
  "#1864ab",
  "#2b7a3b",
  "#862e9c",
  "#b35c00",
  "#0b7285",
  "#c2255c",
  "#5f3dc4",
  "#5c7a0f",
  "#7a4a1e",
  "#1c2e6e",
  "#495057",
] as const;

const at = (index: number): string => PRESENCE_PALETTE[index % PRESENCE_PALETTE.length] ?? "#1864ab";

/** Someone not (yet) in the list, e.g. before the control document arrives: a stable guess by id. */
function byId(participantId: string): string {
  let hash = 0;
  for (const ch of participantId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return at(hash);
}

/** `joinOrder`: participant ids in the order they joined the workshop. */
export function colourOf(participantId: string, joinOrder: readonly string[]): string {
  const index = joinOrder.indexOf(participantId);
  return index < 0 ? byId(participantId) : at(index);
}
