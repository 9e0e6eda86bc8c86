/**
 * The Markdown report, laid out like a safety and security model report: the model and workshop,
 * who took part, the acceptance criteria with their lock history, each systemic risk in turn
 * (markdownRisks.ts), and a closing summary of every scenario's tier and every determination.
 * Everything a participant wrote goes through the escapes in markdownText.ts.
 */
import type { Framework } from "../../shared/estimation/framework";
import { ROLES, type Role } from "../../shared/roles";
import type { WorkshopExport } from "../../shared/workshopExport";
import { acceptabilityLabel, formatProbability, formatRange, formatTime, tierLabel, words } from "./format";
import { riskSections } from "./markdownRisks";
import { mdCell, mdCode, mdParagraphs, mdTable, mdText } from "./markdownText";
import { type ReportModel, reportModel } from "./reportModel";

export function renderMarkdown(exp: WorkshopExport): string {
  const model = reportModel(exp);
  const sections = [
    `# Safety and Security Model Report: ${mdText(exp.workshop.title)}`,
    sourceNote(exp),
    "## 1. Model and workshop",
    overview(exp),
    "## 2. Participants",
    participants(exp),
    "## 3. Systemic risk acceptance criteria",
    lockHistory(exp),
    framework(exp.framework),
    ladders(model),
    "## 4. Systemic risks",
    riskSections(model),
    "## 5. Summary of tiers and determinations",
    summary(model),
    "## 6. Snapshots",
    snapshots(exp),
  ];
  return `${sections.filter((s) => s !== "").join("\n\n")}\n`;
}

function sourceNote(exp: WorkshopExport): string {
  const from =
    exp.source.kind === "live"
      ? `the live workshop as of ${formatTime(exp.exportedAt)}`
      : `snapshot “${mdText(exp.source.label)}”, taken ${formatTime(exp.source.takenAt)} by ${mdText(exp.source.takenBy)} (SHA-256 ${mdCode(exp.source.sha256)})`;
  return `> Exported by Riskroom from ${from}. Text written by participants is reproduced as written.`;
}

function overview(exp: WorkshopExport): string {
  const { workshop, lock, verdict } = exp;
  const rows: string[][] = [
    ["Model", mdCell(workshop.subject ?? "not stated")],
    ["Workshop", `${mdCell(workshop.title)} (${mdCode(workshop.id)})`],
    ["Opened", formatTime(workshop.createdAt)],
    [
      "Acceptance criteria",
      lock
        ? `locked ${formatTime(lock.lockedAt)} by ${mdCell(lock.lockedBy)}`
        : "**not locked**: estimates made now are not held against fixed criteria",
    ],
    ["Changes after a lock", exp.unlocks.length === 0 ? "none" : `${exp.unlocks.length} (see 3.1)`],
    ["Overall verdict", verdict ? `**${words(verdict.verdict)}**` : "not yet recorded"],
    ["Exported", formatTime(exp.exportedAt)],
  ];
  return mdTable(["Record", "Value"], rows);
}

const ROLE_TITLES: Record<Role, string> = {
  facilitator: "Facilitators",
  expert: "Experts",
  observer: "Observers",
};

function participants(exp: WorkshopExport): string {
  return ROLES.map((role) => {
    const people = exp.participants.filter((p) => p.role === role);
    const list = people.map(
      (p) =>
        `- ${mdText(p.displayName)}, joined ${formatTime(p.joinedAt)}${p.revokedAt ? `; access revoked ${formatTime(p.revokedAt)}` : ""}`,
    );
    return [`### ${ROLE_TITLES[role]} (${people.length})`, list.join("\n")]
      .filter((x) => x !== "")
      .join("\n\n");
  }).join("\n\n");
}

function lockHistory(exp: WorkshopExport): string {
  const { lock, unlocks } = exp;
  const state = lock
    ? `Locked ${formatTime(lock.lockedAt)} by ${mdText(lock.lockedBy)}. SHA-256 of the framework's canonical JSON: ${mdCode(lock.hash)}.`
    : "**The framework is not locked.** The Code of Practice asks for acceptance criteria defined before the decision they govern.";
  const table =
    unlocks.length === 0
      ? "The framework has not been unlocked since it was first locked."
      : `Every unlock, with the hash it broke and the hash it was locked again at:\n\n${mdTable(
          ["#", "Unlocked", "By", "Justification", "Hash before", "Hash after"],
          unlocks.map((u, i) => [
            String(i + 1),
            formatTime(u.at),
            mdCell(u.by),
            mdCell(u.justification),
            mdCode(u.hashBefore),
            u.hashAfter ? mdCode(u.hashAfter) : "not locked again",
          ]),
        )}`;
  return `### 3.1 Lock and changes\n\n${state}\n\n${table}`;
}

function framework(f: Framework): string {
  const bands = mdTable(
    ["Likelihood band", "Probability", "Period"],
    f.likelihoodBands.map((b) => [
      mdCell(b.label),
      `${formatProbability(b.lower)} to ${formatProbability(b.upper)}`,
      mdCell(b.period),
    ]),
  );
  const levels = mdTable(
    ["Severity level", "Anchor", "Description"],
    f.severityLevels.map((l) => [mdCell(l.name), mdCell(l.anchor), mdCell(l.description)]),
  );
  const tiers = mdTable(
    ["Risk tier", "Acceptability", "Colour"],
    f.tiers.map((t) => [mdCell(t.name), acceptabilityLabel(t.acceptable), mdCode(t.colour)]),
  );
  const tierName = (id: string | undefined) => mdCell(f.tiers.find((t) => t.id === id)?.name ?? id ?? "—");
  const matrix = mdTable(
    ["Likelihood ↓ severity →", ...f.severityLevels.map((l) => mdCell(l.name))],
    [...f.likelihoodBands]
      .reverse()
      .map((b) => [mdCell(b.label), ...f.severityLevels.map((l) => tierName(f.matrix[b.id]?.[l.id]))]),
  );
  return [
    "### 3.2 Likelihood bands",
    bands,
    "### 3.3 Severity levels",
    levels,
    "### 3.4 Risk tiers",
    tiers,
    "### 3.5 Risk matrix",
    `The tier of a scenario is the cell of its pooled best probability and its median severity level. Aggregation: ${words(f.aggregation)}.`,
    matrix,
  ].join("\n\n");
}

function ladders(model: ReportModel): string {
  const parts = model.risks
    .filter((r) => r.ladder.length > 0)
    .map((r) => {
      const rungs = r.ladder.map((t, i) => {
        const head = `${i + 1}. **${mdText(t.name)}** (${mdCode(t.id)}): ${t.acceptableWithMitigations ? "acceptable once its mitigations are in place" : "not acceptable"}`;
        const list = (title: string, items: string[]) =>
          items.length === 0 ? [] : [`   - ${title}:`, ...items.map((x) => `     - ${mdText(x)}`)];
        return [head, ...list("Indicators", t.indicators), ...list("Mitigations", t.mitigations)].join("\n");
      });
      return `#### ${mdText(r.title)}\n\n${rungs.join("\n")}`;
    });
  if (parts.length === 0) return "### 3.6 Tier ladders\n\nNo risk has a tier ladder.";
  return `### 3.6 Tier ladders\n\nEach risk's tiers from the lowest capability to the highest, with their measurable indicators.\n\n${parts.join("\n\n")}`;
}

function summary(model: ReportModel): string {
  const f = model.exp.framework;
  const rows = model.scenarios.map((s) => {
    const risk = model.risks.find((r) => r.scenarios.includes(s))!;
    const standing = (x: typeof s.pre) =>
      x
        ? [
            formatRange(
              x.aggregate.probability.low,
              x.aggregate.probability.best,
              x.aggregate.probability.high,
            ),
            mdCell(tierLabel(x.aggregate.tier)),
          ]
        : ["—", "—"];
    return [
      s.code,
      mdCell(risk.title),
      mdCell(s.scenario.title),
      words(s.scenario.status),
      ...standing(s.pre),
      ...standing(s.residual),
    ];
  });
  const table =
    rows.length === 0
      ? "No scenarios."
      : mdTable(
          ["", "Risk", "Scenario", "Status", "Pre-mitigation", "Tier", "Residual", "Residual tier"],
          rows,
        );
  const determinations = model.risks
    .filter((r) => r.risk)
    .map((r) => {
      const d = r.determination;
      if (!d) return `#### ${mdText(r.title)}: no determination recorded`;
      const tier = r.ladder.find((t) => t.id === d.tierId);
      const lines = [
        `#### ${mdText(r.title)}: ${words(d.verdict)}`,
        `Tier reached: **${mdText(tier?.name ?? d.tierId)}**${d.needsHigherTier ? " (the top of the ladder: a higher tier must be defined)" : ""}. Recorded ${formatTime(d.at)} by ${mdText(d.by)}.`,
        d.safetyMargin ? `**Safety margin.** ${mdParagraphs(d.safetyMargin)}` : "",
        d.marginReasons ? `**Why the margin holds.** ${mdParagraphs(d.marginReasons)}` : "",
        d.conditions ? `**Conditions under which this no longer holds.** ${mdParagraphs(d.conditions)}` : "",
        d.evidenceScenarioIds.length > 0
          ? `Evidence: ${d.evidenceScenarioIds.map((id) => model.scenarios.find((s) => s.scenario.id === id)?.code ?? mdCode(id)).join(", ")}.`
          : "",
        ...d.dissent.map(
          (x) =>
            `> **Dissent** by ${mdText(x.name)}, ${formatTime(x.at)}:\n>\n> ${mdParagraphs(x.text).replace(/\n/g, "\n> ")}`,
        ),
      ];
      return lines.filter((l) => l !== "").join("\n\n");
    });
  const v = model.exp.verdict;
  const verdict = v
    ? `### 5.3 Overall verdict: ${words(v.verdict)}\n\nRecorded ${formatTime(v.at)} by ${mdText(v.by)}.\n\n${mdParagraphs(v.justification)}`
    : "### 5.3 Overall verdict\n\nNot yet recorded.";
  return [
    "### 5.1 Every scenario's tier",
    `Tiers from the framework (${f.tiers.map((t) => mdText(t.name)).join(", ")}); pre-mitigation and residual are the latest revealed rounds of each kind.`,
    table,
    "### 5.2 Determinations: why each risk is or is not acceptable",
    ...determinations,
    verdict,
  ].join("\n\n");
}

function snapshots(exp: WorkshopExport): string {
  if (exp.snapshots.length === 0) return "No snapshots were taken.";
  return mdTable(
    ["#", "Snapshot", "Taken", "By", "How", "SHA-256", "Verified"],
    exp.snapshots.map((s, i) => [
      String(i + 1),
      mdCell(s.label),
      formatTime(s.takenAt),
      mdCell(s.takenBy),
      s.auto ? "automatic" : "by hand",
      mdCode(s.sha256),
      s.verified ? "yes" : "**no: the stored blob does not match its hash**",
    ]),
  );
}
