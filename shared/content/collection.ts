/**
 * A keyed collection of records in the content document: `doc.getMap(name)` holds one Y.Map per
 * record, so two people editing different fields of the same record both keep their edit. Records
 * are ordered by a fractional `order`, so reordering touches one field and never duplicates.
 */
import * as Y from "yjs";
import type { z } from "zod";
import { recordToPlain } from "./plainRecord";
import { parseFitted, writeField } from "./textField";

/** Fields every ordered record has. */
interface Ordered {
  id: string;
  order: number;
}

export interface Collection<T extends Ordered> {
  list(): T[];
  get(id: string): T | undefined;
  /** Adds a record at the end (or with the given id) and returns its id. */
  /** Missing fields take the schema's defaults; invalid ones throw. */
  add(fields: Partial<Omit<T, "id" | "order">> & { id?: string }): string;
  update(id: string, patch: Partial<Omit<T, "id">>): void;
  remove(id: string): void;
  /** Moves the record to position `index` among the listed records. */
  move(id: string, index: number): void;
}

/** Reads a record stored as a Y.Map; entries that fail the schema (a raw write around the accessors) are skipped. */
export function readRecord<T>(value: unknown, schema: z.ZodType<T>): T | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  return parseFitted(schema, recordToPlain(value as Y.Map<unknown>));
}

export function newRecordId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[b & 63];
  return out;
}

/** Sets each field of `fields` on `map`, skipping unchanged ones so no empty updates are made; text merges. */
export function writeFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) writeField(map, key, value);
  }
}

export function collection<T extends Ordered>(doc: Y.Doc, name: string, schema: z.ZodType<T>): Collection<T> {
  const root = () => doc.getMap<Y.Map<unknown>>(name);
  const list = () =>
    [...root().values()]
      .map((value) => readRecord(value, schema))
      .filter((r): r is T => r !== undefined)
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));

  return {
    list,
    get: (id) => readRecord(root().get(id), schema),
    add(fields) {
      const id = fields.id ?? newRecordId();
      const last = list().at(-1);
      const record = schema.parse({ ...fields, id, order: (last?.order ?? 0) + 1 });
      doc.transact(() => {
        const map = new Y.Map<unknown>();
        root().set(id, map);
        writeFields(map, record as Record<string, unknown>);
      });
      return id;
    },
    update(id, patch) {
      const map = root().get(id);
      const current = readRecord(map, schema);
      if (!map || !current) throw new Error(`${name}: no record ${id}`);
      const next = schema.parse({ ...current, ...patch, id }) as Record<string, unknown>;
      doc.transact(() => writeFields(map, pick(next, Object.keys(patch))));
    },
    remove(id) {
      root().delete(id);
    },
    move(id, index) {
      const map = root().get(id);
      if (!map) return;
      const placeAmong = (others: T[]) => {
        const at = Math.max(0, Math.min(index, others.length));
        return orderBetween(others[at - 1]?.order, others[at]?.order);
      };
      doc.transact(() => {
        let order = placeAmong(list().filter((r) => r.id !== id));
        if (order === null) {
          // Floating point has no room left between the neighbours: number them all again.
          for (const [i, r] of list().entries()) root().get(r.id)?.set("order", i);
          order = placeAmong(list().filter((r) => r.id !== id)) ?? 0;
        }
        map.set("order", order);
      });
    },
  };
}

/** A number between two neighbours' orders; null when floating point has no room left between them. */
export function orderBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined) return after === undefined ? 0 : after - 1;
  if (after === undefined) return before + 1;
  const mid = (before + after) / 2;
  return mid > before && mid < after ? mid : null;
}

function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k !== "id").map((k) => [k, record[k]]));
}
