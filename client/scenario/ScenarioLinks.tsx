import {
  NATURE_FLAGS,
  type ScenarioSet,
  type ScenarioSummary,
  setScenarioMember,
} from "../../shared/content";
import { Link } from "../components/Link";
import { CheckboxGroup } from "../fields/CheckboxGroup";
import { useActors, useSources } from "../hooks/useContent";
import { NATURE_LABELS, SOURCE_KIND_LABELS } from "../labels";
import { useRoom } from "../room/RoomContext";
import { roomPath } from "../router";

/** The scenario's nature (Code of Practice, Appendix 1.2) and the actors and sources it involves. */
export function ScenarioLinks({ scenario }: { scenario: ScenarioSummary }) {
  const { doc, history, base } = useRoom();
  const actors = useActors(doc);
  const sources = useSources(doc);
  const toggle = (set: ScenarioSet) => (key: string, on: boolean) =>
    history.edit(() => setScenarioMember(doc, scenario.id, set, key, on));
  const threatModel = roomPath(base, { kind: "threatModel" });

  return (
    <section className="panel links-panel" aria-label="Nature, actors and sources">
      <CheckboxGroup
        legend="Nature of the risk"
        options={NATURE_FLAGS.map((flag) => ({ value: flag, label: NATURE_LABELS[flag] }))}
        selected={scenario.nature}
        onToggle={toggle("nature")}
        empty={null}
      />
      <CheckboxGroup
        legend="Threat actors"
        options={actors.map((a) => ({ value: a.id, label: a.name }))}
        selected={scenario.actorIds}
        onToggle={toggle("actorIds")}
        empty={
          <>
            No actors yet. <Link href={threatModel}>Add them in the threat model</Link>.
          </>
        }
      />
      <CheckboxGroup
        legend="Sources of risk"
        options={sources.map((s) => ({
          value: s.id,
          label: s.name,
          hint: SOURCE_KIND_LABELS[s.kind].toLowerCase(),
        }))}
        selected={scenario.sourceIds}
        onToggle={toggle("sourceIds")}
        empty={
          <>
            No sources yet. <Link href={threatModel}>Add capabilities, propensities and affordances</Link>.
          </>
        }
      />
    </section>
  );
}
