/**
 * Migration 5: models, and tier-timeline rounds. The record whole as JSONB (written under a row lock), and each issued report
 * version's exact bytes, inserted once.
 */
export const MODEL_SCHEMA = `
  CREATE TABLE models (
    id text PRIMARY KEY,
    record jsonb NOT NULL
  );
  CREATE TABLE model_reports (
    model_id text NOT NULL REFERENCES models (id),
    version integer NOT NULL,
    body bytea NOT NULL,
    PRIMARY KEY (model_id, version)
  );
  -- Tier-timeline rounds, all of one workshop's in one row (forecasts secret until revealed).
  CREATE TABLE timelines (
    workshop_id text PRIMARY KEY REFERENCES workshops (id),
    rounds jsonb NOT NULL
  );
`;
