/**
 * Who is asking: the peer's address, or, behind `TRUST_PROXY` reverse proxies, the address the
 * outermost of them saw (read that far from the right of X-Forwarded-For, where no client can write).
 * Never trusted by default: a client could otherwise name any address it likes.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

export interface ClientAddress {
  address: string;
  /** The request carries proxy headers that were not resolved to a client: a proxy on this machine, probably. */
  untrustedForwarding: boolean;
}

export function clientAddress(c: Context, trustProxy: number): ClientAddress {
  const peer = normalise(getConnInfo(c).remote.address ?? "");
  const forwardedFor = c.req.header("x-forwarded-for");
  if (trustProxy > 0 && forwardedFor) {
    const hops = forwardedFor
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const client = hops[Math.max(0, hops.length - trustProxy)];
    if (client) return { address: normalise(client), untrustedForwarding: false };
  }
  const forwarded = Boolean(forwardedFor || c.req.header("forwarded") || c.req.header("x-real-ip"));
  // Forwarding we could not resolve (not trusted, or only `Forwarded`/`X-Real-IP`): not the peer's own request.
  return { address: peer, untrustedForwarding: forwarded };
}

/** `::ffff:127.0.0.1` is IPv4; a port or brackets a proxy left on are dropped. */
function normalise(address: string): string {
  let a = address.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.startsWith("::ffff:") && a.includes(".")) a = a.slice("::ffff:".length);
  return a;
}

export function isLoopback(address: string): boolean {
  return address === "::1" || /^127\.\d+\.\d+\.\d+$/.test(address);
}

/** The key a rate limit counts under: an IPv4 address, or an IPv6 /64 (one host is given a whole /64). */
export function rateKey(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head.split(":").filter(Boolean);
  const right = tail.split(":").filter(Boolean);
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
