/**
 * Section 4 of the Markdown report: per systemic risk, its determination, then each scenario with
 * narrative, threat model, pathway, evidence, estimates per round, mitigations and residual risk,
 * history over the snapshots, and dissent.
 */
import type { Framework } from "../../shared/estimation/framework";
import {
  aggregateSeverityText,
  bandLabel,
  formatRange,
  formatSpread,
  formatTime,
  roundTitle,
  severityText,
  tierLabel,
  words,
} from "./format";
import { mdCell, mdLink, mdParagraphs, mdTable, mdText } from "./markdownText";
import { narrativeToMarkdown } from "./narrativeMarkdown";
import type { ReportModel, RiskEntry, RoundEntry, ScenarioEntry } from "./reportModel";

export function riskSections(model: ReportModel): string {
  if (model.risks.length === 0) return "No risks are listed.";
  return model.risks.map((r, i) => risk(model, r, i + 1)).join("\n\n");
}

function risk(model: ReportModel, r: RiskEntry, n: number): string {
  const kind = r.risk?.specified ? " (specified systemic risk)" : "";
  const d = r.determination;
  const determination = d
    ? `**Determination:** ${words(d.verdict)}, tier ${mdText(r.ladder.find((t) => t.id === d.tierId)?.name ?? d.tierId)} (see 5.2).`
    : "**Determination:** not yet recorded.";
  const scenarios =
    r.scenarios.length === 0
      ? "No scenarios were written for this risk."
      : r.scenarios.map((s) => scenario(model.exp.framework, s)).join("\n\n");
  return [
    `### 4.${n} ${mdText(r.title)}${kind}${r.risk?.archived ? " (archived)" : ""}`,
    r.risk?.description ? mdParagraphs(r.risk.description) : "",
    determination,
    scenarios,
  ]
    .filter((x) => x !== "")
    .join("\n\n");
}

function scenario(f: Framework, s: ScenarioEntry): string {
  const { scenario: sc } = s;
  const facts = [`Status: ${words(sc.status)}`];
  if (sc.nature.length > 0) facts.push(`Nature: ${sc.nature.map(words).join(", ")}`);
  const narrative = narrativeToMarkdown(sc.narrative, { headingOffset: 5 });
  return [
    `#### ${s.code}. ${mdText(sc.title)}`,
    `_${facts.join(" · ")}_`,
    "##### Narrative",
    narrative || "No narrative yet.",
    "##### Threat model",
    threatModel(s),
    "##### Pathway",
    pathway(s),
    "##### Evidence",
    evidence(s),
    "##### Estimates",
    s.rounds.length === 0 ? "Not yet estimated in any round." : s.rounds.map((e) => round(f, e)).join("\n\n"),
    "##### Mitigations and residual risk",
    mitigations(f, s),
    "##### Risk history",
    history(s),
    ...(sc.dissent.length > 0 ? ["##### Dissent", dissent(s)] : []),
  ].join("\n\n");
}

function threatModel(s: ScenarioEntry): string {
  const actors = s.actors.map((a) => {
    const details = [
      a.resources && `resources: ${mdText(a.resources)}`,
      a.intent && `intent: ${mdText(a.intent)}`,
    ]
      .filter(Boolean)
      .join("; ");
    return `- Actor: **${mdText(a.name)}** (${words(a.type)}, ${words(a.capabilityLevel)} capability)${details ? `: ${details}` : ""}`;
  });
  const sources = s.sources.map(
    (x) =>
      `- Source of risk: **${mdText(x.name)}** (${x.kind})${x.description ? `: ${mdText(x.description)}` : ""}`,
  );
  const lines = [...actors, ...sources];
  return lines.length > 0 ? lines.join("\n") : "No actors or sources of risk linked.";
}

function pathway(s: ScenarioEntry): string {
  if (s.steps.length === 0) return "No pathway steps yet.";
  const uplift = s.steps.filter((x) => x.step.uplift).length;
  const steps = s.steps.map(({ step, actor, source, safeguards }, i) => {
    const notes = [
      actor && `actor: ${mdText(actor.name)}`,
      source && `source: ${mdText(source.name)}`,
      safeguards.length > 0 && `safeguards: ${safeguards.map((g) => mdText(g.name)).join(", ")}`,
    ].filter(Boolean);
    const flag = step.uplift ? "**[model uplift]** " : "";
    return `${i + 1}. ${flag}${mdText(step.text) || "(no text)"}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
  });
  return `${uplift} of ${s.steps.length} steps flagged where the model gives meaningful uplift.\n\n${steps.join("\n")}`;
}

function evidence(s: ScenarioEntry): string {
  if (s.scenario.evidence.length === 0) return "No evidence recorded.";
  return s.scenario.evidence
    .map((e) => {
      const title = e.link ? mdLink(e.title, e.link) : mdText(e.title);
      const result = e.result ? `: ${mdText(e.result)}` : "";
      const note = e.note ? ` (note: ${mdText(e.note)})` : "";
      return `- ${words(e.kind)}: **${title}**${result}${note}`;
    })
    .join("\n");
}

function round(f: Framework, e: RoundEntry): string {
  const title = roundTitle(e.round);
  const head = `**${title.name}** ${title.detail}`;
  if (!e.estimates) return `${head}: ${e.submitted} estimate(s) submitted, not revealed.`;
  if (e.estimates.length === 0) return `${head}: no estimates.`;
  const table = mdTable(
    ["Expert", "Probability, best (low–high)", "Severity", "Confidence", "Rationale"],
    e.estimates.map((x) => [
      mdCell(x.who),
      formatRange(x.probability.low, x.probability.best, x.probability.high),
      mdCell(severityText(f, x.severity)),
      x.confidence,
      mdCell(x.rationale),
    ]),
  );
  return `${head}:\n\n${table}\n\n${aggregate(f, e)}`;
}

function aggregate(f: Framework, e: RoundEntry): string {
  const a = e.aggregate;
  if (!a) return "Aggregate: none.";
  const p = a.probability;
  return [
    `Aggregate of ${p.n} (${words(p.method)}): **${formatRange(p.low, p.best, p.high)}**`,
    `spread of best estimates ${formatSpread(p.spread)}`,
    `median severity ${mdText(aggregateSeverityText(f, a))}`,
    `band ${mdText(bandLabel(f, a.bandId))}`,
    `tier **${mdText(tierLabel(a.tier))}**.`,
  ].join("; ");
}

function mitigations(f: Framework, s: ScenarioEntry): string {
  const list = s.mitigations.map(
    (m) =>
      `- **${mdText(m.title)}** (${m.kind}, ${words(m.status)}${m.owner ? `, owner ${mdText(m.owner)}` : ""})${m.description ? `: ${mdText(m.description)}` : ""}`,
  );
  const residual = s.residual
    ? `Residual risk (round ${s.residual.round.number}): ${aggregate(f, { round: s.residual.round, submitted: 0, estimates: [], aggregate: s.residual.aggregate })}`
    : "No residual estimate yet.";
  return [list.length > 0 ? list.join("\n") : "No mitigations linked.", residual].join("\n\n");
}

function history(s: ScenarioEntry): string {
  if (s.history.length === 0) return "No snapshot holds a revealed estimate of this scenario.";
  const cell = (p: (typeof s.history)[number]["pre"]) =>
    p ? [formatRange(p.low, p.best, p.high), mdCell(tierLabel(p.tier))] : ["—", "—"];
  return mdTable(
    ["Snapshot", "Taken", "Pre-mitigation", "Tier", "Residual", "Residual tier"],
    s.history.map((h) => [mdCell(h.label), formatTime(h.takenAt), ...cell(h.pre), ...cell(h.residual)]),
  );
}

function dissent(s: ScenarioEntry): string {
  return s.scenario.dissent
    .map(
      (d) =>
        `> **${mdText(d.name)}**, ${formatTime(d.at)}:\n>\n> ${mdParagraphs(d.text).replace(/\n/g, "\n> ")}`,
    )
    .join("\n\n");
}
