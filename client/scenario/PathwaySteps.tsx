import { type Step, stepsOf } from "../../shared/content";
import { EmptyState } from "../fields/EmptyState";
import { changeThenFocus } from "../fields/focusSoon";
import { useActors, useSafeguards, useSources } from "../hooks/useContent";
import { useRoom } from "../room/RoomContext";
import { fieldKey } from "../sync/contentHistory";
import { StepItem } from "./StepItem";

/** The ordered pathway from actor to harm, and where the model gives uplift along it. */
export function PathwaySteps({ scenarioId, steps }: { scenarioId: string; steps: Step[] }) {
  const { doc, history, canEdit } = useRoom();
  const actors = useActors(doc);
  const sources = useSources(doc);
  const safeguards = useSafeguards(doc);
  const list = () => stepsOf(doc, scenarioId);

  const add = () => {
    let id = "";
    changeThenFocus(
      () => history.edit(() => (id = list().add({ text: "" }))),
      () => `step-${id}-text`,
    );
  };

  return (
    <section className="panel" aria-labelledby="steps-heading">
      <div className="panel-head">
        <h3 id="steps-heading">
          Pathway <span className="count">{steps.length}</span>
        </h3>
        {canEdit && (
          <button type="button" id="add-step" className="add-button" onClick={add}>
            + Add step
          </button>
        )}
      </div>
      {steps.length === 0 ? (
        <EmptyState title="No steps yet.">
          {canEdit
            ? "Walk from the actor to the harm one step at a time, and tick where the model gives uplift."
            : "The pathway from actor to harm will appear here as experts write it."}
        </EmptyState>
      ) : (
        <ol className="steps">
          {steps.map((step, index) => (
            <StepItem
              key={step.id}
              step={step}
              index={index}
              count={steps.length}
              actors={actors}
              sources={sources}
              safeguards={safeguards}
              onChange={(patch, typing) =>
                history.edit(
                  () => list().update(step.id, patch),
                  typing ? fieldKey(step.id, patch) : undefined,
                )
              }
              onMove={(direction) => history.edit(() => list().move(step.id, index + direction))}
              onRemove={() => history.edit(() => list().remove(step.id))}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
