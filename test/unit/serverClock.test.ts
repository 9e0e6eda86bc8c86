import { describe, expect, it } from "vitest";
import { offsetFrom } from "../../client/serverClock";

describe("offsetFrom", () => {
  it("puts the server's second at its middle, against the middle of the round trip", () => {
    const server = Date.parse("Mon, 30 Nov 2026 16:00:00 GMT");
    // The device runs 90 s slow: it asked at server time 16:00:00.2 and heard back at 16:00:00.4.
    const sentAt = server + 200 - 90_000;
    const estimate = offsetFrom("Mon, 30 Nov 2026 16:00:00 GMT", sentAt, sentAt + 200);
    expect(estimate?.roundTripMs).toBe(200);
    expect(Math.abs((estimate?.offsetMs ?? 0) - 90_000)).toBeLessThanOrEqual(500);
  });
  it("ignores an answer without a readable date", () => {
    expect(offsetFrom(null, 0, 10)).toBeNull();
    expect(offsetFrom("yesterday-ish", 0, 10)).toBeNull();
  });
});
