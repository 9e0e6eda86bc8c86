/**
 * Section 5 of the report's document: every scenario's tier before and after mitigation, each risk's
 * determination with its margin, conditions, evidence and dissent, and the overall verdict.
 */
import type { WorkshopExport } from "../../shared/workshopExport";
import type { Block, Cell, Section } from "./document";
import { code, heads, joined, paragraph, plain, prose, section, strong, table, text } from "./document";
import { formatRange, formatTime, tierLabel, words } from "./format";
import type { ReportModel } from "./reportModel";
import { SECTIONS } from "./sectionNumbers";

export function summarySection(model: ReportModel): Section {
  return section(SECTIONS.summary, ["Summary of tiers and determinations"], summary(model), "summary");
}

function summary(model: ReportModel): Block[] {
  const f = model.exp.framework;
  const standing = (x: ReportModel["scenarios"][number]["pre"]): Cell[] => {
    if (!x) return [[plain("—")], [plain("—")]];
    const p = x.aggregate.probability;
    return [[plain(formatRange(p.low, p.best, p.high))], [text(tierLabel(x.aggregate.tier))]];
  };
  const rows = model.risks.flatMap((r) =>
    r.scenarios.map((s): Cell[] => [
      [plain(s.code)],
      [text(r.title)],
      [text(s.scenario.title)],
      [plain(words(s.scenario.status))],
      ...standing(s.pre),
      ...standing(s.residual),
    ]),
  );
  const tierNames = joined(f.tiers.map((t) => text(t.name)));
  return [
    section(
      SECTIONS.scenarioTiers,
      ["Every scenario's tier"],
      [
        paragraph(
          "Tiers from the framework (",
          ...tierNames,
          "); pre-mitigation and residual are the latest revealed rounds of each kind.",
        ),
        rows.length === 0
          ? paragraph("No scenarios.")
          : table(
              heads("", "Risk", "Scenario", "Status", "Pre-mitigation", "Tier", "Residual", "Residual tier"),
              rows,
            ),
      ],
    ),
    section(
      SECTIONS.determinations,
      ["Determinations: why each risk is or is not acceptable"],
      model.risks.filter((r) => r.risk).map((r) => determination(model, r)),
    ),
    verdict(model.exp),
  ];
}

function determination(model: ReportModel, r: ReportModel["risks"][number]): Section {
  const d = r.determination;
  if (!d) return section(undefined, [text(r.title), plain(": no determination recorded")], []);
  const tier = r.ladder.find((t) => t.id === d.tierId);
  const part = (title: string, value: string) => value !== "" && prose(value, [strong(plain(title))]);
  const codes = joined(
    d.evidenceScenarioIds.map((id) => {
      const found = model.scenarios.find((s) => s.scenario.id === id)?.code;
      return found ? plain(found) : code(id);
    }),
  );
  return section(
    undefined,
    [text(r.title), plain(`: ${words(d.verdict)}`)],
    [
      d.tierId === null
        ? paragraph(
            "Judged under other criteria (no tier ladder). Recorded ",
            `${formatTime(d.at)} by `,
            text(d.by),
            ".",
          )
        : paragraph(
            "Tier reached: ",
            strong(text(tier?.name ?? d.tierId)),
            `${d.needsHigherTier ? " (the top of the ladder: a higher tier must be defined)" : ""}. Recorded ${formatTime(d.at)} by `,
            text(d.by),
            ".",
          ),
      part("Criterion.", d.criterion ?? ""),
      part("Justification.", d.justification ?? ""),
      part("Safety margin.", d.safetyMargin),
      part("Why the margin holds.", d.marginReasons),
      part("Conditions under which this no longer holds.", d.conditions),
      codes.length > 0 && paragraph("Evidence: ", ...codes, "."),
      ...d.dissent.map(
        (x): Block => ({
          type: "quote",
          content: [
            paragraph(strong(plain("Dissent")), " by ", text(x.name), `, ${formatTime(x.at)}:`),
            prose(x.text),
          ],
        }),
      ),
    ],
  );
}

function verdict(exp: WorkshopExport): Section {
  const v = exp.verdict;
  if (!v) return section(SECTIONS.verdict, ["Overall verdict"], [paragraph("Not yet recorded.")]);
  return section(
    SECTIONS.verdict,
    [`Overall verdict: ${words(v.verdict)}`],
    [
      paragraph(`Recorded ${formatTime(v.at)} by `, text(v.by), "."),
      prose(v.justification),
      v.conflicts && v.conflicts.length > 0
        ? prose(v.conflictJustification ?? "", [
            strong(
              plain(
                `Acceptable although judged not acceptable: ${v.conflicts.join(", ")}. Why it is acceptable overall.`,
              ),
            ),
          ])
        : null,
    ],
  );
}
