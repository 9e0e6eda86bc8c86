/** Revoking an invite over REST and waiting for its open sockets to close, as the access tests do. */
import { expect, vi } from "vitest";
import { CloseCode } from "../../shared/limits";
import { call } from "./api";
import type { Peer } from "./yclient";

/**
 * Revokes `inviteId` through the server at `baseUrl` and waits up to 1 s, the promise made to
 * facilitators, for every one of `closing` to be closed with 4403.
 */
export async function revokeAndAwaitCloses(
  baseUrl: string,
  workshopId: string,
  inviteId: string,
  facilitator: string,
  closing: Peer[],
): Promise<void> {
  const res = await call(baseUrl, "DELETE", `/workshops/${workshopId}/invites/${inviteId}`, {
    token: facilitator,
  });
  expect(res.status).toBe(200);
  await vi.waitFor(
    () => {
      for (const peer of closing) expect(peer.closes.map((c) => c.code)).toContain(CloseCode.forbidden);
    },
    { timeout: 1000, interval: 10 },
  );
}
