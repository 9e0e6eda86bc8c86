/**
 * Seeds a workshop through the public REST API and the official y-websocket client, the way people
 * in a room would: the facilitator creates it and invites, an expert writes the content (through the
 * importer's content writer, so every id and order is the spec's), the framework is locked (and
 * unlocked once, on record), blind rounds are estimated and revealed (each reveal takes a snapshot),
 * then determinations, a verdict and a closing snapshot. `npm run demo` uses it, and so do the tests.
 */
import { randomBytes } from "node:crypto";
import type { CreateWorkshopResponse, JoinResponse } from "../../shared/api";
import { mitigationsOf } from "../../shared/content";
import { type ExportContent, exportContentSchema } from "../../shared/workshopExport";
import { writeContent } from "../services/contentWriter";
import { editContent, restClient, withContentDoc } from "./connections";
import type { SeedSpec } from "./spec";

export interface Person {
  name: string;
  token: string;
  participantId: string;
}

export interface SeededWorkshop {
  workshopId: string;
  facilitator: Person;
  experts: Person[];
  observers: Person[];
}

export async function seedWorkshop(
  baseUrl: string,
  spec: SeedSpec,
  options: { createToken?: string } = {},
): Promise<SeededWorkshop> {
  const api = restClient(baseUrl);
  const created = await api<CreateWorkshopResponse>("POST", "/workshops", options.createToken, {
    title: spec.title,
    subject: spec.subject,
    displayName: spec.facilitator,
  });
  const workshopId = created.workshop.id;
  const route = `/workshops/${workshopId}`;
  const facilitator = person(created);
  const invite = async (role: "expert" | "observer", name: string) => {
    const { token } = await api<{ token: string }>("POST", `${route}/invites`, facilitator.token, { role });
    return person(
      await api<JoinResponse>("POST", "/join", undefined, { inviteToken: token, displayName: name }),
    );
  };
  const experts: Person[] = [];
  for (const name of spec.experts) experts.push(await invite("expert", name));
  const observers: Person[] = [];
  for (const name of spec.observers) observers.push(await invite("observer", name));
  const wsUrl = `${baseUrl.replace(/^http/, "ws")}/ws`;

  const content = exportContent(spec);
  await editContent(wsUrl, workshopId, experts[0]!.token, (doc) =>
    doc.transact(() => writeContent(doc, { ...content, mitigations: [] })),
  );
  // Dissent on a scenario is recorded by the server, as each expert.
  for (const s of spec.scenarios)
    for (const d of s.dissent)
      await api("POST", `${route}/scenarios/${s.id}/dissent`, experts[d.expert]!.token, { text: d.text });

  const lock = () => api("POST", `${route}/framework/lock`, facilitator.token);
  if (spec.relock) {
    await lock();
    await api("POST", `${route}/framework/unlock`, facilitator.token, spec.relock);
  }
  if (spec.framework)
    await api("PUT", `${route}/framework`, facilitator.token, { framework: spec.framework });
  await lock();
  await api("PUT", `${route}/phase`, facilitator.token, { phase: "estimate" });

  for (const round of spec.rounds) {
    if (round.kind === "residual" && !(await hasMitigations(wsUrl, workshopId, facilitator.token)))
      await editContent(wsUrl, workshopId, facilitator.token, (doc) =>
        writeContent(doc, { ...NO_CONTENT, mitigations: content.mitigations }),
      );
    const { round: opened } = await api<{ round: { id: string } }>(
      "POST",
      `${route}/rounds`,
      facilitator.token,
      { scenarioIds: Object.keys(round.estimates), kind: round.kind, anonymous: round.anonymous },
    );
    for (const [scenarioId, estimates] of Object.entries(round.estimates)) {
      for (const [i, e] of estimates.entries()) {
        await api("POST", `${route}/rounds/${opened.id}/estimates`, experts[i]!.token, {
          scenarioId,
          probability: { low: e.p[0], best: e.p[1], high: e.p[2] },
          severity: { levelId: e.level },
          confidence: e.confidence,
          rationale: e.rationale,
        });
      }
    }
    // Revealing takes a snapshot: one per round, each with the estimates of that moment.
    await api("POST", `${route}/rounds/${opened.id}/reveal`, facilitator.token);
  }

  await api("PUT", `${route}/phase`, facilitator.token, { phase: "evaluate" });
  for (const { riskId, dissent, ...body } of spec.determinations) {
    await api("PUT", `${route}/determinations/${riskId}`, facilitator.token, body);
    if (dissent)
      await api("POST", `${route}/determinations/${riskId}/dissent`, experts[dissent.expert]!.token, {
        text: dissent.text,
      });
  }
  await api("PUT", `${route}/verdict`, facilitator.token, spec.verdict);
  await api("PUT", `${route}/phase`, facilitator.token, { phase: "report" });
  await api("POST", `${route}/snapshots`, facilitator.token, { label: spec.finalSnapshot });
  return { workshopId, facilitator, experts, observers };
}

function person(r: CreateWorkshopResponse): Person {
  return {
    name: r.session.participant.displayName,
    token: r.session.token,
    participantId: r.session.participant.id,
  };
}

const NO_CONTENT: ExportContent = {
  risks: [],
  actors: [],
  sources: [],
  safeguards: [],
  scenarios: [],
  mitigations: [],
};

/** The spec's content as an export holds it: items without an id get a fresh one, defaults filled in. */
function exportContent(spec: SeedSpec): ExportContent {
  const withId = <T extends { id?: string | undefined }>(item: T) => ({ ...item, id: item.id ?? freshId() });
  return exportContentSchema.parse({
    risks: spec.risks,
    actors: spec.actors,
    sources: spec.sources,
    safeguards: spec.safeguards,
    mitigations: spec.mitigations,
    scenarios: spec.scenarios.map((s) => ({
      ...s,
      steps: s.steps.map(withId),
      evidence: s.evidence.map(withId),
      // Dissent is written by the experts themselves, once they have joined.
      dissent: [],
    })),
  });
}

function freshId(): string {
  return randomBytes(12).toString("base64url");
}

function hasMitigations(wsUrl: string, workshopId: string, token: string): Promise<boolean> {
  return withContentDoc(wsUrl, workshopId, token, (doc) => mitigationsOf(doc).list().length > 0);
}
