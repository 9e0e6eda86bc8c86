/**
 * The changelog of a report version: what differs between the sign-offs it was made from and those
 * of the version before, one line each, naming the workshop, the scenario (code and title) and the
 * values before and after. Pure; the order is the new version's, removals after.
 */
import type {
  DeterminationPart,
  EstimatePart,
  ModelReportBody,
  RiskPart,
  ScenarioPart,
  WorkshopPart,
} from "../../shared/modelReport";

type Parts = Pick<ModelReportBody, "model" | "workshops">;

export function changelog(previous: Parts | null, next: Parts): string[] {
  if (!previous) return ["First issue."];
  const out: string[] = [];
  for (const key of ["name", "version", "description", "deploymentContext"] as const)
    if (previous.model[key] !== next.model[key]) out.push(`Model ${words(key)} changed.`);
  const before = new Map(previous.workshops.map((w) => [w.workshopId, w]));
  for (const w of next.workshops) {
    const old = before.get(w.workshopId);
    before.delete(w.workshopId);
    if (!old) {
      out.push(`Workshop “${w.title}” added (sign-off “${w.signOff.label}”).`);
      continue;
    }
    if (old.signOff.snapshotId !== w.signOff.snapshotId)
      out.push(
        `Workshop “${w.title}”: sign-off changed from “${old.signOff.label}” to “${w.signOff.label}”.`,
      );
    out.push(...workshopChanges(old, w));
  }
  for (const w of before.values()) out.push(`Workshop “${w.title}” removed (its sign-off no longer counts).`);
  if (out.length === 0) out.push("No change in content since the previous version.");
  return out;
}

function workshopChanges(old: WorkshopPart, w: WorkshopPart): string[] {
  const out: string[] = [];
  if (old.framework.hash !== w.framework.hash)
    out.push(`Workshop “${w.title}”: acceptance criteria changed.`);
  const oldRisks = new Map(old.risks.map((r) => [r.riskId, r]));
  const oldScenarios = new Map(old.risks.flatMap((r) => r.scenarios).map((s) => [s.scenarioId, s]));
  for (const r of w.risks) {
    out.push(...determinationChanges(w.title, oldRisks.get(r.riskId), r));
    for (const s of r.scenarios) {
      const was = oldScenarios.get(s.scenarioId);
      oldScenarios.delete(s.scenarioId);
      out.push(...scenarioChanges(w.title, was, s));
    }
  }
  for (const s of oldScenarios.values()) out.push(`“${w.title}”: scenario “${s.title}” removed.`);
  const oldTimelines = new Map((old.timelines ?? []).map((t) => [t.riskId, t]));
  for (const t of w.timelines) {
    const was = oldTimelines.get(t.riskId);
    const now = `P10 ${t.aggregate.p10}, P50 ${t.aggregate.p50}, P90 ${t.aggregate.p90}`;
    if (!was) out.push(`“${w.title}”, risk “${t.riskTitle}”: timeline forecast added (${now}).`);
    else if (
      was.aggregate.p50 !== t.aggregate.p50 ||
      was.aggregate.p10 !== t.aggregate.p10 ||
      was.aggregate.p90 !== t.aggregate.p90
    )
      out.push(
        `“${w.title}”, risk “${t.riskTitle}”: timeline forecast changed from P10 ${was.aggregate.p10}, P50 ${was.aggregate.p50}, P90 ${was.aggregate.p90} to ${now}.`,
      );
  }
  return out;
}

function determinationChanges(workshop: string, old: RiskPart | undefined, r: RiskPart): string[] {
  const before = old?.determination ?? null;
  const after = r.determination;
  if (!after && !before) return [];
  const where = `“${workshop}”, risk “${r.title}”`;
  if (!before)
    return [
      `${where}: determination recorded (${determinationWords(after!)}).`,
      ...after!.watched
        .filter((c) => c.met)
        .map((c) => `${where}: conditions no longer hold: “${c.description}” (${c.reason ?? "met"}).`),
    ];
  if (!after) return [`${where}: determination withdrawn.`];
  const out: string[] = [];
  if (determinationWords(before) !== determinationWords(after))
    out.push(
      `${where}: determination changed from ${determinationWords(before)} to ${determinationWords(after)}.`,
    );
  if (before.conditions !== after.conditions) out.push(`${where}: conditions changed.`);
  const wasMet = new Set(before.watched.filter((c) => c.met).map((c) => c.description));
  for (const c of after.watched)
    if (c.met && !wasMet.has(c.description))
      out.push(`${where}: conditions no longer hold: “${c.description}” (${c.reason ?? "met"}).`);
  if (after.dissent.length > before.dissent.length)
    out.push(`${where}: ${after.dissent.length - before.dissent.length} new dissent note(s).`);
  return out;
}

function scenarioChanges(workshop: string, old: ScenarioPart | undefined, s: ScenarioPart): string[] {
  const name = `“${workshop}”, scenario ${s.code} “${s.title}”`;
  if (!old) return [`${name} added${s.pre ? ` (pre-mitigation ${estimateWords(s.pre)})` : ""}.`];
  const out: string[] = [];
  if (old.title !== s.title) out.push(`${name}: renamed from “${old.title}”.`);
  for (const kind of ["pre", "residual"] as const) {
    const a = estimateWords(old[kind]);
    const b = estimateWords(s[kind]);
    if (a !== b)
      out.push(
        `${name}: ${kind === "pre" ? "pre-mitigation" : "residual"} estimate changed from ${a} to ${b}.`,
      );
  }
  if (s.dissent.length > old.dissent.length)
    out.push(`${name}: ${s.dissent.length - old.dissent.length} new dissent note(s).`);
  return out;
}

export function estimateWords(e: EstimatePart | null): string {
  if (!e) return "none";
  const tier = e.tier ? `tier ${e.tier}` : "no tier";
  return `${tier} (p ${e.probability.best.toPrecision(3)}, ${e.severity ?? "no severity"}, round ${e.roundNumber})`;
}

function determinationWords(d: DeterminationPart): string {
  return `${d.tier ? `tier ${d.tier}` : "other criteria"}, ${d.verdict}`;
}

function words(key: string): string {
  return key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}
