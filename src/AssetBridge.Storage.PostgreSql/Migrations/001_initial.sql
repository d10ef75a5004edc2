-- AssetBridge schema 1 (PostgreSQL). Times are BIGINT unix milliseconds from the application's clock.
-- Ids are identities, never reused: run and job numbers stay unique in history, and a credential id
-- (bound into its envelope) never names a different credential later.
-- Text that is compared or sorted uses COLLATE "C" (code point order, as SQLite's BINARY): the device
-- reader merge-joins ordered streams in C# with an ordinal comparison, whatever the database's locale.

CREATE TABLE credentials (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            TEXT COLLATE "C" NOT NULL UNIQUE,
    type            TEXT   NOT NULL,
    attributes_json TEXT   NOT NULL,
    key_id          TEXT   NOT NULL,
    envelope        BYTEA  NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE connectors (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          TEXT COLLATE "C" NOT NULL UNIQUE,
    kind          TEXT   NOT NULL,
    target        TEXT   NOT NULL,
    credential_id BIGINT NOT NULL REFERENCES credentials (id),
    settings_json TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE INDEX connectors_credential ON connectors (credential_id);

CREATE TABLE watermarks (
    connector_id BIGINT NOT NULL REFERENCES connectors (id),
    scope        TEXT COLLATE "C" NOT NULL,
    updated_on   TEXT NOT NULL,
    sys_id       TEXT NOT NULL,
    PRIMARY KEY (connector_id, scope)
);

CREATE TABLE runs (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    connector_id          BIGINT NOT NULL REFERENCES connectors (id),
    mode                  TEXT   NOT NULL,
    state                 TEXT   NOT NULL,
    started_at            BIGINT NOT NULL,
    finished_at           BIGINT,
    devices               BIGINT NOT NULL DEFAULT 0,
    network_adapters      BIGINT NOT NULL DEFAULT 0,
    business_applications BIGINT NOT NULL DEFAULT 0,
    relationships         BIGINT NOT NULL DEFAULT 0,
    marked_deleted        BIGINT NOT NULL DEFAULT 0,
    hidden                BIGINT NOT NULL DEFAULT 0,
    error                 TEXT
);

CREATE INDEX runs_connector ON runs (connector_id, id);

-- One Running run per connector, whatever the writers do: replicas write concurrently here.
CREATE UNIQUE INDEX runs_one_running ON runs (connector_id) WHERE state = 'running';

CREATE TABLE jobs (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id           BIGINT NOT NULL REFERENCES runs (id),
    connector_id     BIGINT NOT NULL REFERENCES connectors (id),
    operation        TEXT   NOT NULL,
    scope            TEXT COLLATE "C" NOT NULL,
    kind             TEXT,
    credential_id    BIGINT,
    parameters       TEXT   NOT NULL,
    target           TEXT,
    state            TEXT   NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_token      TEXT,
    lease_expires_at BIGINT,
    records_applied  BIGINT NOT NULL DEFAULT 0,
    outcome_json     TEXT,
    error            TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

CREATE INDEX jobs_state ON jobs (state, id);
CREATE INDEX jobs_run ON jobs (run_id, id);
CREATE INDEX jobs_connector ON jobs (connector_id);

CREATE TABLE applied_chunks (
    job_id  BIGINT NOT NULL REFERENCES jobs (id),
    attempt BIGINT NOT NULL,
    seq     BIGINT NOT NULL,
    PRIMARY KEY (job_id, attempt, seq)
);

-- Inventory: keyed by (connector_id, sys_id, source_table), as on SQLite, so the primary key index
-- serves reads in device order. No foreign key to connectors and no secondary indexes, for the same
-- reasons as on SQLite (see its 001_initial.sql): ingestion speed, and a reader that reads every row.

CREATE TABLE devices (
    connector_id                   BIGINT NOT NULL,
    source_table                   TEXT COLLATE "C" NOT NULL,
    sys_id                         TEXT COLLATE "C" NOT NULL,
    name                           TEXT,
    os                             TEXT,
    os_version                     TEXT,
    os_service_pack                TEXT,
    cpu_type                       TEXT,
    category                       TEXT,
    asset_tag                      TEXT,
    is_virtual                     BOOLEAN,
    servicenow_criticality         TEXT,
    used_for                       TEXT,
    last_logged_on_user            TEXT,
    most_frequent_user             TEXT,
    sys_class_name                 TEXT,
    u_primary_business_application TEXT COLLATE "C",
    sys_updated_on                 TEXT,
    last_seen_run                  BIGINT,
    deleted_at                     BIGINT,
    PRIMARY KEY (connector_id, sys_id, source_table)
);

CREATE TABLE network_adapters (
    connector_id       BIGINT NOT NULL,
    source_table       TEXT COLLATE "C" NOT NULL,
    sys_id             TEXT COLLATE "C" NOT NULL,
    device_sys_id      TEXT COLLATE "C",
    name               TEXT,
    mac_address        TEXT,
    ip_address         TEXT,
    ip_default_gateway TEXT,
    sys_updated_on     TEXT,
    last_seen_run      BIGINT,
    deleted_at         BIGINT,
    PRIMARY KEY (connector_id, sys_id, source_table)
);

CREATE TABLE business_applications (
    connector_id         BIGINT NOT NULL,
    source_table         TEXT COLLATE "C" NOT NULL,
    sys_id               TEXT COLLATE "C" NOT NULL,
    number               TEXT,
    name                 TEXT,
    u_criticality        TEXT,
    business_criticality TEXT,
    sys_updated_on       TEXT,
    last_seen_run        BIGINT,
    deleted_at           BIGINT,
    PRIMARY KEY (connector_id, sys_id, source_table)
);

CREATE TABLE relationships (
    connector_id   BIGINT NOT NULL,
    source_table   TEXT COLLATE "C" NOT NULL,
    sys_id         TEXT COLLATE "C" NOT NULL,
    parent         TEXT COLLATE "C",
    child          TEXT COLLATE "C",
    type           TEXT,
    sys_updated_on TEXT,
    last_seen_run  BIGINT,
    deleted_at     BIGINT,
    PRIMARY KEY (connector_id, sys_id, source_table)
);
