/**
 * Section 4 of the HTML report: one <section class="risk"> per systemic risk (a new page in print),
 * each scenario with its narrative, threat model, pathway, evidence, estimates, mitigations,
 * residual risk, history chart and dissent.
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
import { esc, escLink, escParagraphs } from "./htmlText";
import { narrativeToHtml } from "./narrativeHtml";
import type { ReportModel, RiskEntry, RoundEntry, ScenarioEntry } from "./reportModel";
import { historySvg } from "./svgHistory";

type Axis = ReadonlyArray<{ id: string; label: string }>;

export function riskSectionsHtml(model: ReportModel): string {
  const axis = model.exp.snapshots.filter((s) => s.verified);
  return model.risks.map((r, i) => risk(model.exp.framework, axis, r, i + 1)).join("\n");
}

function risk(f: Framework, axis: Axis, r: RiskEntry, n: number): string {
  const d = r.determination;
  const kind = r.risk?.specified ? " (specified systemic risk)" : "";
  const determination = d
    ? `<p><strong>Determination:</strong> ${words(d.verdict)}, tier ${esc(r.ladder.find((t) => t.id === d.tierId)?.name ?? d.tierId)} (see 5.2).</p>`
    : "<p><strong>Determination:</strong> not yet recorded.</p>";
  const scenarios =
    r.scenarios.length === 0
      ? "<p>No scenarios were written for this risk.</p>"
      : r.scenarios.map((s) => scenario(f, axis, s)).join("");
  return `<section class="risk"><h3>4.${n} ${esc(r.title)}${kind}${r.risk?.archived ? " (archived)" : ""}</h3>${escParagraphs(r.risk?.description ?? "")}${determination}${scenarios}</section>`;
}

function scenario(f: Framework, axis: Axis, s: ScenarioEntry): string {
  const sc = s.scenario;
  const facts = [`Status: ${words(sc.status)}`];
  if (sc.nature.length > 0) facts.push(`Nature: ${sc.nature.map(words).join(", ")}`);
  const narrative = narrativeToHtml(sc.narrative, 5);
  const chart = historySvg(f, axis, s.history, `${s.code} ${sc.title}`);
  return [
    `<div class="scenario-head"><h4>${s.code}. ${esc(sc.title)}</h4><p class="facts">${facts.join(" · ")}</p></div>`,
    "<h5>Narrative</h5>",
    narrative ? `<div class="narrative">${narrative}</div>` : "<p>No narrative yet.</p>",
    "<h5>Threat model</h5>",
    threatModel(s),
    "<h5>Pathway</h5>",
    pathway(s),
    "<h5>Evidence</h5>",
    evidence(s),
    "<h5>Estimates</h5>",
    s.rounds.length === 0
      ? "<p>Not yet estimated in any round.</p>"
      : s.rounds.map((e) => round(f, e)).join(""),
    "<h5>Mitigations and residual risk</h5>",
    mitigations(f, s),
    "<h5>Risk history</h5>",
    chart
      ? `<figure>${chart}<figcaption>${esc(`${s.code} over the snapshots, in the order they were taken.`)}</figcaption></figure>`
      : "<p>No snapshot holds a revealed estimate of this scenario.</p>",
    sc.dissent.length > 0 ? `<h5>Dissent</h5>${dissent(s)}` : "",
  ].join("");
}

function threatModel(s: ScenarioEntry): string {
  const actors = s.actors.map((a) => {
    const details = [a.resources && `resources: ${esc(a.resources)}`, a.intent && `intent: ${esc(a.intent)}`]
      .filter(Boolean)
      .join("; ");
    return `<li>Actor: <strong>${esc(a.name)}</strong> (${words(a.type)}, ${words(a.capabilityLevel)} capability)${details ? `: ${details}` : ""}</li>`;
  });
  const sources = s.sources.map(
    (x) =>
      `<li>Source of risk: <strong>${esc(x.name)}</strong> (${x.kind})${x.description ? `: ${esc(x.description)}` : ""}</li>`,
  );
  const items = [...actors, ...sources];
  return items.length > 0 ? `<ul>${items.join("")}</ul>` : "<p>No actors or sources of risk linked.</p>";
}

function pathway(s: ScenarioEntry): string {
  if (s.steps.length === 0) return "<p>No pathway steps yet.</p>";
  const uplift = s.steps.filter((x) => x.step.uplift).length;
  const steps = s.steps.map(({ step, actor, source, safeguards }) => {
    const notes = [
      actor && `actor: ${esc(actor.name)}`,
      source && `source: ${esc(source.name)}`,
      safeguards.length > 0 && `safeguards: ${safeguards.map((g) => esc(g.name)).join(", ")}`,
    ].filter(Boolean);
    const flag = step.uplift ? '<span class="uplift">model uplift</span>' : "";
    return `<li>${flag}${esc(step.text) || "(no text)"}${notes.length > 0 ? ` <span class="note">(${notes.join("; ")})</span>` : ""}</li>`;
  });
  return `<p class="note">${uplift} of ${s.steps.length} steps flagged where the model gives meaningful uplift.</p><ol>${steps.join("")}</ol>`;
}

function evidence(s: ScenarioEntry): string {
  if (s.scenario.evidence.length === 0) return "<p>No evidence recorded.</p>";
  const items = s.scenario.evidence.map((e) => {
    const title = e.link ? escLink(e.title, e.link) : esc(e.title);
    return `<li>${words(e.kind)}: <strong>${title}</strong>${e.result ? `: ${esc(e.result)}` : ""}${e.note ? ` (note: ${esc(e.note)})` : ""}</li>`;
  });
  return `<ul>${items.join("")}</ul>`;
}

function round(f: Framework, e: RoundEntry): string {
  const title = roundTitle(e.round);
  const head = `<strong>${title.name}</strong> ${title.detail}`;
  if (!e.estimates) return `<p>${head}: ${e.submitted} estimate(s) submitted, not revealed.</p>`;
  if (e.estimates.length === 0) return `<p>${head}: no estimates.</p>`;
  const rows = e.estimates
    .map(
      (x) =>
        `<tr><td>${esc(x.who)}</td><td>${formatRange(x.probability.low, x.probability.best, x.probability.high)}</td><td>${esc(severityText(f, x.severity))}</td><td>${x.confidence}</td><td>${escParagraphs(x.rationale)}</td></tr>`,
    )
    .join("");
  return `<p>${head}:</p><table><thead><tr><th>Expert</th><th>Probability, best (low–high)</th><th>Severity</th><th>Confidence</th><th>Rationale</th></tr></thead><tbody>${rows}</tbody></table>${aggregate(f, e)}`;
}

function aggregate(f: Framework, e: Pick<RoundEntry, "aggregate">): string {
  const a = e.aggregate;
  if (!a) return "<p>Aggregate: none.</p>";
  const p = a.probability;
  const swatch = a.tier ? `<span class="tier" style="background:${esc(a.tier.colour)}"></span>` : "";
  return `<p>Aggregate of ${p.n} (${words(p.method)}): <strong>${formatRange(p.low, p.best, p.high)}</strong>; spread of best estimates ${formatSpread(p.spread)}; median severity ${esc(aggregateSeverityText(f, a))}; band ${esc(bandLabel(f, a.bandId))}; tier ${swatch}<strong>${esc(tierLabel(a.tier))}</strong>.</p>`;
}

function mitigations(f: Framework, s: ScenarioEntry): string {
  const items = s.mitigations.map(
    (m) =>
      `<li><strong>${esc(m.title)}</strong> (${m.kind}, ${words(m.status)}${m.owner ? `, owner ${esc(m.owner)}` : ""})${m.description ? `: ${esc(m.description)}` : ""}</li>`,
  );
  const residual = s.residual
    ? `<p>Residual risk (round ${s.residual.round.number}):</p>${aggregate(f, s.residual)}`
    : "<p>No residual estimate yet.</p>";
  return `${items.length > 0 ? `<ul>${items.join("")}</ul>` : "<p>No mitigations linked.</p>"}${residual}`;
}

function dissent(s: ScenarioEntry): string {
  return s.scenario.dissent
    .map(
      (d) =>
        `<blockquote><strong>${esc(d.name)}</strong>, ${formatTime(d.at)}:${escParagraphs(d.text)}</blockquote>`,
    )
    .join("");
}
