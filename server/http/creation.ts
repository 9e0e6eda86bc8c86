/**
 * Who may create a workshop (new, imported, or from a snapshot), by the server's creation policy:
 * with `RISKROOM_CREATE_TOKEN`, its holders; with `RISKROOM_OPEN_CREATION=1`, anyone; otherwise only
 * requests from the server's own machine, so `npm start` works on 127.0.0.1 and nobody else can fill
 * the disk. A request that carries proxy headers the server was not told to trust is not local: a
 * reverse proxy on this machine would otherwise make every visitor look local.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import type { Config } from "../config";
import { DomainError } from "../domainErrors";
import { bearerToken } from "./auth";
import { clientAddress, isLoopback } from "./clientAddress";

export interface CreationGate {
  /** A plain creation (`POST /api/workshops`, an import): the bearer, if any, is the create token. */
  requireForNew(c: Context): void;
  /** A creation by a facilitator's session (a new workshop from a snapshot): no create token is sent. */
  requireForSession(c: Context): void;
}

type GateConfig = Pick<Config, "creation" | "createToken" | "trustProxy">;

export function creationGate(config: GateConfig): CreationGate {
  const local = (c: Context) => {
    const client = clientAddress(c, config.trustProxy);
    return !client.untrustedForwarding && isLoopback(client.address);
  };
  const closed = () =>
    new DomainError(
      "creation_closed",
      "this server lets only its own machine create workshops; its operator can set RISKROOM_CREATE_TOKEN to let others create with that token, or RISKROOM_OPEN_CREATION=1",
    );
  return {
    requireForNew(c) {
      if (config.creation === "open") return;
      if (config.creation === "local") {
        if (!local(c)) throw closed();
        return;
      }
      const given = bearerToken(c.req.header("authorization"));
      const digest = (v: string) => createHash("sha256").update(v).digest();
      if (!given || !timingSafeEqual(digest(given), digest(config.createToken ?? "")))
        throw new DomainError("unauthorized", "creating a workshop on this server requires its create token");
    },
    requireForSession(c) {
      if (config.creation === "open") return;
      if (config.creation === "local") {
        if (!local(c)) throw closed();
        return;
      }
      throw new DomainError(
        "create_token_required",
        "this server lets only holders of its create token make workshops: download the snapshot as JSON and import it with the token",
      );
    },
  };
}

/** One line for the start-up log: what applies, and how to change it. */
export function describeCreation(config: GateConfig): string {
  switch (config.creation) {
    case "token":
      return "Creating workshops requires RISKROOM_CREATE_TOKEN.";
    case "open":
      return "Anyone who reaches this server may create workshops (RISKROOM_OPEN_CREATION=1).";
    case "local":
      return `Only this machine may create workshops; set RISKROOM_CREATE_TOKEN to let others create with it, or RISKROOM_OPEN_CREATION=1.${
        config.trustProxy === 0 ? " Behind a reverse proxy, set TRUST_PROXY." : ""
      }`;
  }
}
