/**
 * The report as one printable HTML page: the same sections as the Markdown report, the charts inline
 * as SVG, a print stylesheet that starts each risk on a new page. Nothing runs in it: every
 * participant's text is escaped, links are http(s) only, and a Content-Security-Policy meta tag
 * forbids scripts even when the file is opened from disk.
 */
import type { Framework } from "../../shared/estimation/framework";
import { ROLES, type Role } from "../../shared/roles";
import type { WorkshopExport } from "../../shared/workshopExport";
import { acceptabilityLabel, formatProbability, formatRange, formatTime, tierLabel, words } from "./format";
import { riskSectionsHtml } from "./htmlRisks";
import { esc, escParagraphs } from "./htmlText";
import { REPORT_CSS } from "./printStyle";
import { type ReportModel, reportModel } from "./reportModel";
import { riskMatrixSvg } from "./svgMatrix";

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function renderHtml(exp: WorkshopExport): string {
  const model = reportModel(exp);
  const title = `Safety and Security Model Report: ${exp.workshop.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="note">${sourceNote(exp)}</p></header>
<section><h2>1. Model and workshop</h2>${overview(exp)}</section>
<section><h2>2. Participants</h2>${participants(exp)}</section>
<section class="criteria"><h2>3. Systemic risk acceptance criteria</h2>${criteria(exp)}${ladders(model)}</section>
<section><h2>4. Systemic risks</h2>${matrix(model)}</section>
${riskSectionsHtml(model)}
<section class="summary"><h2>5. Summary of tiers and determinations</h2>${summary(model)}</section>
<section><h2>6. Snapshots</h2>${snapshots(exp)}</section>
</body>
</html>
`;
}

const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;

const code = (text: string) => `<code>${esc(text)}</code>`;

function sourceNote(exp: WorkshopExport): string {
  const from =
    exp.source.kind === "live"
      ? `the live workshop as of ${formatTime(exp.exportedAt)}`
      : `snapshot “${esc(exp.source.label)}”, taken ${formatTime(exp.source.takenAt)} by ${esc(exp.source.takenBy)} (SHA-256 ${code(exp.source.sha256)})`;
  return `Exported by Riskroom from ${from}. Text written by participants is reproduced as written.`;
}

function overview(exp: WorkshopExport): string {
  const { workshop, lock, verdict } = exp;
  const rows: Array<[string, string]> = [
    ["Model", esc(workshop.subject ?? "not stated")],
    ["Workshop", `${esc(workshop.title)} (${code(workshop.id)})`],
    ["Opened", formatTime(workshop.createdAt)],
    [
      "Acceptance criteria",
      lock
        ? `locked ${formatTime(lock.lockedAt)} by ${esc(lock.lockedBy)}`
        : `<strong>not locked</strong>: estimates made now are not held against fixed criteria`,
    ],
    ["Changes after a lock", exp.unlocks.length === 0 ? "none" : `${exp.unlocks.length} (see 3.1)`],
    ["Overall verdict", verdict ? `<strong>${words(verdict.verdict)}</strong>` : "not yet recorded"],
    ["Exported", formatTime(exp.exportedAt)],
  ];
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`;
}

const ROLE_TITLES: Record<Role, string> = {
  facilitator: "Facilitators",
  expert: "Experts",
  observer: "Observers",
};

function participants(exp: WorkshopExport): string {
  return ROLES.map((role) => {
    const people = exp.participants.filter((p) => p.role === role);
    const items = people
      .map(
        (p) =>
          `<li>${esc(p.displayName)}, joined ${formatTime(p.joinedAt)}${p.revokedAt ? `; access revoked ${formatTime(p.revokedAt)}` : ""}</li>`,
      )
      .join("");
    return `<h3>${ROLE_TITLES[role]} (${people.length})</h3>${items ? `<ul>${items}</ul>` : ""}`;
  }).join("");
}

function criteria(exp: WorkshopExport): string {
  const { lock, unlocks, framework: f } = exp;
  const state = lock
    ? `<p>Locked ${formatTime(lock.lockedAt)} by ${esc(lock.lockedBy)}. SHA-256 of the framework's canonical JSON: ${code(lock.hash)}.</p>`
    : `<p class="warn"><strong>The framework is not locked.</strong> The Code of Practice asks for acceptance criteria defined before the decision they govern.</p>`;
  const history =
    unlocks.length === 0
      ? "<p>The framework has not been unlocked since it was first locked.</p>"
      : `<p>Every unlock, with the hash it broke and the hash it was locked again at:</p>${table(
          ["#", "Unlocked", "By", "Justification", "Hash before", "Hash after"],
          unlocks.map((u, i) => [
            String(i + 1),
            formatTime(u.at),
            esc(u.by),
            escParagraphs(u.justification),
            code(u.hashBefore),
            u.hashAfter ? code(u.hashAfter) : "not locked again",
          ]),
        )}`;
  return `<h3>3.1 Lock and changes</h3>${state}${history}${frameworkTables(f)}`;
}

function frameworkTables(f: Framework): string {
  const swatch = (colour: string) => `<span class="tier" style="background:${esc(colour)}"></span>`;
  const tierCell = (id: string | undefined) => {
    const t = f.tiers.find((x) => x.id === id);
    return t ? `${swatch(t.colour)}${esc(t.name)}` : esc(id ?? "—");
  };
  return [
    "<h3>3.2 Likelihood bands</h3>",
    table(
      ["Likelihood band", "Probability", "Period"],
      f.likelihoodBands.map((b) => [
        esc(b.label),
        `${formatProbability(b.lower)} to ${formatProbability(b.upper)}`,
        esc(b.period),
      ]),
    ),
    "<h3>3.3 Severity levels</h3>",
    table(
      ["Severity level", "Anchor", "Description"],
      f.severityLevels.map((l) => [esc(l.name), esc(l.anchor), esc(l.description)]),
    ),
    "<h3>3.4 Risk tiers</h3>",
    table(
      ["Risk tier", "Acceptability"],
      f.tiers.map((t) => [`${swatch(t.colour)}${esc(t.name)}`, acceptabilityLabel(t.acceptable)]),
    ),
    "<h3>3.5 Risk matrix</h3>",
    `<p>The tier of a scenario is the cell of its pooled best probability and its median severity level. Aggregation: ${words(f.aggregation)}.</p>`,
    table(
      ["Likelihood ↓ severity →", ...f.severityLevels.map((l) => esc(l.name))],
      [...f.likelihoodBands]
        .reverse()
        .map((b) => [esc(b.label), ...f.severityLevels.map((l) => tierCell(f.matrix[b.id]?.[l.id]))]),
    ),
  ].join("");
}

function ladders(model: ReportModel): string {
  const parts = model.risks
    .filter((r) => r.ladder.length > 0)
    .map((r) => {
      const rungs = r.ladder
        .map((t) => {
          const list = (title: string, items: string[]) =>
            items.length === 0
              ? ""
              : `<p>${title}:</p><ul>${items.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>`;
          return `<li><strong>${esc(t.name)}</strong> (${code(t.id)}): ${t.acceptableWithMitigations ? "acceptable once its mitigations are in place" : "not acceptable"}${list("Indicators", t.indicators)}${list("Mitigations", t.mitigations)}</li>`;
        })
        .join("");
      return `<h4>${esc(r.title)}</h4><ol>${rungs}</ol>`;
    });
  return `<h3>3.6 Tier ladders</h3>${parts.length === 0 ? "<p>No risk has a tier ladder.</p>" : parts.join("")}`;
}

function matrix(model: ReportModel): string {
  const markers = model.scenarios.flatMap((s) =>
    (["pre", "residual"] as const).flatMap((kind) => {
      const a = s[kind]?.aggregate;
      return a?.bandId && a.severity.levelId
        ? [{ code: s.code, title: s.scenario.title, kind, bandId: a.bandId, levelId: a.severity.levelId }]
        : [];
    }),
  );
  return `<figure>${riskMatrixSvg(model.exp.framework, markers)}<figcaption>Every scenario in the cell of its latest revealed aggregate; the codes are listed in section 5.1.</figcaption></figure>`;
}

function summary(model: ReportModel): string {
  const standing = (x: ReportModel["scenarios"][number]["pre"]) => {
    if (!x) return ["—", "—"];
    const p = x.aggregate.probability;
    return [formatRange(p.low, p.best, p.high), esc(tierLabel(x.aggregate.tier))];
  };
  const rows = model.risks.flatMap((r) =>
    r.scenarios.map((s) => [
      s.code,
      esc(r.title),
      esc(s.scenario.title),
      words(s.scenario.status),
      ...standing(s.pre),
      ...standing(s.residual),
    ]),
  );
  const determinations = model.risks
    .filter((r) => r.risk)
    .map((r) => {
      const d = r.determination;
      if (!d) return `<h4>${esc(r.title)}: no determination recorded</h4>`;
      const tier = r.ladder.find((t) => t.id === d.tierId);
      const codes = d.evidenceScenarioIds.map(
        (id) => model.scenarios.find((s) => s.scenario.id === id)?.code ?? esc(id),
      );
      const part = (title: string, text: string) => (text ? `<h6>${title}</h6>${escParagraphs(text)}` : "");
      return [
        `<h4>${esc(r.title)}: ${words(d.verdict)}</h4>`,
        `<p>Tier reached: <strong>${esc(tier?.name ?? d.tierId)}</strong>${d.needsHigherTier ? ' <span class="warn">the top of the ladder: a higher tier must be defined</span>' : ""}. Recorded ${formatTime(d.at)} by ${esc(d.by)}.</p>`,
        part("Safety margin", d.safetyMargin),
        part("Why the margin holds", d.marginReasons),
        part("Conditions under which this no longer holds", d.conditions),
        codes.length > 0 ? `<p>Evidence: ${codes.join(", ")}.</p>` : "",
        ...d.dissent.map(
          (x) =>
            `<blockquote><strong>Dissent</strong> by ${esc(x.name)}, ${formatTime(x.at)}:${escParagraphs(x.text)}</blockquote>`,
        ),
      ].join("");
    });
  const v = model.exp.verdict;
  const verdict = v
    ? `<h3>5.3 Overall verdict: ${words(v.verdict)}</h3><p>Recorded ${formatTime(v.at)} by ${esc(v.by)}.</p>${escParagraphs(v.justification)}`
    : "<h3>5.3 Overall verdict</h3><p>Not yet recorded.</p>";
  return [
    "<h3>5.1 Every scenario's tier</h3>",
    rows.length === 0
      ? "<p>No scenarios.</p>"
      : table(
          ["", "Risk", "Scenario", "Status", "Pre-mitigation", "Tier", "Residual", "Residual tier"],
          rows,
        ),
    "<h3>5.2 Determinations: why each risk is or is not acceptable</h3>",
    ...determinations,
    verdict,
  ].join("");
}

function snapshots(exp: WorkshopExport): string {
  if (exp.snapshots.length === 0) return "<p>No snapshots were taken.</p>";
  return table(
    ["#", "Snapshot", "Taken", "By", "How", "SHA-256", "Verified"],
    exp.snapshots.map((s, i) => [
      String(i + 1),
      esc(s.label),
      formatTime(s.takenAt),
      esc(s.takenBy),
      s.auto ? "automatic" : "by hand",
      code(s.sha256),
      s.verified ? "yes" : "<strong>no: the stored blob does not match its hash</strong>",
    ]),
  );
}
