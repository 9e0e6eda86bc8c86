import { describe, expect, it } from "vitest";
import { isLoopback, rateKey } from "../../server/http/clientAddress";

describe("client addresses", () => {
  it("knows loopback in both families, and nothing else", () => {
    for (const a of ["127.0.0.1", "127.8.9.10", "::1"]) expect(isLoopback(a), a).toBe(true);
    for (const a of ["10.0.0.1", "203.0.113.7", "::2", "fe80::1", "1127.0.0.1"])
      expect(isLoopback(a), a).toBe(false);
  });

  it("counts IPv4 per address and IPv6 per /64, however the address is written", () => {
    expect(rateKey("203.0.113.7")).toBe("203.0.113.7");
    expect(rateKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(rateKey("2001:db8:1:2::99")).toBe("2001:db8:1:2::/64");
    expect(rateKey("2001:0db8:0001:0002:ffff::1")).toBe("2001:db8:1:2::/64");
    expect(rateKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
  });
});
