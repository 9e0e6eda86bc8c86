/** The content document: what facilitators and experts co-edit. Views go through these accessors, never raw keys. */
import type * as Y from "yjs";
import { type Collection, collection } from "./collection";
import { listScenarios, readScenario } from "./scenarios";
import {
  type Actor,
  actorSchema,
  type Content,
  type Mitigation,
  mitigationSchema,
  type Risk,
  riskSchema,
  type Safeguard,
  type Source,
  safeguardSchema,
  sourceSchema,
} from "./schema";

export * from "./scenarios";
export * from "./schema";

export const risksOf = (doc: Y.Doc): Collection<Risk> => collection(doc, "risks", riskSchema);
export const actorsOf = (doc: Y.Doc): Collection<Actor> => collection(doc, "actors", actorSchema);
export const sourcesOf = (doc: Y.Doc): Collection<Source> => collection(doc, "sources", sourceSchema);
export const safeguardsOf = (doc: Y.Doc): Collection<Safeguard> =>
  collection(doc, "safeguards", safeguardSchema);
export const mitigationsOf = (doc: Y.Doc): Collection<Mitigation> =>
  collection(doc, "mitigations", mitigationSchema);

/** The four systemic risks the Code of Practice requires every assessment to cover. */
export const SPECIFIED_RISKS: ReadonlyArray<Pick<Risk, "id" | "title" | "description">> = [
  {
    id: "cbrn",
    title: "CBRN",
    description:
      "Chemical, biological, radiological and nuclear: the model lowers the barriers to developing or using such weapons.",
  },
  {
    id: "loss-of-control",
    title: "Loss of control",
    description: "Humans can no longer reliably direct, modify or shut down the model.",
  },
  {
    id: "cyber-offence",
    title: "Cyber offence",
    description:
      "The model enables large-scale sophisticated cyber attacks, including on critical infrastructure.",
  },
  {
    id: "harmful-manipulation",
    title: "Harmful manipulation",
    description: "The model enables strategic distortion of human behaviour or beliefs at scale.",
  },
];

/** Adds the specified risks a document lacks. Fixed ids make a second seeding a no-op, never a duplicate. */
export function seedSpecifiedRisks(doc: Y.Doc): void {
  const risks = risksOf(doc);
  doc.transact(() => {
    for (const risk of SPECIFIED_RISKS) {
      if (doc.getMap("risks").has(risk.id)) continue;
      risks.add({ ...risk, specified: true });
    }
  });
}

/** The whole content document as plain JSON (exports). */
export function readContent(doc: Y.Doc): Content {
  return {
    risks: risksOf(doc).list(),
    actors: actorsOf(doc).list(),
    sources: sourcesOf(doc).list(),
    safeguards: safeguardsOf(doc).list(),
    scenarios: listScenarios(doc).flatMap((s) => readScenario(doc, s.id) ?? []),
    mitigations: mitigationsOf(doc).list(),
  };
}
