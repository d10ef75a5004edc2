-- AssetBridge schema 3 (PostgreSQL): VM instance CIs, Azure VMs, their run counts, and one job per
-- (run, scope).

-- Inventory tables with the conventions of schema 1: keyed (connector_id, key, source_table), keys and
-- joined references COLLATE "C", no secondary indexes, no foreign key to connectors.
CREATE TABLE vm_instances (
    connector_id   BIGINT NOT NULL,
    source_table   TEXT COLLATE "C" NOT NULL,
    sys_id         TEXT COLLATE "C" NOT NULL,
    name           TEXT,
    object_id      TEXT,
    vm_inst_id     TEXT,
    state          TEXT,
    sys_updated_on TEXT,
    last_seen_run  BIGINT,
    deleted_at     BIGINT,
    PRIMARY KEY (connector_id, sys_id, source_table)
);

-- Keyed by the ARM resource id, lower-case. The lists and the tags are JSON text (an array of strings,
-- an object of strings), NULL when empty; TEXT rather than jsonb, so both dialects read back the very
-- text they wrote, in its order.
CREATE TABLE cloud_vms (
    connector_id    BIGINT NOT NULL,
    source_table    TEXT COLLATE "C" NOT NULL,
    resource_id     TEXT COLLATE "C" NOT NULL,
    subscription_id TEXT,
    vm_id           TEXT,
    name            TEXT,
    computer_name   TEXT,
    resource_group  TEXT,
    location        TEXT,
    size            TEXT,
    os_type         TEXT,
    image           TEXT,
    power_state     TEXT,
    mac_addresses   TEXT,
    private_ips     TEXT,
    public_ips      TEXT,
    tags            TEXT,
    last_seen_run   BIGINT,
    deleted_at      BIGINT,
    PRIMARY KEY (connector_id, resource_id, source_table)
);

ALTER TABLE runs ADD COLUMN vm_instances BIGINT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN cloud_vms BIGINT NOT NULL DEFAULT 0;

-- One job per (run, scope): follow-up planning that two replicas race to do adds each job once.
-- Schema 2 never enforced this, and a connector that read one table for two kinds queued two jobs of
-- one scope in a run. Those later jobs are flagged instead of changed or dropped (their scope is the
-- source_table of what they ingest, and their chunks reference them), and the index leaves them out.
ALTER TABLE jobs ADD COLUMN legacy_duplicate BIGINT NOT NULL DEFAULT 0;

UPDATE jobs SET legacy_duplicate = 1
WHERE EXISTS (SELECT 1 FROM jobs earlier WHERE earlier.run_id = jobs.run_id AND earlier.scope = jobs.scope AND earlier.id < jobs.id);

CREATE UNIQUE INDEX jobs_run_scope ON jobs (run_id, scope) WHERE legacy_duplicate = 0;
