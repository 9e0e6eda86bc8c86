/**
 * Section 4 of the report's document: the risk matrix, then per systemic risk its determination and
 * each scenario with narrative, threat model, pathway, evidence, estimates per round, mitigations and
 * residual risk, history over the snapshots, and dissent.
 */
import type { Framework } from "../../shared/estimation/framework";
import type { Block, Cell, Inline, Section } from "./document";
import {
  emphasis,
  heads,
  joined,
  list,
  paragraph,
  plain,
  prose,
  section,
  strong,
  table,
  text,
} from "./document";
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
import type { ReportModel, RiskEntry, RoundEntry, ScenarioEntry } from "./reportModel";
import { ref, SECTIONS } from "./sectionNumbers";
import { historySvg } from "./svgHistory";
import { riskMatrixSvg } from "./svgMatrix";

type Axis = ReadonlyArray<{ id: string; label: string }>;

export function risksSection(model: ReportModel): Section {
  const number = SECTIONS.risks;
  const f = model.exp.framework;
  const axis = model.exp.snapshots.filter((s) => s.verified);
  const risks =
    model.risks.length === 0
      ? [paragraph("No risks are listed.")]
      : model.risks.map((r, i) => risk(f, axis, r, `${ref(number)}.${i + 1}`));
  return section(number, ["Systemic risks"], [matrix(model), ...risks]);
}

function matrix(model: ReportModel): Block {
  const markers = model.scenarios.flatMap((s) =>
    (["pre", "residual"] as const).flatMap((kind) => {
      const a = s[kind]?.aggregate;
      return a?.bandId && a.severity.levelId
        ? [{ code: s.code, title: s.scenario.title, kind, bandId: a.bandId, levelId: a.severity.levelId }]
        : [];
    }),
  );
  return {
    type: "figure",
    svg: riskMatrixSvg(model.exp.framework, markers),
    caption: [
      plain(
        `Every scenario in the cell of its latest revealed aggregate; the codes are listed in section ${ref(SECTIONS.scenarioTiers)}.`,
      ),
    ],
    fallback: [],
  };
}

function risk(f: Framework, axis: Axis, r: RiskEntry, number: string): Section {
  const kind = r.risk?.specified ? " (specified systemic risk)" : "";
  const d = r.determination;
  const determination = d
    ? paragraph(
        strong(plain("Determination:")),
        d.tierId === null ? ` ${words(d.verdict)}, under other criteria` : ` ${words(d.verdict)}, tier `,
        text(d.tierId === null ? "" : (r.ladder.find((t) => t.id === d.tierId)?.name ?? d.tierId)),
        ` (see ${ref(SECTIONS.determinations)}).`,
      )
    : paragraph(strong(plain("Determination:")), " not yet recorded.");
  return section(
    number,
    [text(r.title), `${kind}${r.risk?.archived ? " (archived)" : ""}`],
    [
      r.risk?.description ? prose(r.risk.description) : null,
      determination,
      ...(r.scenarios.length === 0
        ? [paragraph("No scenarios were written for this risk.")]
        : r.scenarios.map((s) => scenario(f, axis, s))),
    ],
    "risk",
  );
}

function scenario(f: Framework, axis: Axis, s: ScenarioEntry): Section {
  const sc = s.scenario;
  const facts = [`Status: ${words(sc.status)}`];
  if (sc.nature.length > 0) facts.push(`Nature: ${sc.nature.map(words).join(", ")}`);
  const part = (title: string, content: Block[]) => section(undefined, [title], content);
  return section(
    `${s.code}.`,
    [text(sc.title)],
    [
      { type: "paragraph", role: "note", content: [emphasis(plain(facts.join(" · ")))] },
      part("Narrative", [
        {
          type: "narrative",
          doc: sc.narrative,
          headingOffset: 5,
          fallback: [paragraph("No narrative yet.")],
        },
      ]),
      part("Threat model", [threatModel(s)]),
      part("Pathway", pathway(s)),
      part("Evidence", [evidence(s)]),
      part(
        "Estimates",
        s.rounds.length === 0
          ? [paragraph("Not yet estimated in any round.")]
          : s.rounds.flatMap((e) => round(f, e)),
      ),
      part("Mitigations and residual risk", mitigations(f, s)),
      part("Risk history", [history(f, axis, s)]),
      sc.dissent.length > 0 && part("Dissent", dissent(s)),
    ],
  );
}

/** "label: value" parts joined by "; ", leaving out those without a value. */
function details(parts: Array<[string, Inline[]]>): Inline[] {
  return parts
    .filter(([, value]) => value.length > 0)
    .flatMap(([label, value], i) => [plain(`${i > 0 ? "; " : ""}${label}: `), ...value]);
}

/** A participant's text when there is any. */
const some = (value: string | undefined): Inline[] => (value ? [text(value)] : []);

function threatModel(s: ScenarioEntry): Block {
  const actors = s.actors.map((a) => {
    const more = details([
      ["resources", some(a.resources)],
      ["intent", some(a.intent)],
    ]);
    return {
      content: [
        plain("Actor: "),
        strong(text(a.name)),
        plain(` (${words(a.type)}, ${words(a.capabilityLevel)} capability)${more.length > 0 ? ": " : ""}`),
        ...more,
      ],
    };
  });
  const sources = s.sources.map((x) => ({
    content: [
      plain("Source of risk: "),
      strong(text(x.name)),
      plain(` (${x.kind})${x.description ? ": " : ""}`),
      ...some(x.description),
    ],
  }));
  const items = [...actors, ...sources];
  return items.length > 0 ? list(false, items) : paragraph("No actors or sources of risk linked.");
}

function pathway(s: ScenarioEntry): Block[] {
  if (s.steps.length === 0) return [paragraph("No pathway steps yet.")];
  const uplift = s.steps.filter((x) => x.step.uplift).length;
  const steps = s.steps.map(({ step, actor, source, safeguards }) => {
    const notes = details([
      ["actor", some(actor?.name)],
      ["source", some(source?.name)],
      ["safeguards", joined(safeguards.map((g) => text(g.name)))],
    ]);
    return {
      content: [
        ...(step.uplift ? [{ type: "flag", text: "model uplift" } as const, plain(" ")] : []),
        step.text.trim() === "" ? plain("(no text)") : text(step.text),
        ...(notes.length > 0 ? [plain(" ("), ...notes, plain(")")] : []),
      ],
    };
  });
  return [
    {
      type: "paragraph",
      role: "note",
      content: [
        plain(`${uplift} of ${s.steps.length} steps flagged where the model gives meaningful uplift.`),
      ],
    },
    list(true, steps),
  ];
}

function evidence(s: ScenarioEntry): Block {
  if (s.scenario.evidence.length === 0) return paragraph("No evidence recorded.");
  return list(
    false,
    s.scenario.evidence.map((e) => ({
      content: [
        plain(`${words(e.kind)}: `),
        strong(e.link ? { type: "link", text: e.title, href: e.link } : text(e.title)),
        ...(e.result ? [plain(": "), text(e.result)] : []),
        ...(e.note ? [plain(" (note: "), text(e.note), plain(")")] : []),
      ],
    })),
  );
}

function round(f: Framework, e: RoundEntry): Block[] {
  const title = roundTitle(e.round);
  const head = [strong(plain(title.name)), plain(` ${title.detail}`)];
  if (!e.estimates) return [paragraph(...head, `: ${e.submitted} estimate(s) submitted, not revealed.`)];
  if (e.estimates.length === 0) return [paragraph(...head, ": no estimates.")];
  const rows = e.estimates.map((x): Cell[] => [
    [text(x.who)],
    [plain(formatRange(x.probability.low, x.probability.best, x.probability.high))],
    [text(severityText(f, x.severity))],
    [plain(x.confidence)],
    prose(x.rationale),
  ]);
  return [
    paragraph(...head, ":"),
    table(heads("Expert", "Probability, best (low–high)", "Severity", "Confidence", "Rationale"), rows),
    paragraph(...aggregate(f, e.aggregate)),
  ];
}

function aggregate(f: Framework, a: RoundEntry["aggregate"]): Inline[] {
  if (!a) return [plain("Aggregate: none.")];
  const p = a.probability;
  return [
    plain(`Aggregate of ${p.n} (${words(p.method)}): `),
    strong(plain(formatRange(p.low, p.best, p.high))),
    plain(`; spread of best estimates ${formatSpread(p.spread)}; median severity `),
    text(aggregateSeverityText(f, a)),
    plain("; band "),
    text(bandLabel(f, a.bandId)),
    plain("; tier "),
    ...(a.tier ? [{ type: "swatch", colour: a.tier.colour } as const] : []),
    strong(text(tierLabel(a.tier))),
    plain("."),
  ];
}

function mitigations(f: Framework, s: ScenarioEntry): Block[] {
  const items = s.mitigations.map((m) => ({
    content: [
      strong(text(m.title)),
      plain(` (${m.kind}, ${words(m.status)}${m.owner ? ", owner " : ""}`),
      ...some(m.owner),
      plain(`)${m.description ? ": " : ""}`),
      ...some(m.description),
    ],
  }));
  const residual = s.residual
    ? paragraph(`Residual risk (round ${s.residual.round.number}): `, ...aggregate(f, s.residual.aggregate))
    : paragraph("No residual estimate yet.");
  return [items.length > 0 ? list(false, items) : paragraph("No mitigations linked."), residual];
}

function history(f: Framework, axis: Axis, s: ScenarioEntry): Block {
  if (s.history.length === 0) return paragraph("No snapshot holds a revealed estimate of this scenario.");
  const cell = (p: (typeof s.history)[number]["pre"]): Cell[] =>
    p
      ? [[plain(formatRange(p.low, p.best, p.high))], [text(tierLabel(p.tier))]]
      : [[plain("—")], [plain("—")]];
  const rows = table(
    heads("Snapshot", "Taken", "Pre-mitigation", "Tier", "Residual", "Residual tier"),
    s.history.map((h) => [
      [text(h.label)],
      [plain(formatTime(h.takenAt))],
      ...cell(h.pre),
      ...cell(h.residual),
    ]),
  );
  const svg = historySvg(f, axis, s.history, `${s.code} ${s.scenario.title}`);
  if (!svg) return rows;
  return {
    type: "figure",
    svg,
    caption: [plain(`${s.code} over the snapshots, in the order they were taken.`)],
    fallback: [rows],
  };
}

function dissent(s: ScenarioEntry): Block[] {
  return s.scenario.dissent.map(
    (d): Block => ({
      type: "quote",
      content: [paragraph(strong(text(d.name)), `, ${formatTime(d.at)}:`), prose(d.text)],
    }),
  );
}
