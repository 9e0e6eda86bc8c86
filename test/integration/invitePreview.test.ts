import { describe, expect, it, vi } from "vitest";
import type { InvitePreviewResponse } from "../../shared/api";
import { call, createInvite, createWorkshop, join } from "../helpers/api";
import { serverPerTest } from "../helpers/serverPerTest";

const live = serverPerTest();
const preview = (inviteToken: unknown) =>
  call<InvitePreviewResponse>(live.server.url, "POST", "/invites/preview", { body: { inviteToken } });

describe("what an invite link leads to, before joining", () => {
  it("names the workshop and the role of a usable invite, and nothing else, without using it up", async () => {
    const created = await createWorkshop(live.server.url, "Model X pre-deployment");
    const { token } = await createInvite(
      live.server.url,
      created.session.token,
      created.workshop.id,
      "observer",
      { maxUses: 1, label: "Auditors" },
    );
    const answer = await preview(token);
    expect(answer).toEqual({
      status: 200,
      body: { workshop: { title: "Model X pre-deployment" }, role: "observer" },
    });
    // Asking again, and then joining, still works: a preview is not a use.
    expect((await preview(token)).status).toBe(200);
    await join(live.server.url, token, "Ola Observer");
  });

  it("tells a used-up, expired, revoked or unknown link only what joining with it would", async () => {
    const created = await createWorkshop(live.server.url, "Secret model codename");
    const facilitator = created.session.token;
    const workshopId = created.workshop.id;
    const once = await createInvite(live.server.url, facilitator, workshopId, "expert", { maxUses: 1 });
    await join(live.server.url, once.token, "First");
    const soon = await createInvite(live.server.url, facilitator, workshopId, "expert", {
      expiresAt: new Date(Date.now() + 300).toISOString(),
    });
    const pulled = await createInvite(live.server.url, facilitator, workshopId, "facilitator");
    await call(live.server.url, "DELETE", `/workshops/${workshopId}/invites/${pulled.invite.id}`, {
      token: facilitator,
    });

    const refusals = [
      [once.token, 410, "invite_used_up"],
      [pulled.token, 410, "invite_revoked"],
      ["x".repeat(43), 401, "invite_invalid"],
    ] as const;
    for (const [token, status, code] of refusals) {
      const answer = await preview(token);
      expect(answer).toMatchObject({ status, body: { error: { code } } });
      expect(JSON.stringify(answer.body)).not.toMatch(/Secret model|facilitator|expert/);
    }
    await vi.waitFor(async () => expect((await preview(soon.token)).status).toBe(410));
    const expired = await preview(soon.token);
    expect(expired.body).toMatchObject({ error: { code: "invite_expired" } });
    expect(JSON.stringify(expired.body)).not.toContain("Secret model");
  });

  it("refuses a malformed body with a clear error, and takes no token in the URL", async () => {
    expect(await preview(42)).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    const extra = await call(live.server.url, "POST", "/invites/preview", {
      body: { inviteToken: "x".repeat(43), displayName: "Eve" },
    });
    expect(extra).toMatchObject({ status: 400, body: { error: { code: "invalid_input" } } });
    const res = await fetch(`${live.server.url}/api/invites/preview?inviteToken=${"x".repeat(43)}`);
    expect(res.status).toBe(404);
  });
});
