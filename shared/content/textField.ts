/**
 * Short text fields (titles, names, descriptions, step text…) as Y.Text, so two people typing in
 * the same field at once both keep what they typed, where a plain string would keep only the last
 * writer's. A field written before this holds a plain string until its first edit turns it into a
 * Y.Text (two people making that very first edit at the same moment still race, once).
 */
import * as Y from "yjs";
import type { z } from "zod";

/** The record keys that hold free text people type; ids, enums, links and numbers stay plain. */
export const TEXT_KEYS: ReadonlySet<string> = new Set([
  "title",
  "name",
  "description",
  "text",
  "result",
  "note",
  "owner",
  "resources",
  "intent",
]);

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The one replacement that turns `from` into `to`: keep the common start and end, swap the middle. */
export function textSplice(from: string, to: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  // Never cut a character made of two UTF-16 units in half.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end))
    end++;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return { index: start, remove: from.length - start - end, insert: to.slice(start, to.length - end) };
}

/** Makes `text` read `value` by the smallest replacement, so concurrent edits elsewhere in it merge. */
export function setText(text: Y.Text, value: string): void {
  const { index, remove, insert } = textSplice(text.toString(), value);
  if (remove > 0) text.delete(index, remove);
  if (insert.length > 0) text.insert(index, insert);
}

/** Writes one field: into its Y.Text when it has one, as a new Y.Text for a text key, else as it is. */
export function writeField(map: Y.Map<unknown>, key: string, value: unknown): void {
  const current = map.get(key);
  if (current instanceof Y.Text && typeof value === "string") {
    setText(current, value);
    return;
  }
  if (current === value) return;
  if (typeof value === "string" && TEXT_KEYS.has(key)) {
    const text = new Y.Text();
    text.insert(0, value);
    map.set(key, text);
    return;
  }
  map.set(key, value);
}

/**
 * Parses a record read from the document. Two people's typing merged in one field can leave it over
 * its length limit, or empty where it must not be, though each edit was within bounds: such a text
 * field reads cut to its limit, or as "Untitled", instead of the whole record vanishing. The next
 * edit of the field writes it back within bounds. `plain` is changed in place.
 */
export function parseFitted<T>(schema: z.ZodType<T>, plain: unknown): T | undefined {
  const first = schema.safeParse(plain);
  if (first.success) return first.data;
  let fitted = false;
  for (const issue of first.error.issues) {
    const key = issue.path.at(-1);
    if (typeof key !== "string" || !TEXT_KEYS.has(key)) continue;
    const parent = issue.path
      .slice(0, -1)
      .reduce<unknown>((at, k) => (at as Record<PropertyKey, unknown> | undefined)?.[k], plain) as
      | Record<string, unknown>
      | undefined;
    const value = parent?.[key];
    if (!parent || typeof value !== "string") continue;
    if (issue.code === "too_big" && issue.origin === "string") {
      let cut = value.slice(0, Number(issue.maximum));
      if (isHighSurrogate(cut.charCodeAt(cut.length - 1))) cut = cut.slice(0, -1);
      parent[key] = cut;
      fitted = true;
    } else if (issue.code === "too_small" && issue.origin === "string") {
      parent[key] = "Untitled";
      fitted = true;
    }
  }
  if (!fitted) return undefined;
  const second = schema.safeParse(plain);
  return second.success ? second.data : undefined;
}
