import { type FormEvent, useState } from "react";
import { MITIGATION_KINDS, type Mitigation, mitigationsOf } from "../../shared/content";
import { EmptyState } from "../fields/EmptyState";
import { changeThenFocus } from "../fields/focusSoon";
import { useMitigations } from "../hooks/useContent";
import { useRoom } from "../room/RoomContext";
import { fieldKey } from "../sync/contentHistory";
import { LinkMitigation } from "./LinkMitigation";
import { MitigationItem } from "./MitigationItem";
import { MITIGATION_KIND_LABELS } from "./mitigationLabels";
import { linkedTo, withLink, withoutLink } from "./mitigationLinks";

type Kind = Mitigation["kind"];

/** The safety and security mitigations that lower this scenario's residual risk. */
export function ScenarioMitigations({ scenarioId }: { scenarioId: string }) {
  const { doc, history, canEdit } = useRoom();
  const all = useMitigations(doc);
  const linked = linkedTo(all, scenarioId);
  const [kind, setKind] = useState<Kind>("safety");
  const [title, setTitle] = useState("");
  const list = () => mitigationsOf(doc);

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) return;
    if (history.edit(() => list().add({ kind, title: title.trim(), scenarioIds: [scenarioId] })))
      setTitle("");
  };
  const setLinks = (m: Mitigation, scenarioIds: string[]) =>
    history.edit(() => list().update(m.id, { scenarioIds }));

  return (
    <section className="panel" aria-labelledby="mitigations-heading">
      <div className="panel-head">
        <h3 id="mitigations-heading">
          Mitigations <span className="count">{linked.length}</span>
        </h3>
      </div>
      <p className="panel-intro muted small">
        Residual rounds estimate the risk with these mitigations in place.
      </p>
      {linked.length === 0 ? (
        <EmptyState title="No mitigations linked yet.">
          {canEdit
            ? "Add the safety and security measures that lower this scenario's risk, or link one already written for another scenario."
            : "Safety and security mitigations will appear here as they are linked to this scenario."}
        </EmptyState>
      ) : (
        <ul className="mitigation-list">
          {linked.map((m) => (
            <MitigationItem
              key={m.id}
              mitigation={m}
              scenarioId={scenarioId}
              onChange={(patch, typing) =>
                history.edit(() => list().update(m.id, patch), typing ? fieldKey(m.id, patch) : undefined)
              }
              onUnlink={() =>
                changeThenFocus(
                  () => setLinks(m, withoutLink(m.scenarioIds, scenarioId)),
                  () => "add-mitigation-title",
                )
              }
              onRemove={() =>
                changeThenFocus(
                  () => history.edit(() => list().remove(m.id)),
                  () => "add-mitigation-title",
                )
              }
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <form className="add-row" onSubmit={add} aria-label="Add mitigation">
            <label htmlFor="add-mitigation-kind" className="visually-hidden">
              Kind of new mitigation
            </label>
            <select
              id="add-mitigation-kind"
              value={kind}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setKind(MITIGATION_KINDS.find((k) => k === value) ?? "safety");
              }}
            >
              {MITIGATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {MITIGATION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <label htmlFor="add-mitigation-title" className="visually-hidden">
              Title of new mitigation
            </label>
            <input
              id="add-mitigation-title"
              value={title}
              maxLength={300}
              autoComplete="off"
              placeholder="e.g. Bio-misuse classifier on outputs"
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <button type="submit" disabled={!title.trim()}>
              Add mitigation
            </button>
          </form>
          <LinkMitigation
            mitigations={all}
            scenarioId={scenarioId}
            onLink={(m) => setLinks(m, withLink(m.scenarioIds, scenarioId))}
          />
        </>
      )}
    </section>
  );
}
