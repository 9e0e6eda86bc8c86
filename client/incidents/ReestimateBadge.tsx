import { formatLocal } from "../../shared/incidents";
import { Link } from "../components/Link";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";
import { useIncidentSummaries, useReestimateFlags } from "./useIncidents";

/**
 * "Re-estimate": a serious incident bears on this scenario and no round revealed since has
 * covered it. The server raises and clears the flag; this only shows it.
 */
export function ReestimateBadge({ scenarioId, long = false }: { scenarioId: string; long?: boolean }) {
  const { controlDoc, base } = useRoom();
  const flag = useReestimateFlags(controlDoc).get(scenarioId);
  const incidents = useIncidentSummaries(controlDoc);
  if (!flag) return null;
  const titles = flag.incidentIds.map((id) => incidents.find((i) => i.id === id)?.title ?? id);
  const why = `Linked to ${titles.length === 1 ? "incident" : "incidents"} ${titles.map((t) => `“${t}”`).join(", ")} since ${formatLocal(flag.since)}; no round revealed since has covered it.`;
  return (
    <span className="reestimate-flag" title={why}>
      <Link href={roomPath(base, { kind: "incidents" })}>Re-estimate</Link>
      {long && <span className="reestimate-why"> {why}</span>}
    </span>
  );
}
