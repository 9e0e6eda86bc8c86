/**
 * Migration 3: the audit chain. Rows written before it keep `seq` and `hash` null; the first write
 * of their workshop after the upgrade chains them behind a genesis entry (see `appendAuditRow`).
 */
export const AUDIT_CHAIN_SCHEMA = `
  ALTER TABLE audit ADD COLUMN seq integer;
  ALTER TABLE audit ADD COLUMN hash text;
  -- One entry per position of a workshop's chain: two writers can never both extend the same head.
  CREATE UNIQUE INDEX audit_chain_position ON audit (workshop_id, seq);
`;
