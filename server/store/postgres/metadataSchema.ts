/**
 * Migration 2: workshop metadata. Each record is kept whole as JSONB (the shape the services
 * know, see records.ts), beside the columns that look it up, order it or guard a write. Every
 * lookup a request makes is by a key or an index on (workshop_id, …); nothing scans a table.
 * Lists keep their order by `n`, drawn from one sequence as rows are written.
 */
export const METADATA_SCHEMA = `
  CREATE SEQUENCE meta_order;

  -- The default framework, stored once: a workshop that never edited its framework reads this one,
  -- so an upgrade that changes the built-in default does not move it.
  CREATE TABLE default_framework (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    framework jsonb NOT NULL
  );

  CREATE TABLE workshops (
    id text PRIMARY KEY,
    created_at text NOT NULL,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL
  );
  CREATE INDEX workshops_by_age ON workshops (created_at, n);

  CREATE TABLE participants (
    workshop_id text NOT NULL REFERENCES workshops (id),
    id text NOT NULL,
    invite_id text,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE INDEX participants_in_order ON participants (workshop_id, n);
  CREATE INDEX participants_by_invite ON participants (workshop_id, invite_id);

  CREATE TABLE invites (
    workshop_id text NOT NULL REFERENCES workshops (id),
    id text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE INDEX invites_in_order ON invites (workshop_id, n);

  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    workshop_id text NOT NULL REFERENCES workshops (id),
    invite_id text,
    record jsonb NOT NULL
  );
  CREATE INDEX sessions_by_invite ON sessions (workshop_id, invite_id);

  CREATE TABLE frameworks (
    workshop_id text PRIMARY KEY REFERENCES workshops (id),
    record jsonb NOT NULL
  );

  CREATE TABLE rounds (
    workshop_id text NOT NULL REFERENCES workshops (id),
    id text NOT NULL,
    number integer NOT NULL,
    state text NOT NULL CHECK (state IN ('open', 'revealed', 'closed')),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, id),
    UNIQUE (workshop_id, number)
  );
  -- At most one open round per workshop, whatever a bug elsewhere might try.
  CREATE UNIQUE INDEX one_open_round ON rounds (workshop_id) WHERE state = 'open';

  CREATE TABLE estimates (
    workshop_id text NOT NULL,
    round_id text NOT NULL,
    participant_id text NOT NULL,
    scenario_id text NOT NULL,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, round_id, participant_id, scenario_id),
    FOREIGN KEY (workshop_id, round_id) REFERENCES rounds (workshop_id, id)
  );
  CREATE INDEX estimates_in_order ON estimates (workshop_id, round_id, n);

  CREATE TABLE determinations (
    workshop_id text NOT NULL REFERENCES workshops (id),
    risk_id text NOT NULL,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, risk_id)
  );
  CREATE INDEX determinations_in_order ON determinations (workshop_id, n);

  CREATE TABLE snapshots (
    workshop_id text NOT NULL REFERENCES workshops (id),
    id text NOT NULL,
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );
  CREATE INDEX snapshots_in_order ON snapshots (workshop_id, n);

  -- Snapshot blobs: the exact bytes hashed when taken, never updated.
  CREATE TABLE snapshot_blobs (
    workshop_id text NOT NULL,
    id text NOT NULL,
    body bytea NOT NULL,
    PRIMARY KEY (workshop_id, id)
  );

  CREATE TABLE room_states (
    workshop_id text PRIMARY KEY REFERENCES workshops (id),
    record jsonb NOT NULL
  );

  CREATE TABLE audit (
    workshop_id text NOT NULL REFERENCES workshops (id),
    n bigint NOT NULL DEFAULT nextval('meta_order'),
    record jsonb NOT NULL,
    PRIMARY KEY (workshop_id, n)
  );
`;
