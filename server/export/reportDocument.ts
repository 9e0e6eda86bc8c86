/**
 * The report's document, built once from a `WorkshopExport` and laid out like a safety and security
 * model report: the model and workshop, who took part, the acceptance criteria with their lock
 * history, each systemic risk in turn (riskDocument.ts), a summary of every scenario's tier and every
 * determination, and the snapshots. Every section's number and wording is written here only.
 */
import type { Framework } from "../../shared/estimation/framework";
import { ROLES, type Role } from "../../shared/roles";
import type { WorkshopExport } from "../../shared/workshopExport";
import {
  type Block,
  type Cell,
  code,
  heads,
  type Inline,
  joined,
  list,
  paragraph,
  plain,
  prose,
  type ReportDocument,
  type Section,
  section,
  strong,
  table,
  text,
} from "./document";
import { acceptabilityLabel, formatProbability, formatRange, formatTime, tierLabel, words } from "./format";
import { type ReportModel, reportModel } from "./reportModel";
import { risksSection } from "./riskDocument";

export function reportDocument(exp: WorkshopExport): ReportDocument {
  const model = reportModel(exp);
  return {
    title: [plain("Safety and Security Model Report: "), text(exp.workshop.title)],
    note: sourceNote(exp),
    sections: [
      section("1.", ["Model and workshop"], [overview(exp)]),
      section("2.", ["Participants"], participants(exp)),
      section(
        "3.",
        ["Systemic risk acceptance criteria"],
        [lockHistory(exp), ...frameworkSections(exp.framework), ladders(model)],
        "criteria",
      ),
      risksSection("4.", model),
      section("5.", ["Summary of tiers and determinations"], summary(model), "summary"),
      section("6.", ["Snapshots"], [snapshots(exp)]),
    ],
  };
}

function sourceNote(exp: WorkshopExport): Inline[] {
  const s = exp.source;
  const from: Inline[] =
    s.kind === "live"
      ? [plain(`the live workshop as of ${formatTime(exp.exportedAt)}`)]
      : [
          plain("snapshot “"),
          text(s.label),
          plain(`”, taken ${formatTime(s.takenAt)} by `),
          text(s.takenBy),
          plain(" (SHA-256 "),
          code(s.sha256),
          plain(")"),
        ];
  return [
    plain("Exported by Riskroom from "),
    ...from,
    plain(". Text written by participants is reproduced as written."),
  ];
}

function overview(exp: WorkshopExport): Block {
  const { workshop, lock, verdict } = exp;
  const rows: Array<[string, Inline[]]> = [
    ["Model", [text(workshop.subject ?? "not stated")]],
    ["Workshop", [text(workshop.title), plain(" ("), code(workshop.id), plain(")")]],
    ["Opened", [plain(formatTime(workshop.createdAt))]],
    [
      "Acceptance criteria",
      lock
        ? [plain(`locked ${formatTime(lock.lockedAt)} by `), text(lock.lockedBy)]
        : [strong(plain("not locked")), plain(": estimates made now are not held against fixed criteria")],
    ],
    ["Changes after a lock", [plain(exp.unlocks.length === 0 ? "none" : `${exp.unlocks.length} (see 3.1)`)]],
    ["Overall verdict", [verdict ? strong(plain(words(verdict.verdict))) : plain("not yet recorded")]],
    ["Exported", [plain(formatTime(exp.exportedAt))]],
  ];
  return { type: "fields", head: ["Record", "Value"], rows };
}

const ROLE_TITLES: Record<Role, string> = {
  facilitator: "Facilitators",
  expert: "Experts",
  observer: "Observers",
};

function participants(exp: WorkshopExport): Section[] {
  return ROLES.map((role) => {
    const people = exp.participants.filter((p) => p.role === role);
    const items = people.map((p) => ({
      content: [
        text(p.displayName),
        plain(
          `, joined ${formatTime(p.joinedAt)}${p.revokedAt ? `; access revoked ${formatTime(p.revokedAt)}` : ""}`,
        ),
      ],
    }));
    return section(
      undefined,
      [`${ROLE_TITLES[role]} (${people.length})`],
      [items.length > 0 && list(false, items)],
    );
  });
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
  return section("3.1", ["Lock and changes"], [state, ...history]);
}

function frameworkSections(f: Framework): Section[] {
  const tier = (id: string | undefined): Cell => {
    const t = f.tiers.find((x) => x.id === id);
    return t ? [{ type: "swatch", colour: t.colour }, text(t.name)] : [text(id ?? "—")];
  };
  return [
    section(
      "3.2",
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
      "3.3",
      ["Severity levels"],
      [
        table(
          heads("Severity level", "Anchor", "Description"),
          f.severityLevels.map((l) => [[text(l.name)], [text(l.anchor)], [text(l.description)]]),
        ),
      ],
    ),
    section(
      "3.4",
      ["Risk tiers"],
      [
        table(
          heads("Risk tier", "Acceptability", "Colour"),
          f.tiers.map((t) => [tier(t.id), [plain(acceptabilityLabel(t.acceptable))], [code(t.colour)]]),
        ),
      ],
    ),
    section(
      "3.5",
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
  if (risks.length === 0) return section("3.6", ["Tier ladders"], [paragraph("No risk has a tier ladder.")]);
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
    "3.6",
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
      "5.1",
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
      "5.2",
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
      paragraph(
        "Tier reached: ",
        strong(text(tier?.name ?? d.tierId)),
        `${d.needsHigherTier ? " (the top of the ladder: a higher tier must be defined)" : ""}. Recorded ${formatTime(d.at)} by `,
        text(d.by),
        ".",
      ),
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
  if (!v) return section("5.3", ["Overall verdict"], [paragraph("Not yet recorded.")]);
  return section(
    "5.3",
    [`Overall verdict: ${words(v.verdict)}`],
    [paragraph(`Recorded ${formatTime(v.at)} by `, text(v.by), "."), prose(v.justification)],
  );
}

function snapshots(exp: WorkshopExport): Block {
  if (exp.snapshots.length === 0) return paragraph("No snapshots were taken.");
  return table(
    heads("#", "Snapshot", "Taken", "By", "How", "SHA-256", "Verified"),
    exp.snapshots.map((s, i) => [
      [plain(String(i + 1))],
      [text(s.label)],
      [plain(formatTime(s.takenAt))],
      [text(s.takenBy)],
      [plain(s.auto ? "automatic" : "by hand")],
      [code(s.sha256)],
      [s.verified ? plain("yes") : strong(plain("no: the stored blob does not match its hash"))],
    ]),
  );
}
