/** Reads a JSON body and checks it against a zod schema; both failures become 400 with field errors. */
import type { Context } from "hono";
import type { z } from "zod";
import { DomainError, invalidInput } from "../domainErrors";

export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new DomainError("invalid_json", "the request body is not valid JSON");
  }
  if (json === undefined) throw new DomainError("invalid_json", "the request body is empty");
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "(body)";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  throw invalidInput("the request has invalid fields", fields);
}
