import type { Framework } from "../../shared/estimation/framework";
import type { Change, DiffSegment, ScenarioChange } from "../../shared/snapshotDiff";
import { StandingDelta } from "./StandingDelta";

function Field<T extends string | number>({
  label,
  change,
}: {
  label: string;
  change: Change<T> | undefined;
}) {
  if (!change) return null;
  return (
    <li>
      {label}: <del>{change.from}</del> → <ins>{change.to}</ins>
    </li>
  );
}

export function WordDiff({ segments }: { segments: DiffSegment[] }) {
  return (
    <p className="word-diff">
      {segments.map((s, i) =>
        s.kind === "ins" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder.
          <ins key={i}>{s.text}</ins>
        ) : s.kind === "del" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <del key={i}>{s.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}

/** One scenario present in both snapshots: what changed in its text and in its standing. */
export function CompareScenario({
  change,
  riskTitle,
  from,
  to,
}: {
  change: ScenarioChange;
  riskTitle: (id: string) => string;
  from: Framework;
  to: Framework;
}) {
  const headingId = `compare-${change.id}`;
  const risk = change.riskChange && {
    from: riskTitle(change.riskChange.from),
    to: riskTitle(change.riskChange.to),
  };
  return (
    <article className="compare-scenario" aria-labelledby={headingId}>
      <h4 id={headingId}>{change.title}</h4>
      <ul className="compare-fields">
        <Field label="Title" change={change.titleChange} />
        <Field label="Status" change={change.statusChange} />
        <Field label="Risk" change={risk} />
        <Field label="Pathway steps" change={change.steps} />
        <Field label="Evidence" change={change.evidence} />
      </ul>
      {change.narrative && (
        <div className="compare-narrative">
          <h5>Narrative</h5>
          <WordDiff segments={change.narrative} />
        </div>
      )}
      {(change.pre || change.residual) && (
        <table className="compare-standings">
          <caption className="visually-hidden">Estimates of {change.title}</caption>
          {/* Fixed widths so the columns line up from one scenario to the next. */}
          <colgroup>
            <col className="compare-col-label" />
            <col className="compare-col-side" />
            <col className="compare-col-arrow" />
            <col className="compare-col-side" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Standing</th>
              {/* "From"/"To" as in the headings above: "Before" read as "before mitigation". */}
              <th scope="col">From</th>
              <th scope="col">
                <span className="visually-hidden">Direction</span>
              </th>
              <th scope="col">To</th>
            </tr>
          </thead>
          <tbody>
            {change.pre && (
              <StandingDelta label="Before mitigation" change={change.pre} from={from} to={to} />
            )}
            {change.residual && (
              <StandingDelta label="Residual" change={change.residual} from={from} to={to} />
            )}
          </tbody>
        </table>
      )}
    </article>
  );
}
