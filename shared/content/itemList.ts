/**
 * An ordered list of records inside a record (a scenario's pathway steps, evidence, dissent): a
 * Y.Array of Y.Maps addressed by id. The order is each map's `order` number, not its place in the
 * array: moving an item changes that one number and never copies the item, so an edit someone
 * makes to it at the same time is kept. Lists written before there was an `order` read in array
 * order, and get explicit numbers on their first change.
 */
import * as Y from "yjs";
import type { z } from "zod";
import { newRecordId, orderBetween, readRecord, writeFields } from "./collection";

export interface ItemList<T extends { id: string }> {
  list(): T[];
  add(fields: Partial<Omit<T, "id">>, index?: number): string;
  update(id: string, patch: Partial<Omit<T, "id">>): void;
  remove(id: string): void;
  move(id: string, index: number): void;
}

const ORDER = "order";

interface Placed {
  map: Y.Map<unknown>;
  order: number;
  at: number;
}

function explicitOrder(map: Y.Map<unknown>): number | undefined {
  const order = map.get(ORDER);
  return typeof order === "number" && Number.isFinite(order) ? order : undefined;
}

function placed(array: Y.Array<Y.Map<unknown>>): Placed[] {
  return array
    .toArray()
    .flatMap((map, at) => (map instanceof Y.Map ? [{ map, order: explicitOrder(map) ?? at, at }] : []))
    .sort((a, b) => a.order - b.order || a.at - b.at);
}

/** The item maps in list order (ties, from concurrent adds, in array order: the same for everyone). */
export function orderedItems(array: Y.Array<Y.Map<unknown>>): Y.Map<unknown>[] {
  return placed(array).map((p) => p.map);
}

export function itemList<T extends { id: string }>(
  array: Y.Array<Y.Map<unknown>>,
  schema: z.ZodType<T>,
): ItemList<T> {
  const mapOf = (id: string) => array.toArray().find((m) => m.get("id") === id);
  const transact = (fn: () => void) => (array.doc ? array.doc.transact(fn) : fn());
  /** Gives every item an explicit order (its current place), so removals cannot reorder the rest. */
  const fix = (renumber = false) =>
    placed(array).forEach(({ map, order }, i) => {
      const next = renumber ? i : order;
      if (explicitOrder(map) !== next) map.set(ORDER, next);
    });
  /** The order for a place `index` in the list without `except`. */
  const orderAt = (index: number, except?: Y.Map<unknown>): number => {
    const rest = placed(array).filter((p) => p.map !== except);
    const at = Math.max(0, Math.min(index, rest.length));
    const order = orderBetween(rest[at - 1]?.order, rest[at]?.order);
    if (order !== null) return order;
    fix(true);
    return orderAt(index, except);
  };
  return {
    list: () => orderedItems(array).flatMap((m) => readRecord(m, schema) ?? []),
    add(fields, index = array.length) {
      const id = newRecordId();
      const record = schema.parse({ ...fields, id }) as Record<string, unknown>;
      transact(() => {
        fix();
        const order = orderAt(index);
        const map = new Y.Map<unknown>();
        array.push([map]);
        writeFields(map, { ...record, [ORDER]: order });
      });
      return id;
    },
    update(id, patch) {
      const map = mapOf(id);
      const current = map && readRecord(map, schema);
      if (!map || !current) throw new Error(`no item ${id}`);
      const next = schema.parse({ ...current, ...patch, id }) as Record<string, unknown>;
      const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, next[k]]));
      transact(() => writeFields(map, changed));
    },
    remove(id) {
      const at = array.toArray().findIndex((m) => m.get("id") === id);
      if (at < 0) return;
      transact(() => {
        fix();
        array.delete(at, 1);
      });
    },
    move(id, index) {
      const map = mapOf(id);
      if (!map || !readRecord(map, schema)) return;
      const from = orderedItems(array).indexOf(map);
      if (from === index) return;
      transact(() => {
        fix();
        map.set(ORDER, orderAt(index, map));
      });
    },
  };
}
