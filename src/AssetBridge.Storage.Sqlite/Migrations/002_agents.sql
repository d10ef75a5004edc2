-- AssetBridge schema 2 (SQLite): agents, clusters, tokens, schedules, agent selection.

-- Schedule: every_seconds is the interval; next_run_at moves forward by compare-and-set, so one
-- replica starts each due run. Placement: pinned agent or cluster, and the fallback default agent.
ALTER TABLE connectors ADD COLUMN every_seconds INTEGER;
ALTER TABLE connectors ADD COLUMN next_run_at INTEGER;
ALTER TABLE connectors ADD COLUMN pinned_agent TEXT;
ALTER TABLE connectors ADD COLUMN pinned_cluster TEXT;
ALTER TABLE connectors ADD COLUMN default_agent TEXT;

CREATE INDEX connectors_due ON connectors (next_run_at) WHERE next_run_at IS NOT NULL;

-- The agent a job is queued for (set by the selector, or by the claim), and why a job waits for one.
ALTER TABLE jobs ADD COLUMN assigned_agent TEXT;
ALTER TABLE jobs ADD COLUMN wait_reason TEXT;

CREATE INDEX jobs_agent ON jobs (assigned_agent, state);

-- Enrolled agents. Keys are SubjectPublicKeyInfo DER; the embedded agent has none (empty blobs).
-- Status is derived from last_seen_at and mode, never stored.
CREATE TABLE agents (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT    NOT NULL UNIQUE,
    capabilities_json TEXT    NOT NULL,
    ip_ranges_json    TEXT    NOT NULL,
    signing_key       BLOB    NOT NULL,
    sealing_key       BLOB    NOT NULL,
    key_version       INTEGER NOT NULL DEFAULT 1,
    approved          INTEGER NOT NULL,
    mode              TEXT    NOT NULL,
    embedded          INTEGER NOT NULL,
    enrolled_at       INTEGER NOT NULL,
    last_seen_at      INTEGER,
    host              TEXT,
    version           TEXT
);

CREATE TABLE agent_clusters (
    name TEXT PRIMARY KEY,
    mode TEXT NOT NULL
);

-- Members by agent name: a cluster may name an agent that enrols later.
CREATE TABLE agent_cluster_members (
    cluster  TEXT    NOT NULL REFERENCES agent_clusters (name),
    agent    TEXT    NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (cluster, agent)
);

-- Bearer tokens, stored as the SHA-256 of the token only.
CREATE TABLE tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL,
    hash         TEXT    NOT NULL UNIQUE,
    description  TEXT    NOT NULL,
    agent_id     INTEGER,
    auto_approve INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    used_at      INTEGER
);

CREATE INDEX tokens_agent ON tokens (agent_id);
