/** The audit entry as exports carry it, for the export schema (zod kept out of shared/audit.ts). */
import { z } from "zod";

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex");

export const auditEntryViewSchema = z.object({
  seq: z.int().min(0),
  at: z.string(),
  workshopId: z.string(),
  actor: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().optional(),
  prev: hex64,
  hash: hex64,
});
