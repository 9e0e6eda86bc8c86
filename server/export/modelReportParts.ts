/**
 * One signed-off snapshot reduced to what the model's report states about it (shared/modelReport.ts):
 * each risk's determination with its evidence and dissent, each scenario's pre-mitigation and
 * residual standing, mitigations and dissent, and the workshop's incidents. Built on `reportModel`,
 * so risks, scenarios and their codes are the workshop report's own.
 */
import type { ScenarioAggregate } from "../../shared/estimation/aggregate";
import type { Framework } from "../../shared/estimation/framework";
import type { Determination } from "../../shared/estimationView";
import type {
  DeterminationPart,
  EstimatePart,
  RiskPart,
  ScenarioPart,
  TimelinePart,
  WorkshopPart,
} from "../../shared/modelReport";
import type { SignOff } from "../../shared/models";
import { type ConditionFacts, type ConditionState, conditionStates } from "../../shared/watchedConditions";
import type { WorkshopExport } from "../../shared/workshopExport";
import { type RiskEntry, reportModel, type ScenarioEntry, type Standing } from "./reportModel";

/** `now`: when the version is issued, the clock a date condition is checked against. */
export function workshopPart(
  exp: WorkshopExport,
  signOff: SignOff,
  now: Date,
  timelines: TimelinePart[],
): WorkshopPart {
  const model = reportModel(exp);
  const facts = (riskId: string, determinedAt: string): ConditionFacts => ({
    riskId,
    determinedAt,
    scenarios: exp.content.scenarios,
    incidents: exp.incidents,
  });
  return {
    workshopId: exp.workshop.id,
    title: exp.workshop.title,
    signOff,
    framework: {
      locked: exp.lock !== null,
      hash: exp.lock?.hash ?? null,
      lockedAt: exp.lock?.lockedAt ?? null,
      matrix: `${exp.framework.likelihoodBands.length} likelihood bands × ${exp.framework.severityLevels.length} severity levels`,
    },
    risks: model.risks.map((r) =>
      riskPart(r, exp.framework, (d) => conditionStates(d.watched ?? [], facts(d.riskId, d.at), now)),
    ),
    timelines,
    incidents: exp.incidents.map((i) => ({
      id: i.id,
      title: i.title,
      category: i.category,
      awareAt: i.awareAt,
      resolvedAt: i.resolvedAt,
    })),
  };
}

function riskPart(
  entry: RiskEntry,
  framework: Framework,
  watched: (d: Determination) => ConditionState[],
): RiskPart {
  const titles = new Map(entry.scenarios.map((s) => [s.scenario.id, s.scenario.title]));
  const d = entry.determination;
  const determination: DeterminationPart | null = d
    ? {
        tier: d.tierId === null ? null : (entry.ladder.find((t) => t.id === d.tierId)?.name ?? d.tierId),
        criterion: d.criterion ?? "",
        justification: d.justification ?? "",
        verdict: d.verdict,
        safetyMargin: d.safetyMargin,
        marginReasons: d.marginReasons,
        conditions: d.conditions,
        watched: watched(d),
        evidence: d.evidenceScenarioIds.map((id) => ({ scenarioId: id, title: titles.get(id) ?? id })),
        by: d.by,
        at: d.at,
        dissent: d.dissent.map(({ name, at, text }) => ({ name, at, text })),
      }
    : null;
  return {
    riskId: entry.risk?.id ?? "",
    title: entry.title,
    determination,
    scenarios: entry.scenarios.map((s) => scenarioPart(s, framework)),
  };
}

function scenarioPart(s: ScenarioEntry, framework: Framework): ScenarioPart {
  return {
    scenarioId: s.scenario.id,
    code: s.code,
    title: s.scenario.title,
    pre: estimatePart(s.pre, framework),
    residual: estimatePart(s.residual, framework),
    mitigations: s.mitigations.map((m) => ({ title: m.title, kind: m.kind, status: m.status })),
    dissent: s.scenario.dissent.map(({ name, at, text }) => ({ name, at, text })),
  };
}

function estimatePart(standing: Standing | null, framework: Framework): EstimatePart | null {
  if (!standing) return null;
  const a: ScenarioAggregate = standing.aggregate;
  const level = framework.severityLevels.find((l) => l.id === a.severity.levelId);
  return {
    roundNumber: standing.round.number,
    n: a.probability.n,
    probability: { low: a.probability.low, best: a.probability.best, high: a.probability.high },
    severity: level?.name ?? null,
    tier: a.tier?.name ?? null,
  };
}
