/**
 * Migration 3: the audit chain, and scenario dissent recorded by the server. Rows written before it keep `seq` and `hash` null; the first write
 * of their workshop after the upgrade chains them behind a genesis entry (see `appendAuditRow`).
 */
export const AUDIT_CHAIN_SCHEMA = `
  ALTER TABLE audit ADD COLUMN seq integer;
  ALTER TABLE audit ADD COLUMN hash text;
  -- One entry per position of a workshop's chain: two writers can never both extend the same head.
  CREATE UNIQUE INDEX audit_chain_position ON audit (workshop_id, seq);

  CREATE TABLE scenario_dissent (
    workshop_id text NOT NULL REFERENCES workshops (id),
    id text NOT NULL,
    scenario_id text NOT NULL,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE INDEX scenario_dissent_in_order ON scenario_dissent (workshop_id, n);
  -- When a workshop's content-document notes were taken over: once per workshop.
  CREATE TABLE scenario_dissent_takeover (
    workshop_id text PRIMARY KEY REFERENCES workshops (id),
    at text NOT NULL
  );
`;
