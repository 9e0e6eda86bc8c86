/**
 * Section 3 of the report's document: the acceptance criteria, with the framework's lock and every
 * change after it, the likelihood bands, severity levels, tiers and matrix, and each risk's tier ladder.
 */
import type { Framework } from "../../shared/estimation/framework";
import type { WorkshopExport } from "../../shared/workshopExport";
import type { Block, Cell, Section } from "./document";
import { code, heads, list, paragraph, plain, prose, section, strong, table, text } from "./document";
import { acceptabilityLabel, formatProbability, formatTime, words } from "./format";
import type { ReportModel } from "./reportModel";
import { SECTIONS } from "./sectionNumbers";

export function criteriaSection(model: ReportModel): Section {
  const exp = model.exp;
  return section(
    SECTIONS.criteria,
    ["Systemic risk acceptance criteria"],
    [lockHistory(exp), ...frameworkSections(exp.framework), ladders(model)],
    "criteria",
  );
}

function lockHistory(exp: WorkshopExport): Section {
  const { lock, unlocks } = exp;
  const state: Block = lock
    ? paragraph(
        `Locked ${formatTime(lock.lockedAt)} by `,
        text(lock.lockedBy),
        ". SHA-256 of the framework's canonical JSON: ",
        code(lock.hash),
        ".",
      )
    : {
        type: "paragraph",
        role: "warn",
        content: [
          strong(plain("The framework is not locked.")),
          plain(
            " The Code of Practice asks for acceptance criteria defined before the decision they govern.",
          ),
        ],
      };
  const history: Block[] =
    unlocks.length === 0
      ? [paragraph("The framework has not been unlocked since it was first locked.")]
      : [
          paragraph("Every unlock, with the hash it broke and the hash it was locked again at:"),
          table(
            heads("#", "Unlocked", "By", "Justification", "Hash before", "Hash after"),
            unlocks.map((u, i) => [
              [plain(String(i + 1))],
              [plain(formatTime(u.at))],
              [text(u.by)],
              prose(u.justification),
              [code(u.hashBefore)],
              [u.hashAfter ? code(u.hashAfter) : plain("not locked again")],
            ]),
          ),
        ];
  return section(SECTIONS.lock, ["Lock and changes"], [state, ...history]);
}

function frameworkSections(f: Framework): Section[] {
  const tier = (id: string | undefined): Cell => {
    const t = f.tiers.find((x) => x.id === id);
    return t ? [{ type: "swatch", colour: t.colour }, text(t.name)] : [text(id ?? "—")];
  };
  return [
    section(
      SECTIONS.bands,
      ["Likelihood bands"],
      [
        table(
          heads("Likelihood band", "Probability", "Period"),
          f.likelihoodBands.map((b) => [
            [text(b.label)],
            [plain(`${formatProbability(b.lower)} to ${formatProbability(b.upper)}`)],
            [text(b.period)],
          ]),
        ),
      ],
    ),
    section(
      SECTIONS.levels,
      ["Severity levels"],
      [
        table(
          heads("Severity level", "Anchor", "Description"),
          f.severityLevels.map((l) => [[text(l.name)], [text(l.anchor)], [text(l.description)]]),
        ),
      ],
    ),
    section(
      SECTIONS.tiers,
      ["Risk tiers"],
      [
        table(
          heads("Risk tier", "Acceptability", "Colour"),
          f.tiers.map((t) => [tier(t.id), [plain(acceptabilityLabel(t.acceptable))], [code(t.colour)]]),
        ),
      ],
    ),
    section(
      SECTIONS.matrix,
      ["Risk matrix"],
      [
        paragraph(
          `The tier of a scenario is the cell of its pooled best probability and its median severity level. Aggregation: ${words(f.aggregation)}.`,
        ),
        table(
          [[plain("Likelihood ↓ severity →")], ...f.severityLevels.map((l) => [text(l.name)])],
          [...f.likelihoodBands]
            .reverse()
            .map((b) => [[text(b.label)], ...f.severityLevels.map((l) => tier(f.matrix[b.id]?.[l.id]))]),
        ),
      ],
    ),
  ];
}

function ladders(model: ReportModel): Section {
  const risks = model.risks.filter((r) => r.ladder.length > 0);
  if (risks.length === 0)
    return section(SECTIONS.ladders, ["Tier ladders"], [paragraph("No risk has a tier ladder.")]);
  const sub = (title: string, items: string[]) =>
    items.length === 0
      ? []
      : [
          {
            content: [plain(`${title}:`)],
            children: [
              list(
                false,
                items.map((x) => ({ content: [text(x)] })),
              ),
            ],
          },
        ];
  return section(
    SECTIONS.ladders,
    ["Tier ladders"],
    [
      paragraph(
        "Each risk's tiers from the lowest capability to the highest, with their measurable indicators.",
      ),
      ...risks.map((r) =>
        section(
          undefined,
          [text(r.title)],
          [
            list(
              true,
              r.ladder.map((t) => {
                const children = [...sub("Indicators", t.indicators), ...sub("Mitigations", t.mitigations)];
                return {
                  content: [
                    strong(text(t.name)),
                    plain(" ("),
                    code(t.id),
                    plain(
                      `): ${t.acceptableWithMitigations ? "acceptable once its mitigations are in place" : "not acceptable"}`,
                    ),
                  ],
                  ...(children.length > 0 ? { children: [list(false, children)] } : {}),
                };
              }),
            ),
          ],
        ),
      ),
    ],
  );
}
