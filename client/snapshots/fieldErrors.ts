/** Splits a failed request into messages per input and one for the form (whatever no input shows). */
import { ApiRequestError, describeError } from "../api";

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export function formErrors(err: unknown, inputs: readonly string[]): FormErrors {
  if (!(err instanceof ApiRequestError) || !err.fields) return { fields: {}, form: describeError(err) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, problems] of Object.entries(err.fields)) {
    if (inputs.includes(key)) fields[key] = problems.join(", ");
    else rest.push(`${key}: ${problems.join(", ")}`);
  }
  return { fields, form: rest.length > 0 ? `${err.message} (${rest.join("; ")})` : null };
}
