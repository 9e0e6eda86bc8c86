import {
  ACTOR_TYPES,
  type Actor,
  actorsOf,
  CAPABILITY_LEVELS,
  type Safeguard,
  SOURCE_KINDS,
  type Source,
  safeguardsOf,
  sourcesOf,
} from "../../shared/content";
import { InlineSelect } from "../fields/InlineSelect";
import { InlineText } from "../fields/InlineText";
import { useActors, useSafeguards, useSources } from "../hooks/useContent";
import {
  ACTOR_TYPE_LABELS,
  CAPABILITY_LABELS,
  optionsOf,
  SOURCE_KIND_HINTS,
  SOURCE_KIND_LABELS,
} from "../labels";
import { useRoom } from "../room/RoomContext";
import { fieldKey } from "../sync/contentHistory";
import { ThreatList } from "./ThreatList";

const ACTOR_TYPE_OPTIONS = optionsOf(ACTOR_TYPES, ACTOR_TYPE_LABELS);
const LEVEL_OPTIONS = optionsOf(CAPABILITY_LEVELS, CAPABILITY_LABELS);
const KIND_OPTIONS = optionsOf(SOURCE_KINDS, SOURCE_KIND_LABELS);

/** The workshop's threat model: who could cause harm, from which sources of risk, against which safeguards. */
export function ThreatModelView() {
  const { doc, history } = useRoom();
  const actors = useActors(doc);
  const sources = useSources(doc);
  const safeguards = useSafeguards(doc);

  const actorFields = (a: Actor) => {
    const set = (patch: Partial<Omit<Actor, "id">>, t = false) =>
      history.edit(() => actorsOf(doc).update(a.id, patch), t ? fieldKey(a.id, patch) : undefined);
    return (
      <>
        <InlineText
          label="Actor name"
          hideLabel
          required
          className="card-name"
          value={a.name}
          maxLength={200}
          onChange={(name) => set({ name }, true)}
        />
        <div className="field-row">
          <InlineSelect
            label="Type"
            value={a.type}
            options={ACTOR_TYPE_OPTIONS}
            onChange={(type) => set({ type })}
          />
          <InlineSelect
            label="Capability"
            value={a.capabilityLevel}
            options={LEVEL_OPTIONS}
            onChange={(capabilityLevel) => set({ capabilityLevel })}
          />
        </div>
        <InlineText
          label="Resources"
          multiline
          value={a.resources}
          maxLength={2000}
          placeholder="Money, people, lab access…"
          onChange={(resources) => set({ resources }, true)}
        />
        <InlineText
          label="Intent"
          multiline
          value={a.intent}
          maxLength={2000}
          placeholder="What they want"
          onChange={(intent) => set({ intent }, true)}
        />
      </>
    );
  };

  const sourceFields = (s: Source) => {
    const set = (patch: Partial<Omit<Source, "id">>, t = false) =>
      history.edit(() => sourcesOf(doc).update(s.id, patch), t ? fieldKey(s.id, patch) : undefined);
    return (
      <>
        <InlineText
          label="Source name"
          hideLabel
          required
          className="card-name"
          value={s.name}
          maxLength={200}
          onChange={(name) => set({ name }, true)}
        />
        <InlineSelect label="Kind" value={s.kind} options={KIND_OPTIONS} onChange={(kind) => set({ kind })} />
        <p className="hint">{SOURCE_KIND_HINTS[s.kind]}</p>
        <InlineText
          label="Description"
          multiline
          value={s.description}
          maxLength={2000}
          onChange={(description) => set({ description }, true)}
        />
      </>
    );
  };

  const safeguardFields = (g: Safeguard) => {
    const set = (patch: Partial<Omit<Safeguard, "id">>, t = false) =>
      history.edit(() => safeguardsOf(doc).update(g.id, patch), t ? fieldKey(g.id, patch) : undefined);
    return (
      <>
        <InlineText
          label="Safeguard name"
          hideLabel
          required
          className="card-name"
          value={g.name}
          maxLength={200}
          onChange={(name) => set({ name }, true)}
        />
        <InlineText
          label="Description"
          multiline
          value={g.description}
          maxLength={2000}
          onChange={(description) => set({ description }, true)}
        />
      </>
    );
  };

  return (
    <div className="pane-inner threat-model">
      <header className="view-header">
        <h2 className="view-title">Threat model</h2>
        <p className="muted">
          Shared by every scenario: link actors and sources to scenarios, and safeguards to pathway steps.
        </p>
      </header>
      <div className="threat-columns">
        <ThreatList
          id="actors"
          title="Actors"
          noun="actor"
          intro="Who could cause the harm, with what resources and intent."
          empty="Add who might act: a state programme, an organised group, a lone novice, an insider, or the model itself."
          items={actors}
          renderFields={actorFields}
          onAdd={(name) => history.edit(() => actorsOf(doc).add({ name }))}
          onMove={(a, index) => history.edit(() => actorsOf(doc).move(a.id, index))}
          onRemove={(a) => history.edit(() => actorsOf(doc).remove(a.id))}
        />
        <ThreatList
          id="sources"
          title="Sources of risk"
          noun="source"
          intro="Capabilities, but also propensities (e.g. to deceive) and affordances (tools, oversight, reach)."
          empty="Add what in the model or its deployment makes the harm possible."
          items={sources}
          renderFields={sourceFields}
          onAdd={(name) => history.edit(() => sourcesOf(doc).add({ name }))}
          onMove={(s, index) => history.edit(() => sourcesOf(doc).move(s.id, index))}
          onRemove={(s) => history.edit(() => sourcesOf(doc).remove(s.id))}
        />
        <ThreatList
          id="safeguards"
          title="Safeguards"
          noun="safeguard"
          intro="What stands between the actor and the harm: filters, access controls, monitoring."
          empty="Add the safety and security measures that act on pathway steps."
          items={safeguards}
          renderFields={safeguardFields}
          onAdd={(name) => history.edit(() => safeguardsOf(doc).add({ name }))}
          onMove={(g, index) => history.edit(() => safeguardsOf(doc).move(g.id, index))}
          onRemove={(g) => history.edit(() => safeguardsOf(doc).remove(g.id))}
        />
      </div>
    </div>
  );
}
