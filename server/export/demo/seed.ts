/**
 * Seeds a workshop through the public REST API and the official y-websocket client, the way people
 * in a room would: the facilitator creates it and invites, experts write the threat model and
 * scenarios, the framework is locked (and unlocked once, on record), blind rounds are estimated and
 * revealed (each reveal takes a snapshot), then determinations, a verdict and a closing snapshot.
 * `npm run demo` uses it, and so do the export tests.
 */
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { CreateWorkshopResponse, JoinResponse } from "../../../shared/api";
import {
  actorsOf,
  addScenario,
  dissentOf,
  evidenceOf,
  mitigationsOf,
  narrativeOf,
  risksOf,
  safeguardsOf,
  setScenarioMember,
  sourcesOf,
  stepsOf,
} from "../../../shared/content";
import { jsonToFragment } from "../../../shared/content/richText";
import type { Framework } from "../../../shared/estimation/framework";
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

  await editContent(wsUrl, workshopId, experts[0]!.token, (doc) => writeThreatModel(doc, spec, experts));

  const lock = () => api("POST", `${route}/framework/lock`, facilitator.token);
  await lock();
  if (spec.relock) {
    await api("POST", `${route}/framework/unlock`, facilitator.token, {
      justification: spec.relock.justification,
    });
    const { framework } = await api<{ framework: Framework }>("GET", `${route}/framework`, facilitator.token);
    await api("PUT", `${route}/framework`, facilitator.token, { framework: spec.relock.edit(framework) });
    await lock();
  }
  await api("PUT", `${route}/phase`, facilitator.token, { phase: "estimate" });

  for (const round of spec.rounds) {
    if (round.kind === "residual" && !(await hasMitigations(wsUrl, workshopId, facilitator.token)))
      await editContent(wsUrl, workshopId, facilitator.token, (doc) => {
        for (const m of spec.mitigations) mitigationsOf(doc).add(m);
      });
    const { round: opened } = await api<{ round: { id: string } }>(
      "POST",
      `${route}/rounds`,
      facilitator.token,
      {
        scenarioIds: Object.keys(round.estimates),
        kind: round.kind,
        anonymous: round.anonymous,
      },
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

function writeThreatModel(doc: Y.Doc, spec: SeedSpec, experts: Person[]): void {
  doc.transact(() => {
    for (const { id, ...fields } of spec.risks) {
      if (risksOf(doc).get(id)) risksOf(doc).update(id, fields);
      else risksOf(doc).add({ id, ...fields });
    }
    for (const a of spec.actors) actorsOf(doc).add(a);
    for (const s of spec.sources) sourcesOf(doc).add(s);
    for (const g of spec.safeguards) safeguardsOf(doc).add(g);
    for (const s of spec.scenarios) {
      addScenario(doc, { id: s.id, riskId: s.riskId, title: s.title, status: s.status });
      for (const flag of s.nature) setScenarioMember(doc, s.id, "nature", flag, true);
      for (const id of s.actorIds) setScenarioMember(doc, s.id, "actorIds", id, true);
      for (const id of s.sourceIds) setScenarioMember(doc, s.id, "sourceIds", id, true);
      for (const step of s.steps) stepsOf(doc, s.id).add(step);
      for (const e of s.evidence) evidenceOf(doc, s.id).add(e);
      for (const d of s.dissent) {
        const who = experts[d.expert]!;
        dissentOf(doc, s.id).add({
          participantId: who.participantId,
          name: who.name,
          at: new Date().toISOString(),
          text: d.text,
        });
      }
      jsonToFragment(s.narrative, narrativeOf(doc, s.id));
    }
  });
}

/** Connects as `token`, applies `edit`, and returns once a second connection sees all of it on the server. */
async function editContent(wsUrl: string, workshopId: string, token: string, edit: (doc: Y.Doc) => void) {
  const writer = connect(wsUrl, workshopId, token);
  try {
    await writer.synced;
    edit(writer.doc);
    const check = connect(wsUrl, workshopId, token);
    try {
      await check.synced;
      await until(() => clock(check.doc, writer.doc.clientID) >= clock(writer.doc, writer.doc.clientID));
    } finally {
      check.close();
    }
  } finally {
    writer.close();
  }
}

async function hasMitigations(wsUrl: string, workshopId: string, token: string): Promise<boolean> {
  const reader = connect(wsUrl, workshopId, token);
  try {
    await reader.synced;
    return mitigationsOf(reader.doc).list().length > 0;
  } finally {
    reader.close();
  }
}

function connect(wsUrl: string, room: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
  });
  const synced = until(() => provider.synced);
  return {
    doc,
    synced,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

function clock(doc: Y.Doc, clientId: number): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(clientId) ?? 0;
}

async function until(ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!ok()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting for the server");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Api = <T = unknown>(method: string, path: string, token?: string, body?: unknown) => Promise<T>;

function restClient(baseUrl: string): Api {
  return async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}
