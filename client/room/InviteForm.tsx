import { type FormEvent, useId, useState } from "react";
import type { CreateInviteBody, CreateInviteResponse } from "../../shared/api";
import { MAX_NAME_LENGTH } from "../../shared/limits";
import { ROLES, type Role } from "../../shared/roles";
import { createInvite, describeError } from "../api";
import { FormError } from "../components/FormError";
import { roleLabel } from "../format";

const HOUR = 3600_000;
const EXPIRY_CHOICES = [
  { value: "", label: "Never" },
  { value: String(HOUR), label: "In 1 hour" },
  { value: String(24 * HOUR), label: "In 24 hours" },
  { value: String(7 * 24 * HOUR), label: "In 7 days" },
];

/** Makes one invite link for a role, with an optional label, expiry and use limit. */
export function InviteForm({
  token,
  workshopId,
  onCreated,
}: {
  token: string;
  workshopId: string;
  onCreated(created: CreateInviteResponse): void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { role: useId(), label: useId(), expiry: useId(), uses: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const label = String(form.get("label") ?? "").trim();
    const expiresIn = Number(form.get("expiresIn") || 0);
    const maxUses = Number(form.get("maxUses") || 0);
    const body: CreateInviteBody = {
      role: String(form.get("role")) as Role,
      ...(label ? { label } : {}),
      ...(expiresIn > 0 ? { expiresAt: new Date(Date.now() + expiresIn).toISOString() } : {}),
      ...(maxUses > 0 ? { maxUses } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      onCreated(await createInvite(token, workshopId, body));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form invite-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={ids.role}>Role</label>
        <select id={ids.role} name="role" defaultValue="expert">
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.label}>
          Label <span className="optional">(optional)</span>
        </label>
        <input
          id={ids.label}
          name="label"
          maxLength={MAX_NAME_LENGTH}
          placeholder="e.g. Bio panel"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.expiry}>Expires</label>
        <select id={ids.expiry} name="expiresIn" defaultValue="">
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.uses}>Max uses</label>
        <input
          id={ids.uses}
          name="maxUses"
          type="number"
          min={1}
          max={10_000}
          step={1}
          placeholder="No limit"
        />
      </div>
      <FormError message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Creating…" : "Create invite link"}
      </button>
    </form>
  );
}
