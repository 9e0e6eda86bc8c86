import type * as Y from "yjs";
import { useRisks, useScenarioList } from "../hooks/useContent";
import type { RoomPlace } from "../router";
import { placeFromKey, placeKey } from "./snapshotNav";

/** Overview, threat model, framework, rounds, register, acceptance, and a picker over the snapshot's own risks and scenarios. */
export function SnapshotPlaceNav({
  doc,
  place,
  onPlace,
}: {
  doc: Y.Doc;
  place: RoomPlace;
  onPlace(place: RoomPlace): void;
}) {
  const risks = useRisks(doc);
  const scenarios = useScenarioList(doc);
  const current = placeKey(place);
  const fixed = (p: RoomPlace, label: string) => (
    <button
      type="button"
      className="small-button"
      aria-current={current === placeKey(p) ? "page" : undefined}
      onClick={() => onPlace(p)}
    >
      {label}
    </button>
  );
  return (
    <nav className="snapshot-place-nav" aria-label="In this snapshot">
      {fixed({ kind: "overview" }, "Overview")}
      {fixed({ kind: "threatModel" }, "Threat model")}
      {fixed({ kind: "framework" }, "Framework")}
      {fixed({ kind: "rounds" }, "Rounds")}
      {fixed({ kind: "register" }, "Risk register")}
      {fixed({ kind: "acceptance" }, "Acceptance")}
      {fixed({ kind: "incidents" }, "Incidents")}
      <label className="snapshot-place-pick">
        <span>Risk or scenario</span>
        <select
          value={current.includes(":") ? current : ""}
          onChange={(e) => e.target.value && onPlace(placeFromKey(e.target.value))}
        >
          <option value="">Choose…</option>
          {risks.map((risk) => (
            <optgroup key={risk.id} label={risk.title}>
              <option value={placeKey({ kind: "risk", riskId: risk.id })}>{risk.title} (risk)</option>
              {scenarios
                .filter((s) => s.riskId === risk.id)
                .map((s) => (
                  <option key={s.id} value={placeKey({ kind: "scenario", scenarioId: s.id })}>
                    {s.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
    </nav>
  );
}
