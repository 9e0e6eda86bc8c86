/**
 * The typing workload: people typing at once into one Tiptap narrative, each into a paragraph of
 * their own, from Node. Each typist holds a ProseMirror EditorState of the narrative's Tiptap
 * schema (StarterKit, as the client configures it); a keystroke is a ProseMirror transaction whose
 * document y-prosemirror (`@tiptap/y-tiptap`'s updateYFragment, what its sync plugin runs) writes
 * into the Y.XmlFragment, so the server relays real y-prosemirror updates. Before its next
 * keystroke a typist takes in what others typed (the fragment read back into ProseMirror).
 * Latency: from a keystroke until every other typist's document holds it, p99 over keystrokes.
 */
import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { StarterKit } from "@tiptap/starter-kit";
import {
  prosemirrorToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { type Client, connectClient } from "./clients";
import type { BenchServer } from "./servers";
import { percentile } from "./stats";
import { mapLimit, sleep, waitUntil } from "./wait";

export interface TypingOptions {
  typists: number;
  charsPerSecond: number;
  durationMs: number;
}

export interface TypingResult {
  p50: number;
  p99: number;
  keystrokes: number;
  /** Keystrokes every peer received. */
  complete: number;
}

const schema = getSchema([
  StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] }, codeBlock: false }),
]);
const FIELD = "narrative";

interface Typist {
  client: Client;
  state: EditorState;
  dirty: boolean;
  index: number;
}

export async function measureTyping(server: BenchServer, options: TypingOptions): Promise<TypingResult> {
  const access = await server.openRoom();
  const clients: Client[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    const seed = connectClient(access);
    clients.push(seed);
    await seed.synced;
    const paragraphs = Array.from({ length: options.typists }, (_, i) =>
      schema.node("paragraph", null, [schema.text(`Typist ${i}: `)]),
    );
    prosemirrorToYXmlFragment(schema.node("doc", null, paragraphs), seed.doc.getXmlFragment(FIELD));
    const typists = await mapLimit(
      Array.from({ length: options.typists }, (_, i) => i),
      10,
      async (index) => {
        const client = connectClient(access);
        clients.push(client);
        await client.synced;
        const fragment = client.doc.getXmlFragment(FIELD);
        await waitUntil(() => fragment.length === options.typists, 10_000, "the narrative to arrive");
        const typist: Typist = { client, state: stateOf(fragment), dirty: false, index };
        fragment.observeDeep(() => {
          typist.dirty = true;
        });
        return typist;
      },
    );
    // Per typist's client id: the clock after each keystroke and when it was made.
    const sent = new Map<number, Array<[clock: number, at: number]>>();
    const reached = new Map<string, number[]>();
    for (const typist of typists) {
      const doc = typist.client.doc;
      const seen = new Map<number, number>();
      doc.on("afterTransaction", (tr: Y.Transaction) => {
        if (tr.local) return;
        const now = performance.now();
        for (const [client, clock] of tr.afterState) {
          const strokes = sent.get(client);
          if (!strokes || clock <= (tr.beforeState.get(client) ?? 0)) continue;
          let i = seen.get(client) ?? 0;
          while (i < strokes.length && (strokes[i] as [number, number])[0] <= clock) {
            const [strokeClock, at] = strokes[i] as [number, number];
            const key = `${client}:${strokeClock}`;
            const times = reached.get(key) ?? [];
            times.push(now - at);
            reached.set(key, times);
            i++;
          }
          seen.set(client, i);
        }
      });
    }
    const interval = 1000 / options.charsPerSecond;
    let keystrokes = 0;
    const started = performance.now();
    for (const typist of typists) {
      sent.set(typist.client.doc.clientID, []);
      const phase = (typist.index / options.typists) * interval;
      const start = setTimeout(() => {
        const timer = setInterval(() => {
          if (performance.now() - started > options.durationMs) return clearInterval(timer);
          type(typist, sent);
          keystrokes++;
        }, interval);
        timers.push(timer);
      }, phase);
      timers.push(start);
    }
    await sleep(options.durationMs + interval);
    const peers = options.typists - 1;
    await waitUntil(
      () => [...reached.values()].filter((t) => t.length === peers).length >= keystrokes,
      15_000,
      "every keystroke to reach every peer",
    ).catch(() => {});
    const complete = [...reached.values()].filter((t) => t.length === peers);
    const toEvery = complete.map((t) => Math.max(...t));
    return {
      p50: percentile(toEvery, 50),
      p99: percentile(toEvery, 99),
      keystrokes,
      complete: complete.length,
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const client of clients) client.destroy();
  }
}

function stateOf(fragment: Y.XmlFragment): EditorState {
  return EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(fragment, schema) });
}

/** One keystroke at the end of the typist's paragraph, written into Y as y-prosemirror does. */
function type(typist: Typist, sent: Map<number, Array<[number, number]>>): void {
  const doc = typist.client.doc;
  const fragment = doc.getXmlFragment(FIELD);
  if (typist.dirty) {
    typist.state = stateOf(fragment);
    typist.dirty = false;
  }
  const pm = typist.state.doc;
  let pos = 0;
  for (let i = 0; i < typist.index; i++) pos += pm.child(i).nodeSize;
  pos += 1 + pm.child(typist.index).content.size;
  const letters = "etaoin shrdlu";
  const char = letters[Math.floor(Math.random() * letters.length)] as string;
  typist.state = typist.state.apply(typist.state.tr.insertText(char, pos));
  const at = performance.now();
  doc.transact(() => {
    updateYFragment(doc, fragment, typist.state.doc, { mapping: new Map(), isOMark: new Map() });
  });
  typist.dirty = false;
  sent.get(doc.clientID)?.push([Y.getState(doc.store, doc.clientID), at]);
}
