import { describe, expect, it } from "vitest";
import { formatRemaining, remainingMs } from "../../shared/countdown";

describe("countdown", () => {
  it("counts down to zero and never below", () => {
    const now = Date.parse("2025-01-01T10:00:00Z");
    expect(remainingMs("2025-01-01T10:05:00Z", now)).toBe(300_000);
    expect(remainingMs("2025-01-01T09:59:00Z", now)).toBe(0);
    expect(remainingMs("not a date", now)).toBe(0);
  });

  it("rounds seconds up so the display reads 0:00 only when time is up", () => {
    expect(formatRemaining(300_000)).toBe("5:00");
    expect(formatRemaining(299_001)).toBe("5:00");
    expect(formatRemaining(61_000)).toBe("1:01");
    expect(formatRemaining(500)).toBe("0:01");
    expect(formatRemaining(0)).toBe("0:00");
    expect(formatRemaining(3_723_000)).toBe("1:02:03");
  });
});
