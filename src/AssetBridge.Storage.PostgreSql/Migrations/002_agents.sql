-- AssetBridge schema 2 (PostgreSQL): agents, clusters, tokens, schedules, agent selection.

-- Schedule: every_seconds is the interval; next_run_at moves forward by compare-and-set, so one
-- replica starts each due run. Placement: pinned agent or cluster, and the fallback default agent.
ALTER TABLE connectors ADD COLUMN every_seconds BIGINT;
ALTER TABLE connectors ADD COLUMN next_run_at BIGINT;
ALTER TABLE connectors ADD COLUMN pinned_agent TEXT;
ALTER TABLE connectors ADD COLUMN pinned_cluster TEXT;
ALTER TABLE connectors ADD COLUMN default_agent TEXT;

CREATE INDEX connectors_due ON connectors (next_run_at) WHERE next_run_at IS NOT NULL;

-- The agent a job is queued for (set by the selector, or by the claim), and why a job waits for one.
ALTER TABLE jobs ADD COLUMN assigned_agent TEXT COLLATE "C";
ALTER TABLE jobs ADD COLUMN wait_reason TEXT;

CREATE INDEX jobs_agent ON jobs (assigned_agent, state);

-- Enrolled agents. Keys are SubjectPublicKeyInfo DER; the embedded agent has none (empty).
-- Status is derived from last_seen_at and mode, never stored. Flags are 0/1 BIGINTs as on SQLite,
-- so the shared SQL binds the same values on both.
CREATE TABLE agents (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              TEXT COLLATE "C" NOT NULL UNIQUE,
    capabilities_json TEXT   NOT NULL,
    ip_ranges_json    TEXT   NOT NULL,
    signing_key       BYTEA  NOT NULL,
    sealing_key       BYTEA  NOT NULL,
    key_version       BIGINT NOT NULL DEFAULT 1,
    approved          BIGINT NOT NULL,
    mode              TEXT   NOT NULL,
    embedded          BIGINT NOT NULL,
    enrolled_at       BIGINT NOT NULL,
    last_seen_at      BIGINT,
    host              TEXT,
    version           TEXT
);

CREATE TABLE agent_clusters (
    name TEXT COLLATE "C" PRIMARY KEY,
    mode TEXT NOT NULL
);

-- Members by agent name: a cluster may name an agent that enrols later.
CREATE TABLE agent_cluster_members (
    cluster  TEXT COLLATE "C" NOT NULL REFERENCES agent_clusters (name),
    agent    TEXT COLLATE "C" NOT NULL,
    position BIGINT NOT NULL,
    PRIMARY KEY (cluster, agent)
);

CREATE INDEX agent_cluster_members_agent ON agent_cluster_members (agent);

-- Bearer tokens, stored as the SHA-256 of the token only.
CREATE TABLE tokens (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT   NOT NULL,
    hash         TEXT COLLATE "C" NOT NULL UNIQUE,
    description  TEXT   NOT NULL,
    agent_id     BIGINT,
    auto_approve BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT,
    used_at      BIGINT
);

CREATE INDEX tokens_agent ON tokens (agent_id);
