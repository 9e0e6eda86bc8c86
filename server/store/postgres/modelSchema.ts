/**
 * Migration 5: models. The record whole as JSONB (written under a row lock), and each issued report
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
`;
