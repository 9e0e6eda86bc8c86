/**
 * An ordered list of records inside a record (a scenario's pathway steps, evidence, dissent):
 * a Y.Array of Y.Maps addressed by id. Moving re-inserts a copy, as Yjs has no move.
 */
import * as Y from "yjs";
import type { z } from "zod";
import { newRecordId, readRecord, writeFields } from "./collection";

export interface ItemList<T extends { id: string }> {
  list(): T[];
  add(fields: Partial<Omit<T, "id">>, index?: number): string;
  update(id: string, patch: Partial<Omit<T, "id">>): void;
  remove(id: string): void;
  move(id: string, index: number): void;
}

export function itemList<T extends { id: string }>(
  array: Y.Array<Y.Map<unknown>>,
  schema: z.ZodType<T>,
): ItemList<T> {
  const indexOf = (id: string) => array.toArray().findIndex((m) => m.get("id") === id);
  const transact = (fn: () => void) => (array.doc ? array.doc.transact(fn) : fn());
  const insert = (index: number, record: Record<string, unknown>) => {
    const map = new Y.Map<unknown>();
    array.insert(Math.max(0, Math.min(index, array.length)), [map]);
    writeFields(map, record);
  };
  return {
    list: () => array.toArray().flatMap((m) => readRecord(m, schema) ?? []),
    add(fields, index = array.length) {
      const id = newRecordId();
      const record = schema.parse({ ...fields, id }) as Record<string, unknown>;
      transact(() => insert(index, record));
      return id;
    },
    update(id, patch) {
      const map = array.get(indexOf(id));
      const current = readRecord(map, schema);
      if (!map || !current) throw new Error(`no item ${id}`);
      const next = schema.parse({ ...current, ...patch, id }) as Record<string, unknown>;
      const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, next[k]]));
      transact(() => writeFields(map, changed));
    },
    remove(id) {
      const at = indexOf(id);
      if (at >= 0) array.delete(at, 1);
    },
    move(id, index) {
      const at = indexOf(id);
      const current = at >= 0 ? readRecord(array.get(at), schema) : undefined;
      if (!current || at === index) return;
      transact(() => {
        array.delete(at, 1);
        insert(index, current as Record<string, unknown>);
      });
    },
  };
}
