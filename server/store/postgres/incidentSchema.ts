/**
 * Migration 3: serious incidents and the reports sent about them, each record whole as JSONB,
 * ordered by `n` like the other metadata lists (see metadataSchema.ts).
 */
export const INCIDENT_SCHEMA = `
  CREATE TABLE incidents (
    workshop_id text NOT NULL REFERENCES workshops (id),
    id text NOT NULL,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE INDEX incidents_in_order ON incidents (workshop_id, n);

  CREATE TABLE incident_reports (
    workshop_id text NOT NULL REFERENCES workshops (id),
    id text NOT NULL,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE INDEX incident_reports_in_order ON incident_reports (workshop_id, n);
`;
