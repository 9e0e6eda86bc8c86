import type { Risk, ScenarioSummary } from "../../shared/content";

interface Props {
  risks: readonly Risk[];
  scenarios: readonly ScenarioSummary[];
  chosen: ReadonlySet<string>;
  onChange(next: ReadonlySet<string>): void;
}

/** Scenario checkboxes grouped by risk, each group with its own "select all". */
export function ScenarioPicker({ risks, scenarios, chosen, onChange }: Props) {
  const toggle = (ids: readonly string[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onChange(next);
  };
  const groups = risks
    .map((risk) => ({ risk, own: scenarios.filter((s) => s.riskId === risk.id) }))
    .filter((g) => g.own.length > 0);

  return (
    <div className="scenario-picker">
      {groups.map(({ risk, own }) => {
        const ids = own.map((s) => s.id);
        const count = ids.filter((id) => chosen.has(id)).length;
        const all = count === ids.length;
        return (
          <fieldset key={risk.id} className="picker-group">
            <legend>{risk.title}</legend>
            <label className="choice select-all">
              <input
                type="checkbox"
                checked={all}
                ref={(el) => {
                  if (el) el.indeterminate = count > 0 && !all;
                }}
                onChange={(e) => toggle(ids, e.target.checked)}
                aria-label={`Select all scenarios of ${risk.title}`}
              />
              <span className="muted small">Select all ({ids.length})</span>
            </label>
            <ul className="picker-list">
              {own.map((s) => (
                <li key={s.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={chosen.has(s.id)}
                      onChange={(e) => toggle([s.id], e.target.checked)}
                    />
                    <span>{s.title || "Untitled scenario"}</span>
                    {s.status === "agreed" && <span className="tag">agreed</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
