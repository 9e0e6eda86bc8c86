/**
 * The report's document, built once from a `WorkshopExport` and laid out like a safety and security
 * model report: the model and workshop, who took part, the acceptance criteria (criteriaDocument.ts),
 * each systemic risk in turn (riskDocument.ts), a summary of every scenario's tier and every
 * determination (summaryDocument.ts), and the snapshots. Each section's wording is written once, in
 * its builder; its number in sectionNumbers.ts.
 */
import { ROLES, type Role } from "../../shared/roles";
import type { WorkshopExport } from "../../shared/workshopExport";
import { criteriaSection } from "./criteriaDocument";
import type { Block, Inline, ReportDocument, Section } from "./document";
import { code, heads, list, paragraph, plain, section, strong, table, text } from "./document";
import { formatTime, words } from "./format";
import { incidentsSection } from "./incidentDocument";
import { reportModel } from "./reportModel";
import { risksSection } from "./riskDocument";
import { ref, SECTIONS } from "./sectionNumbers";
import { summarySection } from "./summaryDocument";

export function reportDocument(exp: WorkshopExport): ReportDocument {
  const model = reportModel(exp);
  return {
    title: [plain("Safety and Security Model Report: "), text(exp.workshop.title)],
    note: sourceNote(exp),
    sections: [
      section(SECTIONS.overview, ["Model and workshop"], [overview(exp)]),
      section(SECTIONS.participants, ["Participants"], participants(exp)),
      criteriaSection(model),
      risksSection(model),
      summarySection(model),
      section(SECTIONS.snapshots, ["Snapshots"], [snapshots(exp)]),
      ...(exp.incidents.length > 0 ? [incidentsSection(exp)] : []),
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
    [
      "Changes after a lock",
      [plain(exp.unlocks.length === 0 ? "none" : `${exp.unlocks.length} (see ${ref(SECTIONS.lock)})`)],
    ],
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
