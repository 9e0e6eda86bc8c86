import { useId, useState } from "react";
import {
  CONDITION_KINDS,
  type ConditionKind,
  MAX_WATCHED_CONDITIONS,
  type WatchedCondition,
  type WatchedConditionInput,
  watchedConditionInput,
} from "../../shared/watchedConditions";

/** The conditions on record as the inputs that state them (their ids and marks are the server's). */
export function inputsOf(watched: readonly WatchedCondition[]): WatchedConditionInput[] {
  return watched.map(({ id: _id, markedMet: _m, ...input }) => input as WatchedConditionInput);
}

const KIND_LABELS: Record<ConditionKind, string> = {
  evaluation: "An evaluation result crosses a value",
  incident: "A serious incident is linked to the risk",
  affordance: "A new affordance (marked by a facilitator)",
  date: "A date passes",
};

/** Watched conditions in the determination form: the list, a remove button each, and a small form to add one. */
export function WatchedConditionsEditor({
  value,
  onChange,
}: {
  value: readonly WatchedConditionInput[];
  onChange: (next: WatchedConditionInput[]) => void;
}) {
  const id = useId();
  const [kind, setKind] = useState<ConditionKind>("evaluation");
  const [fields, setFields] = useState({
    description: "",
    metric: "",
    direction: "above",
    value: "",
    date: "",
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<typeof fields>) => setFields((f) => ({ ...f, ...patch }));

  function add() {
    const candidate = {
      kind,
      description: fields.description,
      ...(kind === "evaluation"
        ? { metric: fields.metric, direction: fields.direction, value: Number(fields.value) }
        : kind === "date"
          ? { date: fields.date }
          : {}),
    };
    const parsed = watchedConditionInput.safeParse(candidate);
    if (!parsed.success || (kind === "evaluation" && fields.value.trim() === "")) {
      setProblem(
        parsed.success ? "Give the value." : (parsed.error.issues[0]?.message ?? "Check the fields."),
      );
      return;
    }
    setProblem(null);
    onChange([...value, parsed.data]);
    setFields({ description: "", metric: "", direction: "above", value: "", date: "" });
  }

  return (
    <fieldset className="watched-editor">
      <legend>Watched conditions</legend>
      {value.length === 0 ? (
        <p className="muted small">None: the conditions above are free text only.</p>
      ) : (
        <ul className="plain-list">
          {value.map((c, i) => (
            <li key={`${c.kind}-${c.description}`}>
              {c.description} <span className="muted">({KIND_LABELS[c.kind]})</span>{" "}
              <button type="button" onClick={() => onChange(value.filter((_, k) => k !== i))}>
                Remove <span className="visually-hidden">“{c.description}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {value.length < MAX_WATCHED_CONDITIONS && (
        <div className="inline-form">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as ConditionKind)}
          >
            {CONDITION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-description`}>Condition</label>
          <input
            id={`${id}-description`}
            value={fields.description}
            maxLength={1000}
            onChange={(e) => set({ description: e.currentTarget.value })}
          />
          {kind === "evaluation" && (
            <>
              <label htmlFor={`${id}-metric`}>Evaluation (in the evidence title)</label>
              <input
                id={`${id}-metric`}
                value={fields.metric}
                maxLength={200}
                onChange={(e) => set({ metric: e.currentTarget.value })}
              />
              <label htmlFor={`${id}-direction`}>Met when the result is</label>
              <select
                id={`${id}-direction`}
                value={fields.direction}
                onChange={(e) => set({ direction: e.currentTarget.value })}
              >
                <option value="above">above</option>
                <option value="below">below</option>
              </select>
              <label htmlFor={`${id}-value`}>Value</label>
              <input
                id={`${id}-value`}
                type="number"
                step="any"
                value={fields.value}
                onChange={(e) => set({ value: e.currentTarget.value })}
              />
            </>
          )}
          {kind === "date" && (
            <>
              <label htmlFor={`${id}-date`}>Date</label>
              <input
                id={`${id}-date`}
                type="date"
                value={fields.date}
                onChange={(e) => set({ date: e.currentTarget.value })}
              />
            </>
          )}
          <button type="button" onClick={add}>
            Add watched condition
          </button>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
