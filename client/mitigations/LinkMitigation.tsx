import { type FormEvent, useState } from "react";
import type { Mitigation } from "../../shared/content";
import { MITIGATION_KIND_LABELS, MITIGATION_STATUS_LABELS } from "./mitigationLabels";
import { linkableTo } from "./mitigationLinks";

function optionText(m: Mitigation): string {
  const scenarios = m.scenarioIds.length === 1 ? "1 scenario" : `${m.scenarioIds.length} scenarios`;
  const status = MITIGATION_STATUS_LABELS[m.status].toLowerCase();
  return `${m.title} (${MITIGATION_KIND_LABELS[m.kind]}, ${status}, ${scenarios})`;
}

/** Links a mitigation already written for another scenario; one measure often lowers several. */
export function LinkMitigation({
  mitigations,
  scenarioId,
  onLink,
}: {
  mitigations: readonly Mitigation[];
  scenarioId: string;
  onLink(mitigation: Mitigation): void;
}) {
  const options = linkableTo(mitigations, scenarioId);
  const [chosen, setChosen] = useState("");
  if (options.length === 0) return null;
  const selected = options.find((m) => m.id === chosen);

  const link = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!selected) return;
    onLink(selected);
    setChosen("");
  };

  return (
    <form className="add-row link-mitigation" onSubmit={link} aria-label="Link an existing mitigation">
      <label htmlFor="link-mitigation-choice" className="visually-hidden">
        Existing mitigation to link
      </label>
      <select id="link-mitigation-choice" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
        <option value="">Link an existing mitigation…</option>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {optionText(m)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!selected}>
        Link mitigation
      </button>
    </form>
  );
}
