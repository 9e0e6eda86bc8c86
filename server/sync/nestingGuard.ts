/**
 * How deep an update would nest shared types, checked before it is applied. A type's depth is the
 * number of types from a root type down to it (a scenario's map is 1, its narrative 2, a paragraph
 * at the narrative's top 3). Browsers render a narrative recursively: one nested a few thousand deep
 * stops every participant's page that opens it, so no live update may go past MAX_DOC_DEPTH.
 *
 * An item names its parent type directly (a root's name, or the id of the item that made the
 * type), or not at all when it has an origin: then its parent is its origin's. Those references
 * point into the update or into the document; one that points at neither waits as pending (and is
 * bounded as pending), so it is not counted here.
 */
import * as Y from "yjs";
import { CloseCode } from "../../shared/limits";
import { UpdateRefused } from "./errors";
import type { DecodedUpdate } from "./pendingEstimate";

type Struct = DecodedUpdate["structs"][number];

/** Unknown: the reference is to nothing the update or the document holds. */
const UNKNOWN = -1;

export function checkNesting(store: Y.Doc["store"], { structs }: DecodedUpdate, maxDepth: number): void {
  // A keystroke makes no type: nothing to look up.
  if (!structs.some(makesType)) return;
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    const run = byClient.get(s.id.client);
    if (run) run.push(s);
    else byClient.set(s.id.client, [s]);
  }
  /** The update's item holding this id, if the update holds it. */
  const inUpdate = (id: Y.ID): Y.Item | undefined => {
    const run = byClient.get(id.client);
    if (!run) return undefined;
    let lo = 0;
    let hi = run.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = run[mid] as Struct;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s instanceof Y.Item ? s : undefined;
    }
    return undefined;
  };
  // The depth of the type each of the update's items sits in, once known.
  const levels = new Map<Y.Item, number>();

  /** One step up from an item: another item of the update (same level, or one below), or a depth. */
  const stepOf = (item: Y.Item): { next: Y.Item; add: number } | { depth: number } => {
    const { parent } = item;
    if (typeof parent === "string") return { depth: 0 };
    if (parent instanceof Y.ID) {
      const maker = inUpdate(parent);
      return maker ? { next: maker, add: 1 } : { depth: storedTypeDepth(store, parent, maxDepth) };
    }
    const origin = item.origin ?? item.rightOrigin;
    if (!origin) return { depth: UNKNOWN };
    const sibling = inUpdate(origin);
    return sibling ? { next: sibling, add: 0 } : { depth: storedParentDepth(store, origin, maxDepth) };
  };

  /** Walks up without recursion (a crafted chain may be thousands long), then fills in the levels. */
  const levelOf = (start: Y.Item): number => {
    const chain: Array<[Y.Item, number]> = [];
    let current = start;
    let value: number;
    for (;;) {
      const known = levels.get(current);
      if (known !== undefined) {
        value = known;
        break;
      }
      // Longer than the update: a reference cycle, which only a crafted update has.
      if (chain.length > structs.length) {
        value = UNKNOWN;
        break;
      }
      const step = stepOf(current);
      if ("depth" in step) {
        chain.push([current, 0]);
        value = step.depth;
        break;
      }
      chain.push([current, step.add]);
      current = step.next;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const [item, add] = chain[i] as [Y.Item, number];
      if (value !== UNKNOWN) value += add;
      levels.set(item, value);
    }
    return value;
  };

  for (const s of structs) {
    if (!makesType(s)) continue;
    const level = levelOf(s);
    if (level !== UNKNOWN && level + 1 > maxDepth)
      throw new UpdateRefused(
        CloseCode.tooLarge,
        `update nests shared types ${level + 1} deep, over ${maxDepth} (MAX_DOC_DEPTH)`,
      );
  }
}

function makesType(s: Struct): s is Y.Item {
  return s instanceof Y.Item && s.content instanceof Y.ContentType;
}

/** Depth of the type a stored item sits in, counted up to one past the bound. */
function storedParentDepth(store: Y.Doc["store"], id: Y.ID, maxDepth: number): number {
  if (id.clock >= Y.getState(store, id.client)) return UNKNOWN;
  const item = Y.getItem(store, id);
  if (!(item instanceof Y.Item)) return UNKNOWN;
  let depth = 0;
  for (let type = item.parent as Y.AbstractType<unknown> | null; type?._item && depth <= maxDepth; depth++)
    type = type._item.parent as Y.AbstractType<unknown> | null;
  return depth;
}

/** Depth of the type a stored item made; a stored item that made no type contributes none. */
function storedTypeDepth(store: Y.Doc["store"], id: Y.ID, maxDepth: number): number {
  const above = storedParentDepth(store, id, maxDepth);
  return above === UNKNOWN ? UNKNOWN : above + 1;
}
