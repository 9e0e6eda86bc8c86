/** Bearer tokens: random, base64url, and stored only as SHA-256 hashes. */
import { createHash, randomBytes } from "node:crypto";
import { TOKEN_BYTES } from "../../shared/limits";

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Public ids: 96 random bits, 16 base64url characters. */
export function newId(): string {
  return randomBytes(12).toString("base64url");
}
