/**
 * The report's structure, derived once from a `WorkshopExport` for every renderer: risks in order,
 * each with its scenarios (numbered S1, S2, … across the report), their threat model resolved from
 * ids, every round that covered them, their latest pre- and post-mitigation standing, mitigations,
 * history, and the risk's determination.
 */
import type { Actor, Mitigation, Risk, Safeguard, Source, Step } from "../../shared/content/schema";
import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { LadderTier } from "../../shared/estimation/framework";
import type { Determination } from "../../shared/estimationView";
import type { ExportRound, ExportScenario, HistoryPoint, WorkshopExport } from "../../shared/workshopExport";

type RevealedEstimates = NonNullable<ExportRound["revealed"]>["estimates"][string];

export interface RoundEntry {
  round: ExportRound;
  submitted: number;
  /** Null while the round is not revealed. */
  estimates: RevealedEstimates | null;
  aggregate: ScenarioAggregate | null;
}

export interface Standing {
  round: ExportRound;
  aggregate: ScenarioAggregate;
}

export interface ScenarioEntry {
  code: string;
  scenario: ExportScenario;
  actors: Actor[];
  sources: Source[];
  steps: Array<{ step: Step; actor: Actor | null; source: Source | null; safeguards: Safeguard[] }>;
  rounds: RoundEntry[];
  pre: Standing | null;
  residual: Standing | null;
  mitigations: Mitigation[];
  history: HistoryPoint[];
}

export interface RiskEntry {
  /** Null for scenarios whose risk is not in the content. */
  risk: Risk | null;
  title: string;
  scenarios: ScenarioEntry[];
  determination: Determination | null;
  ladder: LadderTier[];
}

export interface ReportModel {
  exp: WorkshopExport;
  risks: RiskEntry[];
  scenarios: ScenarioEntry[];
}

export function reportModel(exp: WorkshopExport): ReportModel {
  const { content, framework } = exp;
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));
  const actors = byId(content.actors);
  const sources = byId(content.sources);
  const safeguards = byId(content.safeguards);
  const pick = <T>(map: Map<string, T>, ids: readonly string[]) => ids.flatMap((id) => map.get(id) ?? []);
  const history = new Map(exp.history.map((h) => [h.scenarioId, h.points]));
  const rounds = [...exp.rounds].sort((a, b) => a.number - b.number);

  const riskIds = new Set(content.risks.map((r) => r.id));
  const groups: Array<{ risk: Risk | null; scenarios: ExportScenario[] }> = content.risks
    .map((risk) => ({ risk, scenarios: content.scenarios.filter((s) => s.riskId === risk.id) }))
    .filter((g) => !g.risk.archived || g.scenarios.length > 0);
  const orphans = content.scenarios.filter((s) => !riskIds.has(s.riskId));
  if (orphans.length > 0) groups.push({ risk: null, scenarios: orphans });

  let n = 0;
  const risks = groups.map(
    ({ risk, scenarios }): RiskEntry => ({
      risk,
      title: risk?.title ?? "Scenarios without a listed risk",
      determination: risk ? (exp.determinations.find((d) => d.riskId === risk.id) ?? null) : null,
      ladder: risk ? (framework.ladders[risk.id] ?? []) : [],
      scenarios: scenarios.map((scenario): ScenarioEntry => {
        const entries = roundEntries(rounds, scenario.id);
        return {
          code: `S${++n}`,
          scenario,
          actors: pick(actors, scenario.actorIds),
          sources: pick(sources, scenario.sourceIds),
          steps: scenario.steps.map((step) => ({
            step,
            actor: step.actorId ? (actors.get(step.actorId) ?? null) : null,
            source: step.sourceId ? (sources.get(step.sourceId) ?? null) : null,
            safeguards: pick(safeguards, step.safeguardIds),
          })),
          rounds: entries,
          pre: latest(entries, "pre"),
          residual: latest(entries, "residual"),
          mitigations: content.mitigations.filter((m) => m.scenarioIds.includes(scenario.id)),
          history: history.get(scenario.id) ?? [],
        };
      }),
    }),
  );
  return { exp, risks, scenarios: risks.flatMap((r) => r.scenarios) };
}

function roundEntries(rounds: readonly ExportRound[], scenarioId: string): RoundEntry[] {
  return rounds
    .filter((r) => r.scenarioIds.includes(scenarioId))
    .map((round) => ({
      round,
      submitted: round.submissions[scenarioId] ?? 0,
      estimates: round.revealed ? (round.revealed.estimates[scenarioId] ?? []) : null,
      aggregate: round.revealed?.aggregates[scenarioId] ?? null,
    }));
}

/** The latest revealed aggregate of a kind: what a snapshot records as the scenario's standing. */
function latest(entries: readonly RoundEntry[], kind: ExportRound["kind"]): Standing | null {
  let found: Standing | null = null;
  for (const e of entries)
    if (e.round.kind === kind && e.aggregate) found = { round: e.round, aggregate: e.aggregate };
  return found;
}
