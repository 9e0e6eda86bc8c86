/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code units, no whitespace, arrays in
 * order, numbers as ECMAScript prints them. For the plain JSON data used here this matches
 * RFC 8785 (JCS), so the server's SHA-256 of a framework is stable across key order and runtimes.
 */

/** Serialises `value` canonically; throws on values JSON cannot represent faithfully (NaN, ±Infinity, bigint, functions). */
export function canonicalJson(value: unknown): string {
  const out = write(value);
  if (out === undefined) throw new TypeError("canonicalJson: the value has no JSON form");
  return out;
}

function write(value: unknown): string | undefined {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not valid JSON`);
      return JSON.stringify(value);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    case "bigint":
      throw new TypeError("canonicalJson: bigint is not valid JSON");
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return write(withToJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((v) => write(v) ?? "null").join(",")}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = write(record[key]);
    if (v !== undefined) members.push(`${JSON.stringify(key)}:${v}`);
  }
  return `{${members.join(",")}}`;
}
