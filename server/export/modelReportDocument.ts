/**
 * A model report version as the renderer-neutral document (document.ts), so Markdown and HTML come
 * from the same wording and numbering. Every section the Code expects is present; one with nothing
 * in it says so on a "Missing:" line rather than being left out.
 */
import type { DeterminationPart, ModelReportBody, RiskPart, WorkshopPart } from "../../shared/modelReport";
import {
  type Block,
  code,
  heads,
  type Inline,
  list,
  missing,
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
import { formatTime, words } from "./format";
import { estimateWords } from "./modelChangelog";
import { timelines } from "./modelTimelineDocument";

export function modelReportDocument(body: ModelReportBody, sha256: string): ReportDocument {
  return {
    title: [plain("Safety and Security Model Report: "), text(body.model.name)],
    note: [
      plain(`Version ${body.version}, issued ${formatTime(body.issuedAt)} by `),
      text(body.issuedBy),
      plain(" (SHA-256 "),
      code(sha256),
      plain("). Assembled by Riskroom from the signed-off snapshots named in section 2."),
    ],
    sections: [
      section("1.", ["Model"], modelFields(body)),
      section("2.", ["Sign-offs"], [signOffs(body)]),
      section(
        "3.",
        ["Changes in this version"],
        [
          list(
            false,
            body.changelog.map((c) => ({ content: [text(c)] })),
          ),
        ],
      ),
      section("4.", ["Frameworks used"], frameworks(body)),
      section("5.", ["Systemic risks and determinations"], risks(body), "risk"),
      section("6.", ["Conditions under which the acceptance would no longer hold"], conditions(body)),
      section("7.", ["When each tier is expected to be exceeded"], timelines(body)),
      section("8.", ["Serious incidents"], incidents(body)),
      section(
        "9.",
        ["External evaluators' reports"],
        [missing("no external evaluator's report is attached to this model.")],
      ),
    ],
  };
}

function modelFields(body: ModelReportBody): Block[] {
  const m = body.model;
  const rows: Array<[string, Inline[]]> = [
    ["Model", [text(m.name)]],
    ["Version or checkpoint", [m.version ? text(m.version) : plain("not stated")]],
    ["Report version", [plain(String(body.version))]],
    ["Issued", [plain(formatTime(body.issuedAt))]],
    [
      "Previous version",
      body.previous
        ? [plain(`${body.previous.version}, SHA-256 `), code(body.previous.sha256)]
        : [plain("none: this is the first")],
    ],
  ];
  return [
    { type: "fields", head: ["Record", "Value"], rows },
    section(
      undefined,
      ["Model description"],
      [m.description ? prose(m.description) : missing("the model description.")],
    ),
    section(
      undefined,
      ["Deployment context"],
      [m.deploymentContext ? prose(m.deploymentContext) : missing("the deployment context.")],
    ),
  ];
}

function signOffs(body: ModelReportBody): Block {
  if (body.workshops.length === 0) return missing("no workshop has signed off a snapshot.");
  return table(
    heads("Workshop", "Snapshot", "Taken", "Signed off", "SHA-256"),
    body.workshops.map((w) => [
      [text(w.title)],
      [text(w.signOff.label)],
      [plain(formatTime(w.signOff.takenAt))],
      [plain(`${formatTime(w.signOff.at)} by `), text(w.signOff.by)],
      [code(w.signOff.sha256)],
    ]),
  );
}

function frameworks(body: ModelReportBody): Block[] {
  const locked = body.workshops.filter((w) => w.framework.locked);
  if (locked.length === 0) return [missing("no signed-off workshop had locked its acceptance criteria.")];
  return [
    table(
      heads("Workshop", "Risk matrix", "Locked", "Criteria hash"),
      body.workshops.map((w) => [
        [text(w.title)],
        [plain(w.framework.matrix)],
        [plain(w.framework.lockedAt ? formatTime(w.framework.lockedAt) : "not locked")],
        [w.framework.hash ? code(w.framework.hash) : plain("none")],
      ]),
    ),
  ];
}

function risks(body: ModelReportBody): Block[] {
  const all = body.workshops.flatMap((w) => w.risks.map((r) => ({ w, r })));
  const out: Block[] = [];
  if (!all.some(({ r }) => r.determination)) out.push(missing("no risk has a determination."));
  if (!all.some(({ r }) => r.scenarios.some((s) => s.pre)))
    out.push(missing("no pre-mitigation estimate was revealed."));
  if (!all.some(({ r }) => r.scenarios.some((s) => s.residual)))
    out.push(missing("no residual (post-mitigation) estimate was revealed."));
  if (!all.some(({ r }) => r.scenarios.some((s) => s.mitigations.length > 0)))
    out.push(missing("no mitigation is recorded."));
  all.forEach(({ w, r }, i) => {
    out.push(riskSection(`5.${i + 1}`, w, r));
  });
  return out;
}

function riskSection(number: string, w: WorkshopPart, r: RiskPart): Section {
  return section(
    number,
    [text(r.title), plain(" ("), text(w.title), plain(")")],
    [
      r.determination ? determination(r.determination) : missing("this risk has no determination."),
      r.scenarios.length > 0 &&
        table(
          heads("Scenario", "Pre-mitigation", "Residual", "Mitigations", "Dissent"),
          r.scenarios.map((s) => [
            [plain(`${s.code} `), text(s.title)],
            [plain(estimateWords(s.pre))],
            [plain(estimateWords(s.residual))],
            s.mitigations.length > 0
              ? s.mitigations.flatMap((m, k) => [
                  ...(k > 0 ? [plain("; ")] : []),
                  text(m.title),
                  plain(` (${words(m.status)})`),
                ])
              : [plain("none")],
            s.dissent.length > 0
              ? s.dissent.flatMap((d, k) => [
                  ...(k > 0 ? [plain("; ")] : []),
                  strong(text(d.name)),
                  plain(": "),
                  text(d.text),
                ])
              : [plain("none")],
          ]),
        ),
    ],
  );
}

function determination(d: DeterminationPart): Block {
  const rows: Array<[string, Inline[]]> = [
    ["Tier reached", [d.tier ? text(d.tier) : plain("judged under other criteria")]],
    ["Verdict", [strong(plain(words(d.verdict)))]],
    ...(d.criterion ? ([["Criterion", [text(d.criterion)]]] as Array<[string, Inline[]]>) : []),
    ...(d.justification ? ([["Justification", [text(d.justification)]]] as Array<[string, Inline[]]>) : []),
    [
      "Safety margin",
      [text(d.safetyMargin || "not stated"), plain(d.marginReasons ? ": " : ""), text(d.marginReasons)],
    ],
    [
      "Evidence",
      d.evidence.length > 0 ? [text(d.evidence.map((e) => e.title).join("; "))] : [plain("none cited")],
    ],
    ["Conditions", [text(d.conditions || "none stated")]],
    ["Recorded", [plain(`${formatTime(d.at)} by `), text(d.by)]],
    [
      "Dissent",
      d.dissent.length > 0
        ? d.dissent.flatMap((n, k) => [
            ...(k > 0 ? [plain("; ")] : []),
            strong(text(n.name)),
            plain(": "),
            text(n.text),
          ])
        : [plain("none recorded")],
    ],
  ];
  return { type: "fields", head: ["Determination", "Value"], rows };
}

function conditions(body: ModelReportBody): Block[] {
  const out: Block[] = [];
  const items: Array<{ content: Inline[]; children?: Block[] }> = [];
  for (const w of body.workshops)
    for (const r of w.risks) {
      const d = r.determination;
      if (!d || (!d.conditions && d.watched.length === 0)) continue;
      const watched = d.watched.map((c) => ({
        content: c.met
          ? [
              strong(plain("No longer holds:")),
              plain(" "),
              text(c.description),
              plain(" ("),
              text(c.reason ?? ""),
              plain(")"),
            ]
          : [plain("Holds: "), text(c.description), plain(` (${words(c.kind)})`)],
      }));
      items.push({
        content: [
          strong(text(r.title)),
          plain(" ("),
          text(w.title),
          plain(")"),
          ...(d.conditions ? [plain(": "), text(d.conditions)] : []),
        ],
        ...(watched.length > 0 ? { children: [list(false, watched)] } : {}),
      });
    }
  const met = body.workshops.flatMap((w) =>
    w.risks.filter((r) => r.determination?.watched.some((c) => c.met)).map((r) => `${r.title} (${w.title})`),
  );
  if (met.length > 0)
    out.push({
      type: "paragraph",
      role: "warn",
      content: [
        strong(plain("Conditions no longer hold")),
        plain(" for: "),
        text(met.join("; ")),
        plain(". The acceptance recorded for these risks is no longer supported as it stands."),
      ],
    });
  if (items.length === 0)
    out.push(missing("no determination states the conditions under which it would no longer hold."));
  else out.push(list(false, items));
  return out;
}

function incidents(body: ModelReportBody): Block[] {
  const rows = body.workshops.flatMap((w) =>
    w.incidents.map((i) => [
      [text(i.title)],
      [text(w.title)],
      [plain(words(i.category))],
      [plain(formatTime(i.awareAt))],
      [plain(i.resolvedAt ? formatTime(i.resolvedAt) : "unresolved")],
    ]),
  );
  if (rows.length === 0) return [paragraph("No serious incident is recorded in the signed-off snapshots.")];
  return [table(heads("Incident", "Workshop", "Category", "Aware", "Resolved"), rows)];
}
