/**
 * A content record (a Y.Map) as plain JSON, as `Y.Map.toJSON` would give it but with an explicit
 * stack and a depth bound: a writer can nest shared types thousands deep inside any record, and
 * `toJSON` recurses. Shared types nested deeper than MAX_RECORD_NESTING, and XML (which records never
 * hold), read as absent; the record's schema then decides.
 */
import * as Y from "yjs";
import { MAX_RECORD_NESTING } from "../limits";

type Container = Record<string, unknown> | unknown[];

export function recordToPlain(map: Y.Map<unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const stack: Array<{ y: Y.Map<unknown> | Y.Array<unknown>; out: Container; depth: number }> = [
    { y: map, out: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { y, out, depth } = stack.pop()!;
    const put = (key: string | null, value: unknown) => {
      if (Array.isArray(out)) out.push(value);
      else if (key !== null) out[key] = value;
    };
    const entries: Array<[string | null, unknown]> =
      y instanceof Y.Map ? [...y.entries()] : y.toArray().map((v) => [null, v]);
    for (const [key, value] of entries) {
      if (!(value instanceof Y.AbstractType)) put(key, value);
      else if (value instanceof Y.Text && !(value instanceof Y.XmlText)) put(key, value.toString());
      else if (depth + 1 > MAX_RECORD_NESTING) continue;
      else if (value instanceof Y.Map) {
        const child: Record<string, unknown> = {};
        put(key, child);
        stack.push({ y: value as Y.Map<unknown>, out: child, depth: depth + 1 });
      } else if (value instanceof Y.Array) {
        const child: unknown[] = [];
        put(key, child);
        stack.push({ y: value as Y.Array<unknown>, out: child, depth: depth + 1 });
      }
    }
  }
  return root;
}
