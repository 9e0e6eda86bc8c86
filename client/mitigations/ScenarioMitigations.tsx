import { MITIGATION_KINDS, type Mitigation, mitigationsOf } from "../../shared/content";
import { EmptyState } from "../fields/EmptyState";
import { changeThenFocus } from "../fields/focusSoon";
import { KindTitleAdd } from "../fields/KindTitleAdd";
import { useMitigations } from "../hooks/useContent";
import { useRoom } from "../room/RoomContext";
import { fieldKey } from "../sync/contentHistory";
import { LinkMitigation } from "./LinkMitigation";
import { MitigationItem } from "./MitigationItem";
import { MITIGATION_KIND_LABELS } from "./mitigationLabels";
import { linkedTo, withLink, withoutLink } from "./mitigationLinks";

/** The safety and security mitigations that lower this scenario's residual risk. */
export function ScenarioMitigations({ scenarioId }: { scenarioId: string }) {
  const { doc, history, canEdit } = useRoom();
  const all = useMitigations(doc);
  const linked = linkedTo(all, scenarioId);
  const list = () => mitigationsOf(doc);
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
          <KindTitleAdd
            noun="mitigation"
            titleId="add-mitigation-title"
            kinds={MITIGATION_KINDS}
            labels={MITIGATION_KIND_LABELS}
            initialKind="safety"
            placeholder="e.g. Bio-misuse classifier on outputs"
            maxLength={300}
            onAdd={(kind, title) =>
              history.edit(() => list().add({ kind, title, scenarioIds: [scenarioId] }))
            }
          />
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
