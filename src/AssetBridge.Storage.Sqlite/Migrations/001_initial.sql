-- AssetBridge schema 1 (SQLite). Times are INTEGER unix milliseconds from the application's clock.
-- Ids use AUTOINCREMENT so an id is never reused: run and job numbers stay unique in history, and a
-- credential id (bound into its envelope) never names a different credential later.

CREATE TABLE credentials (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    attributes_json TEXT    NOT NULL,
    key_id          TEXT    NOT NULL,
    envelope        BLOB    NOT NULL,
    created_at      INTEGER NOT NULL
);

CREATE TABLE connectors (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    name          TEXT    NOT NULL UNIQUE,
    kind          TEXT    NOT NULL,
    target        TEXT    NOT NULL,
    credential_id INTEGER NOT NULL REFERENCES credentials (id),
    settings_json TEXT    NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE INDEX connectors_credential ON connectors (credential_id);

CREATE TABLE watermarks (
    connector_id INTEGER NOT NULL REFERENCES connectors (id),
    scope        TEXT    NOT NULL,
    updated_on   TEXT    NOT NULL,
    sys_id       TEXT    NOT NULL,
    PRIMARY KEY (connector_id, scope)
) WITHOUT ROWID;

CREATE TABLE runs (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    connector_id          INTEGER NOT NULL REFERENCES connectors (id),
    mode                  TEXT    NOT NULL,
    state                 TEXT    NOT NULL,
    started_at            INTEGER NOT NULL,
    finished_at           INTEGER,
    devices               INTEGER NOT NULL DEFAULT 0,
    network_adapters      INTEGER NOT NULL DEFAULT 0,
    business_applications INTEGER NOT NULL DEFAULT 0,
    relationships         INTEGER NOT NULL DEFAULT 0,
    marked_deleted        INTEGER NOT NULL DEFAULT 0,
    hidden                INTEGER NOT NULL DEFAULT 0,
    error                 TEXT
);

CREATE INDEX runs_connector ON runs (connector_id, id);

-- One Running run per connector, whatever the writers do.
CREATE UNIQUE INDEX runs_one_running ON runs (connector_id) WHERE state = 'running';

CREATE TABLE jobs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id           INTEGER NOT NULL REFERENCES runs (id),
    connector_id     INTEGER NOT NULL REFERENCES connectors (id),
    operation        TEXT    NOT NULL,
    scope            TEXT    NOT NULL,
    kind             TEXT,
    credential_id    INTEGER,
    parameters       TEXT    NOT NULL,
    target           TEXT,
    state            TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_token      TEXT,
    lease_expires_at INTEGER,
    records_applied  INTEGER NOT NULL DEFAULT 0,
    outcome_json     TEXT,
    error            TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

CREATE INDEX jobs_state ON jobs (state, id);
CREATE INDEX jobs_run ON jobs (run_id, id);
CREATE INDEX jobs_connector ON jobs (connector_id);

CREATE TABLE applied_chunks (
    job_id  INTEGER NOT NULL REFERENCES jobs (id),
    attempt INTEGER NOT NULL,
    seq     INTEGER NOT NULL,
    PRIMARY KEY (job_id, attempt, seq)
) WITHOUT ROWID;

-- Inventory. The key is (connector_id, source_table, sys_id); its columns are declared in the order
-- (connector_id, sys_id, source_table) so the primary key index also serves reads in device order and
-- look-ups of an application by (connector_id, sys_id). WITHOUT ROWID: the upsert touches one b-tree.
-- No foreign key to connectors: it would cost a look-up per upserted record; removing a connector
-- deletes its rows explicitly, in one transaction.
--
-- No index on network_adapters (connector_id, device_sys_id) nor on relationships (connector_id,
-- parent) / (connector_id, child). Records arrive in sys_id order, so those keys arrive at random: each
-- 1000-record chunk then dirties about a thousand index pages, 4 MB of WAL per chunk, and ingestion of
-- 2M adapters measured 5x slower (45k rows/s against 250k rows/s without). The only reader of those
-- keys is the device reader, which reads every row anyway; its ORDER BY sorts (SQLite's external
-- sorter, bounded memory) and measured no slower than walking the index.

CREATE TABLE devices (
    connector_id                   INTEGER NOT NULL,
    source_table                   TEXT    NOT NULL,
    sys_id                         TEXT    NOT NULL,
    name                           TEXT,
    os                             TEXT,
    os_version                     TEXT,
    os_service_pack                TEXT,
    cpu_type                       TEXT,
    category                       TEXT,
    asset_tag                      TEXT,
    is_virtual                     INTEGER,
    servicenow_criticality         TEXT,
    used_for                       TEXT,
    last_logged_on_user            TEXT,
    most_frequent_user             TEXT,
    sys_class_name                 TEXT,
    u_primary_business_application TEXT,
    sys_updated_on                 TEXT,
    last_seen_run                  INTEGER,
    deleted_at                     INTEGER,
    PRIMARY KEY (connector_id, sys_id, source_table)
) WITHOUT ROWID;

CREATE TABLE network_adapters (
    connector_id       INTEGER NOT NULL,
    source_table       TEXT    NOT NULL,
    sys_id             TEXT    NOT NULL,
    device_sys_id      TEXT,
    name               TEXT,
    mac_address        TEXT,
    ip_address         TEXT,
    ip_default_gateway TEXT,
    sys_updated_on     TEXT,
    last_seen_run      INTEGER,
    deleted_at         INTEGER,
    PRIMARY KEY (connector_id, sys_id, source_table)
) WITHOUT ROWID;

CREATE TABLE business_applications (
    connector_id         INTEGER NOT NULL,
    source_table         TEXT    NOT NULL,
    sys_id               TEXT    NOT NULL,
    number               TEXT,
    name                 TEXT,
    u_criticality        TEXT,
    business_criticality TEXT,
    sys_updated_on       TEXT,
    last_seen_run        INTEGER,
    deleted_at           INTEGER,
    PRIMARY KEY (connector_id, sys_id, source_table)
) WITHOUT ROWID;

CREATE TABLE relationships (
    connector_id   INTEGER NOT NULL,
    source_table   TEXT    NOT NULL,
    sys_id         TEXT    NOT NULL,
    parent         TEXT,
    child          TEXT,
    type           TEXT,
    sys_updated_on TEXT,
    last_seen_run  INTEGER,
    deleted_at     INTEGER,
    PRIMARY KEY (connector_id, sys_id, source_table)
) WITHOUT ROWID;
