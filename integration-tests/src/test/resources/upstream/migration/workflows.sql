PRAGMA foreign_keys = ON;
PRAGMA journal_mode=WAL;
CREATE TABLE IF NOT EXISTS workflows (
    id TEXT PRIMARY KEY,
    handle TEXT,
    is_archived INTEGER NOT NULL DEFAULT 0,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS workflow_versions (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE(workflow_id, version)
);
CREATE INDEX IF NOT EXISTS idx_versions_workflow
    ON workflow_versions(workflow_id);
CREATE TABLE IF NOT EXISTS workflow_runs (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    workflow_version_id TEXT NOT NULL,
    status TEXT NOT NULL,
    triggered_by TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_runs_workflow
    ON workflow_runs(workflow_id);
CREATE INDEX IF NOT EXISTS idx_runs_version
    ON workflow_runs(workflow_version_id);
CREATE TABLE IF NOT EXISTS workflow_run_remediations (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    workflow_version_id TEXT NOT NULL,
    run_id TEXT NOT NULL,
    status TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    version_checksum TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempt_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_remediations_workflow
    ON workflow_run_remediations(workflow_id);
CREATE INDEX IF NOT EXISTS idx_remediations_version
    ON workflow_run_remediations(workflow_version_id);
CREATE INDEX IF NOT EXISTS idx_remediations_run
    ON workflow_run_remediations(run_id);
CREATE INDEX IF NOT EXISTS idx_remediations_status
    ON workflow_run_remediations(status);
CREATE INDEX IF NOT EXISTS idx_remediations_fingerprint
    ON workflow_run_remediations(fingerprint);
CREATE TABLE IF NOT EXISTS webhook_triggers (
    workflow_id TEXT PRIMARY KEY,
    config TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cron_triggers (
    workflow_id TEXT PRIMARY KEY,
    config TEXT NOT NULL,
    last_dispatched_at TEXT
);
CREATE TABLE IF NOT EXISTS retry_policies (
    workflow_id TEXT PRIMARY KEY,
    config TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS listener_subscriptions (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    workflow_version_id TEXT NOT NULL,
    node_name TEXT NOT NULL,
    platform TEXT NOT NULL,
    bot_identity_key TEXT NOT NULL,
    status TEXT NOT NULL,
    assigned_runtime TEXT,
    lease_expires_at TEXT,
    last_event_at TEXT,
    last_error TEXT,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_listener_subscriptions_workflow
    ON listener_subscriptions(workflow_id);
CREATE INDEX IF NOT EXISTS idx_listener_subscriptions_version
    ON listener_subscriptions(workflow_version_id);
CREATE TABLE IF NOT EXISTS listener_cursors (
    subscription_id TEXT PRIMARY KEY,
    payload TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS listener_dedupe (
    subscription_id TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    payload TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    PRIMARY KEY (subscription_id, dedupe_key)
);
CREATE INDEX IF NOT EXISTS idx_workflows_handle ON workflows(handle);
CREATE UNIQUE INDEX IF NOT EXISTS idx_workflows_active_handle ON workflows(handle)
    WHERE is_archived = 0 AND handle IS NOT NULL;
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS execution_history (
    execution_id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    inputs TEXT NOT NULL,
    runnable_config TEXT NOT NULL DEFAULT '{}',
    tags TEXT NOT NULL DEFAULT '[]',
    callbacks TEXT NOT NULL DEFAULT '[]',
    metadata TEXT NOT NULL DEFAULT '{}',
    run_name TEXT,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    completed_at TEXT,
    error TEXT,
    trace_id TEXT,
    trace_started_at TEXT,
    trace_completed_at TEXT,
    trace_last_span_at TEXT
);
CREATE TABLE IF NOT EXISTS execution_history_steps (
    execution_id TEXT NOT NULL,
    step_index INTEGER NOT NULL,
    at TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (execution_id, step_index),
    FOREIGN KEY (execution_id)
        REFERENCES execution_history(execution_id)
        ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_history_steps_execution
    ON execution_history_steps(execution_id, step_index);
CREATE TABLE IF NOT EXISTS agentensor_checkpoints (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    config_version INTEGER NOT NULL,
    runnable_config TEXT NOT NULL,
    metrics TEXT NOT NULL,
    metadata TEXT NOT NULL DEFAULT '{}',
    artifact_url TEXT,
    is_best INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_agentensor_checkpoints_workflow
    ON agentensor_checkpoints(workflow_id, config_version);
CREATE INDEX IF NOT EXISTS idx_agentensor_checkpoints_best
    ON agentensor_checkpoints(workflow_id, is_best);
INSERT INTO workflows (id, handle, is_archived, payload, created_at, updated_at) VALUES ('a5000000-0000-4000-8000-000000000001', 'resume-screener', 0, '{"id": "a5000000-0000-4000-8000-000000000001", "created_at": "2025-01-01T09:00:00Z", "updated_at": "2025-01-01T11:30:00.250000Z", "audit_log": [{"actor": "alice", "action": "workflow_created", "at": "2025-01-01T09:00:00Z", "metadata": {}}, {"actor": "alice", "action": "workflow_updated", "at": "2025-01-01T11:30:00.250000Z", "metadata": {"name": {"to": "R\u00e9sum\u00e9"}}}], "name": "R\u00e9sum\u00e9 Screener \u2014 \u5c65\u6b74\u66f8 \ud83d\udcc4", "handle": "resume-screener", "slug": "r-sum-screener", "description": "Screens r\u00e9sum\u00e9s \u2014 \u65e5\u672c\u8a9e OK", "tags": ["hr", "screening"], "is_archived": false, "draft_access": "personal", "is_public": false, "published_at": null, "published_by": null, "require_login": false, "share_url": null, "chatkit": null}', '2025-01-01T09:00:00+00:00', '2025-01-01T11:30:00.250000+00:00');
INSERT INTO workflows (id, handle, is_archived, payload, created_at, updated_at) VALUES ('a5000000-0000-4000-8000-000000000002', 'resume-screener', 1, '{"id": "a5000000-0000-4000-8000-000000000002", "created_at": "2024-12-01T08:00:00Z", "updated_at": "2024-12-31T23:59:59.999999Z", "audit_log": [{"actor": "bob", "action": "workflow_created", "at": "2024-12-01T08:00:00Z", "metadata": {}}, {"actor": "bob", "action": "workflow_updated", "at": "2024-12-31T23:59:59.999999Z", "metadata": {"is_archived": {"from": false, "to": true}}}], "name": "Legacy Screener", "handle": "resume-screener", "slug": "legacy-screener", "description": null, "tags": [], "is_archived": true, "draft_access": "personal", "is_public": false, "published_at": null, "published_by": null, "require_login": false, "share_url": null, "chatkit": null}', '2024-12-01T08:00:00+00:00', '2024-12-31T23:59:59.999999+00:00');
INSERT INTO workflows (id, handle, is_archived, payload, created_at, updated_at) VALUES ('a5000000-0000-4000-8000-000000000003', NULL, 0, '{"id": "a5000000-0000-4000-8000-000000000003", "created_at": "2025-01-01T08:30:00Z", "updated_at": "2025-01-01T08:30:00Z", "audit_log": [{"actor": "carol", "action": "workflow_created", "at": "2025-01-01T08:30:00Z", "metadata": {}}], "name": "Daily Digest", "handle": null, "slug": "daily-digest", "description": null, "tags": ["workspace:acme"], "is_archived": false, "draft_access": "personal", "is_public": false, "published_at": null, "published_by": null, "require_login": false, "share_url": null, "chatkit": null}', '2025-01-01T08:30:00+00:00', '2025-01-01T08:30:00+00:00');
INSERT INTO workflow_versions (id, workflow_id, version, payload, created_at, updated_at) VALUES ('b5000000-0000-4000-8000-000000000011', 'a5000000-0000-4000-8000-000000000001', 1, '{"id": "b5000000-0000-4000-8000-000000000011", "created_at": "2025-01-01T09:05:00Z", "updated_at": "2025-01-01T09:05:00Z", "audit_log": [{"actor": "alice", "action": "version_created", "at": "2025-01-01T09:05:00Z", "metadata": {}}], "workflow_id": "a5000000-0000-4000-8000-000000000001", "version": 1, "graph": {"nodes": [{"name": "start", "type": "input"}, {"name": "screen", "type": "llm", "prompt": "\u00c9value le CV \u2014 \u5c65\u6b74\u66f8"}], "edges": [{"source": "start", "target": "screen"}]}, "mermaid": null, "metadata": {"source": "canvas"}, "runnable_config": null, "created_by": "alice", "notes": "first draft \u270d\ufe0f"}', '2025-01-01T09:05:00+00:00', '2025-01-01T09:05:00+00:00');
INSERT INTO workflow_versions (id, workflow_id, version, payload, created_at, updated_at) VALUES ('b5000000-0000-4000-8000-000000000012', 'a5000000-0000-4000-8000-000000000001', 2, '{"id": "b5000000-0000-4000-8000-000000000012", "created_at": "2025-01-01T09:10:00.000123Z", "updated_at": "2025-01-01T09:10:00.000123Z", "audit_log": [{"actor": "alice", "action": "version_created", "at": "2025-01-01T09:10:00.000123Z", "metadata": {}}], "workflow_id": "a5000000-0000-4000-8000-000000000001", "version": 2, "graph": {"nodes": [{"name": "start", "type": "input"}, {"name": "screen", "type": "llm", "prompt": "\u00c9value le CV \u2014 \u5c65\u6b74\u66f8"}], "edges": [{"source": "start", "target": "screen"}], "outputs": ["score", "verdict"]}, "mermaid": null, "metadata": {}, "runnable_config": {"tags": ["hr", "\u65e5\u672c"], "callbacks": [{"name": "tracer", "sample": 0.5}], "metadata": {"env": "prod", "owner": "Zo\u00eb"}, "run_name": "R\u00e9sum\u00e9 run \ud83d\ude80", "recursion_limit": 30}, "created_by": "alice", "notes": null}', '2025-01-01T09:10:00.000123+00:00', '2025-01-01T09:10:00.000123+00:00');
INSERT INTO workflow_versions (id, workflow_id, version, payload, created_at, updated_at) VALUES ('b5000000-0000-4000-8000-000000000031', 'a5000000-0000-4000-8000-000000000003', 1, '{"id": "b5000000-0000-4000-8000-000000000031", "created_at": "2025-01-01T08:35:00Z", "updated_at": "2025-01-01T08:35:00Z", "audit_log": [{"actor": "carol", "action": "version_created", "at": "2025-01-01T08:35:00Z", "metadata": {}}], "workflow_id": "a5000000-0000-4000-8000-000000000003", "version": 1, "graph": {"nodes": [{"name": "digest", "type": "agent"}]}, "mermaid": null, "metadata": {}, "runnable_config": null, "created_by": "carol", "notes": null}', '2025-01-01T08:35:00+00:00', '2025-01-01T08:35:00+00:00');
INSERT INTO workflow_runs (id, workflow_id, workflow_version_id, status, triggered_by, payload, created_at, updated_at) VALUES ('c5000000-0000-4000-8000-000000000001', 'a5000000-0000-4000-8000-000000000001', 'b5000000-0000-4000-8000-000000000011', 'succeeded', 'manual', '{"id": "c5000000-0000-4000-8000-000000000001", "created_at": "2025-01-01T09:20:00.500000Z", "updated_at": "2025-01-01T09:20:05Z", "audit_log": [{"actor": "manual", "action": "run_created", "at": "2025-01-01T09:20:00.500000Z", "metadata": {}}, {"actor": "worker", "action": "run_started", "at": "2025-01-01T09:20:01Z", "metadata": {}}, {"actor": "worker", "action": "run_succeeded", "at": "2025-01-01T09:20:05Z", "metadata": {}}], "workflow_version_id": "b5000000-0000-4000-8000-000000000011", "status": "succeeded", "triggered_by": "manual", "input_payload": {"candidate": "Zo\u00eb"}, "runnable_config": {}, "tags": [], "callbacks": [], "metadata": {}, "run_name": null, "output_payload": {"score": 0.87, "verdict": "hire \ud83d\udc4d"}, "started_at": "2025-01-01T09:20:01Z", "completed_at": "2025-01-01T09:20:05Z", "error": null}', '2025-01-01T09:20:00.500000+00:00', '2025-01-01T09:20:05+00:00');
INSERT INTO workflow_runs (id, workflow_id, workflow_version_id, status, triggered_by, payload, created_at, updated_at) VALUES ('c5000000-0000-4000-8000-000000000002', 'a5000000-0000-4000-8000-000000000001', 'b5000000-0000-4000-8000-000000000012', 'failed', 'webhook', '{"id": "c5000000-0000-4000-8000-000000000002", "created_at": "2025-01-01T09:20:00Z", "updated_at": "2025-01-01T09:20:02.000001Z", "audit_log": [{"actor": "webhook", "action": "run_created", "at": "2025-01-01T09:20:00Z", "metadata": {}}, {"actor": "worker", "action": "run_started", "at": "2025-01-01T09:20:01Z", "metadata": {}}, {"actor": "worker", "action": "run_failed", "at": "2025-01-01T09:20:02.000001Z", "metadata": {"error": "LLM timeout"}}], "workflow_version_id": "b5000000-0000-4000-8000-000000000012", "status": "failed", "triggered_by": "webhook", "input_payload": {"body": {"name": "\u5c71\u7530"}, "headers": {"x-team": "hr"}, "query_params": {}}, "runnable_config": {"tags": ["hr", "\u65e5\u672c"], "callbacks": [{"name": "tracer", "sample": 0.5}], "metadata": {"env": "prod", "owner": "Zo\u00eb"}, "run_name": "R\u00e9sum\u00e9 run \ud83d\ude80", "recursion_limit": 30}, "tags": ["hr", "\u65e5\u672c"], "callbacks": [{"name": "tracer", "sample": 0.5}], "metadata": {"env": "prod", "owner": "Zo\u00eb"}, "run_name": "R\u00e9sum\u00e9 run \ud83d\ude80", "output_payload": null, "started_at": "2025-01-01T09:20:01Z", "completed_at": "2025-01-01T09:20:02.000001Z", "error": "LLM timeout"}', '2025-01-01T09:20:00+00:00', '2025-01-01T09:20:02.000001+00:00');
INSERT INTO workflow_runs (id, workflow_id, workflow_version_id, status, triggered_by, payload, created_at, updated_at) VALUES ('c5000000-0000-4000-8000-000000000003', 'a5000000-0000-4000-8000-000000000001', 'b5000000-0000-4000-8000-000000000012', 'running', 'manual', '{"id": "c5000000-0000-4000-8000-000000000003", "created_at": "2025-01-01T09:45:00Z", "updated_at": "2025-01-01T09:45:01Z", "audit_log": [{"actor": "manual", "action": "run_created", "at": "2025-01-01T09:45:00Z", "metadata": {}}, {"actor": "worker", "action": "run_started", "at": "2025-01-01T09:45:01Z", "metadata": {}}], "workflow_version_id": "b5000000-0000-4000-8000-000000000012", "status": "running", "triggered_by": "manual", "input_payload": {}, "runnable_config": {"tags": ["hr", "\u65e5\u672c"], "callbacks": [{"name": "tracer", "sample": 0.5}], "metadata": {"env": "prod", "owner": "Zo\u00eb"}, "run_name": "R\u00e9sum\u00e9 run \ud83d\ude80", "recursion_limit": 30}, "tags": ["hr", "\u65e5\u672c"], "callbacks": [{"name": "tracer", "sample": 0.5}], "metadata": {"env": "prod", "owner": "Zo\u00eb"}, "run_name": "R\u00e9sum\u00e9 run \ud83d\ude80", "output_payload": null, "started_at": "2025-01-01T09:45:01Z", "completed_at": null, "error": null}', '2025-01-01T09:45:00+00:00', '2025-01-01T09:45:01+00:00');
INSERT INTO workflow_runs (id, workflow_id, workflow_version_id, status, triggered_by, payload, created_at, updated_at) VALUES ('c5000000-0000-4000-8000-000000000004', 'a5000000-0000-4000-8000-000000000003', 'b5000000-0000-4000-8000-000000000031', 'succeeded', 'cron', '{"id": "c5000000-0000-4000-8000-000000000004", "created_at": "2025-01-01T09:00:00.004321Z", "updated_at": "2025-01-01T09:00:30Z", "audit_log": [{"actor": "cron", "action": "run_created", "at": "2025-01-01T09:00:00.004321Z", "metadata": {}}, {"actor": "worker", "action": "run_started", "at": "2025-01-01T09:00:01Z", "metadata": {}}, {"actor": "worker", "action": "run_succeeded", "at": "2025-01-01T09:00:30Z", "metadata": {}}], "workflow_version_id": "b5000000-0000-4000-8000-000000000031", "status": "succeeded", "triggered_by": "cron", "input_payload": {"scheduled_for": "2025-01-01T09:00:00+00:00", "timezone": "UTC"}, "runnable_config": {}, "tags": [], "callbacks": [], "metadata": {}, "run_name": null, "output_payload": {}, "started_at": "2025-01-01T09:00:01Z", "completed_at": "2025-01-01T09:00:30Z", "error": null}', '2025-01-01T09:00:00.004321+00:00', '2025-01-01T09:00:30+00:00');
INSERT INTO webhook_triggers (workflow_id, config) VALUES ('a5000000-0000-4000-8000-000000000001', '{"allowed_methods": ["GET", "POST"], "required_headers": {"x-team": "hr"}, "required_query_params": {}, "shared_secret_header": "x-secret", "shared_secret": "s3cr3t-\u00e9", "hmac_header": null, "hmac_secret": null, "hmac_algorithm": "sha256", "hmac_timestamp_header": null, "hmac_tolerance_seconds": 300, "rate_limit": {"limit": 60, "interval_seconds": 60}}');
INSERT INTO cron_triggers (workflow_id, config, last_dispatched_at) VALUES ('a5000000-0000-4000-8000-000000000003', '{"expression": "0 9 * * *", "timezone": "Asia/Tokyo", "allow_overlapping": false, "start_at": null, "end_at": null}', '2025-01-01T09:00:00+00:00');
INSERT INTO cron_triggers (workflow_id, config, last_dispatched_at) VALUES ('a5000000-0000-4000-8000-000000000001', '{"expression": "*/15 * * * *", "timezone": "UTC", "allow_overlapping": true, "start_at": null, "end_at": null}', NULL);
INSERT INTO retry_policies (workflow_id, config) VALUES ('a5000000-0000-4000-8000-000000000001', '{"max_attempts": 3, "initial_delay_seconds": 12.5, "backoff_factor": 2.0, "max_delay_seconds": 300.0, "jitter_factor": 0.0}');
INSERT INTO execution_history (execution_id, workflow_id, inputs, runnable_config, tags, callbacks, metadata, run_name, status, started_at, completed_at, error, trace_id, trace_started_at, trace_completed_at, trace_last_span_at) VALUES ('e5000000-0000-4000-8000-000000000001', 'a5000000-0000-4000-8000-000000000001', '{"candidate": "Zo\u00eb \ud83d\udcc4", "submitted_at": "2025-01-01T08:59:00+00:00"}', '{"tags": ["hr", "\u65e5\u672c"], "callbacks": [{"name": "tracer", "sample": 0.5}], "metadata": {"env": "prod", "owner": "Zo\u00eb"}, "run_name": "R\u00e9sum\u00e9 run \ud83d\ude80", "recursion_limit": 30}', '["hr", "\u65e5\u672c"]', '[{"name": "tracer", "sample": 0.5}]', '{"env": "prod", "owner": "Zo\u00eb"}', 'Résumé run 🚀', 'completed', '2025-01-01T09:00:00+00:00', '2025-01-01T09:00:05.500000+00:00', NULL, 'trace-0001', '2025-01-01T09:00:00+00:00', '2025-01-01T09:00:05.500000+00:00', '2025-01-01T09:00:03.000001+00:00');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000001', 0, '2025-01-01T09:00:01+00:00', '{"node": "start", "status": "ok"}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000001', 1, '2025-01-01T09:00:02.250000+00:00', '{"node": "screen", "output": {"score": 0.87, "big": 18446744073709551616, "neg_zero": -0.0, "huge": 1.5e+300, "note": "R\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8 \ud83d\udcc4", "list": [1, "two", null, true]}}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000001', 2, '2025-01-01T09:00:03.000001+00:00', '{"node": "end", "finished_at": "2025-01-01T09:00:03.000001+00:00"}');
INSERT INTO execution_history (execution_id, workflow_id, inputs, runnable_config, tags, callbacks, metadata, run_name, status, started_at, completed_at, error, trace_id, trace_started_at, trace_completed_at, trace_last_span_at) VALUES ('e5000000-0000-4000-8000-000000000002', 'a5000000-0000-4000-8000-000000000001', '{"candidate": "Ann"}', '{}', '[]', '[]', '{}', NULL, 'running', '2025-01-01T10:00:00.123456+00:00', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000002', 0, '2025-01-01T10:00:01+00:00', '{"node": "start"}');
INSERT INTO execution_history (execution_id, workflow_id, inputs, runnable_config, tags, callbacks, metadata, run_name, status, started_at, completed_at, error, trace_id, trace_started_at, trace_completed_at, trace_last_span_at) VALUES ('e5000000-0000-4000-8000-000000000003', 'a5000000-0000-4000-8000-000000000001', '{}', '{"tags": [], "callbacks": []}', '[]', '[]', '{}', NULL, 'error', '2025-01-01T09:00:00.500000+00:00', '2025-01-01T09:00:09+00:00', 'LLM timeout ⏱', 'trace-0003', '2025-01-01T09:00:00.500000+00:00', '2025-01-01T09:00:09+00:00', '2025-01-01T09:00:09+00:00');
INSERT INTO execution_history (execution_id, workflow_id, inputs, runnable_config, tags, callbacks, metadata, run_name, status, started_at, completed_at, error, trace_id, trace_started_at, trace_completed_at, trace_last_span_at) VALUES ('e5000000-0000-4000-8000-000000000005', 'a5000000-0000-4000-8000-000000000003', '{"items": ["a", "b"]}', '{"run_name": ""}', '[]', '[]', '{}', '', 'cancelled', '2025-01-02T00:00:00+00:00', '2025-01-02T00:00:01+00:00', 'superseded', NULL, NULL, NULL, NULL);
INSERT INTO execution_history (execution_id, workflow_id, inputs, runnable_config, tags, callbacks, metadata, run_name, status, started_at, completed_at, error, trace_id, trace_started_at, trace_completed_at, trace_last_span_at) VALUES ('e5000000-0000-4000-8000-000000000004', 'a5000000-0000-4000-8000-000000000003', '{"day": "2025-01-03"}', '{"tags": ["bulk"]}', '["bulk"]', '[]', '{}', NULL, 'completed', '2025-01-03T00:00:00+00:00', '2025-01-03T00:16:36+00:00', NULL, 'trace-bulk', '2025-01-03T00:00:00+00:00', '2025-01-03T00:16:36+00:00', '2025-01-03T00:16:35+00:00');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 0, '2025-01-03T00:00:00+00:00', '{"node": "n0", "i": 0, "note": "caf\u00e9 \u65e5\u672c \ud83d\ude00"}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 1, '2025-01-03T00:00:01+00:00', '{"node": "n1", "i": 1}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 2, '2025-01-03T00:00:02+00:00', '{"node": "n2", "i": 2}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 3, '2025-01-03T00:00:03.000500+00:00', '{"node": "n3", "i": 3}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 4, '2025-01-03T00:00:04+00:00', '{"node": "n4", "i": 4}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 5, '2025-01-03T00:00:05+00:00', '{"node": "n0", "i": 5}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 6, '2025-01-03T00:00:06+00:00', '{"node": "n1", "i": 6}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 7, '2025-01-03T00:00:07+00:00', '{"node": "n2", "i": 7}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 8, '2025-01-03T00:00:08+00:00', '{"node": "n3", "i": 8}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 9, '2025-01-03T00:00:09+00:00', '{"node": "n4", "i": 9}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 10, '2025-01-03T00:00:10.000500+00:00', '{"node": "n0", "i": 10}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 11, '2025-01-03T00:00:11+00:00', '{"node": "n1", "i": 11}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 12, '2025-01-03T00:00:12+00:00', '{"node": "n2", "i": 12}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 13, '2025-01-03T00:00:13+00:00', '{"node": "n3", "i": 13}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 14, '2025-01-03T00:00:14+00:00', '{"node": "n4", "i": 14}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 15, '2025-01-03T00:00:15+00:00', '{"node": "n0", "i": 15}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 16, '2025-01-03T00:00:16+00:00', '{"node": "n1", "i": 16}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 17, '2025-01-03T00:00:17.000500+00:00', '{"node": "n2", "i": 17}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 18, '2025-01-03T00:00:18+00:00', '{"node": "n3", "i": 18}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 19, '2025-01-03T00:00:19+00:00', '{"node": "n4", "i": 19}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 20, '2025-01-03T00:00:20+00:00', '{"node": "n0", "i": 20}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 21, '2025-01-03T00:00:21+00:00', '{"node": "n1", "i": 21}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 22, '2025-01-03T00:00:22+00:00', '{"node": "n2", "i": 22}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 23, '2025-01-03T00:00:23+00:00', '{"node": "n3", "i": 23}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 24, '2025-01-03T00:00:24.000500+00:00', '{"node": "n4", "i": 24}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 25, '2025-01-03T00:00:25+00:00', '{"node": "n0", "i": 25}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 26, '2025-01-03T00:00:26+00:00', '{"node": "n1", "i": 26}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 27, '2025-01-03T00:00:27+00:00', '{"node": "n2", "i": 27}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 28, '2025-01-03T00:00:28+00:00', '{"node": "n3", "i": 28}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 29, '2025-01-03T00:00:29+00:00', '{"node": "n4", "i": 29}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 30, '2025-01-03T00:00:30+00:00', '{"node": "n0", "i": 30}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 31, '2025-01-03T00:00:31.000500+00:00', '{"node": "n1", "i": 31}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 32, '2025-01-03T00:00:32+00:00', '{"node": "n2", "i": 32}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 33, '2025-01-03T00:00:33+00:00', '{"node": "n3", "i": 33}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 34, '2025-01-03T00:00:34+00:00', '{"node": "n4", "i": 34}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 35, '2025-01-03T00:00:35+00:00', '{"node": "n0", "i": 35}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 36, '2025-01-03T00:00:36+00:00', '{"node": "n1", "i": 36}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 37, '2025-01-03T00:00:37+00:00', '{"node": "n2", "i": 37}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 38, '2025-01-03T00:00:38.000500+00:00', '{"node": "n3", "i": 38}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 39, '2025-01-03T00:00:39+00:00', '{"node": "n4", "i": 39}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 40, '2025-01-03T00:00:40+00:00', '{"node": "n0", "i": 40}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 41, '2025-01-03T00:00:41+00:00', '{"node": "n1", "i": 41}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 42, '2025-01-03T00:00:42+00:00', '{"node": "n2", "i": 42}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 43, '2025-01-03T00:00:43+00:00', '{"node": "n3", "i": 43}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 44, '2025-01-03T00:00:44+00:00', '{"node": "n4", "i": 44}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 45, '2025-01-03T00:00:45.000500+00:00', '{"node": "n0", "i": 45}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 46, '2025-01-03T00:00:46+00:00', '{"node": "n1", "i": 46}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 47, '2025-01-03T00:00:47+00:00', '{"node": "n2", "i": 47}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 48, '2025-01-03T00:00:48+00:00', '{"node": "n3", "i": 48}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 49, '2025-01-03T00:00:49+00:00', '{"node": "n4", "i": 49}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 50, '2025-01-03T00:00:50+00:00', '{"node": "n0", "i": 50}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 51, '2025-01-03T00:00:51+00:00', '{"node": "n1", "i": 51}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 52, '2025-01-03T00:00:52.000500+00:00', '{"node": "n2", "i": 52}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 53, '2025-01-03T00:00:53+00:00', '{"node": "n3", "i": 53}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 54, '2025-01-03T00:00:54+00:00', '{"node": "n4", "i": 54}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 55, '2025-01-03T00:00:55+00:00', '{"node": "n0", "i": 55}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 56, '2025-01-03T00:00:56+00:00', '{"node": "n1", "i": 56}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 57, '2025-01-03T00:00:57+00:00', '{"node": "n2", "i": 57}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 58, '2025-01-03T00:00:58+00:00', '{"node": "n3", "i": 58}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 59, '2025-01-03T00:00:59.000500+00:00', '{"node": "n4", "i": 59}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 60, '2025-01-03T00:01:00+00:00', '{"node": "n0", "i": 60}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 61, '2025-01-03T00:01:01+00:00', '{"node": "n1", "i": 61}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 62, '2025-01-03T00:01:02+00:00', '{"node": "n2", "i": 62}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 63, '2025-01-03T00:01:03+00:00', '{"node": "n3", "i": 63}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 64, '2025-01-03T00:01:04+00:00', '{"node": "n4", "i": 64}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 65, '2025-01-03T00:01:05+00:00', '{"node": "n0", "i": 65}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 66, '2025-01-03T00:01:06.000500+00:00', '{"node": "n1", "i": 66}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 67, '2025-01-03T00:01:07+00:00', '{"node": "n2", "i": 67}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 68, '2025-01-03T00:01:08+00:00', '{"node": "n3", "i": 68}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 69, '2025-01-03T00:01:09+00:00', '{"node": "n4", "i": 69}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 70, '2025-01-03T00:01:10+00:00', '{"node": "n0", "i": 70}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 71, '2025-01-03T00:01:11+00:00', '{"node": "n1", "i": 71}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 72, '2025-01-03T00:01:12+00:00', '{"node": "n2", "i": 72}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 73, '2025-01-03T00:01:13.000500+00:00', '{"node": "n3", "i": 73}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 74, '2025-01-03T00:01:14+00:00', '{"node": "n4", "i": 74}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 75, '2025-01-03T00:01:15+00:00', '{"node": "n0", "i": 75}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 76, '2025-01-03T00:01:16+00:00', '{"node": "n1", "i": 76}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 77, '2025-01-03T00:01:17+00:00', '{"node": "n2", "i": 77}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 78, '2025-01-03T00:01:18+00:00', '{"node": "n3", "i": 78}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 79, '2025-01-03T00:01:19+00:00', '{"node": "n4", "i": 79}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 80, '2025-01-03T00:01:20.000500+00:00', '{"node": "n0", "i": 80}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 81, '2025-01-03T00:01:21+00:00', '{"node": "n1", "i": 81}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 82, '2025-01-03T00:01:22+00:00', '{"node": "n2", "i": 82}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 83, '2025-01-03T00:01:23+00:00', '{"node": "n3", "i": 83}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 84, '2025-01-03T00:01:24+00:00', '{"node": "n4", "i": 84}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 85, '2025-01-03T00:01:25+00:00', '{"node": "n0", "i": 85}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 86, '2025-01-03T00:01:26+00:00', '{"node": "n1", "i": 86}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 87, '2025-01-03T00:01:27.000500+00:00', '{"node": "n2", "i": 87}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 88, '2025-01-03T00:01:28+00:00', '{"node": "n3", "i": 88}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 89, '2025-01-03T00:01:29+00:00', '{"node": "n4", "i": 89}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 90, '2025-01-03T00:01:30+00:00', '{"node": "n0", "i": 90}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 91, '2025-01-03T00:01:31+00:00', '{"node": "n1", "i": 91}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 92, '2025-01-03T00:01:32+00:00', '{"node": "n2", "i": 92}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 93, '2025-01-03T00:01:33+00:00', '{"node": "n3", "i": 93}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 94, '2025-01-03T00:01:34.000500+00:00', '{"node": "n4", "i": 94}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 95, '2025-01-03T00:01:35+00:00', '{"node": "n0", "i": 95}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 96, '2025-01-03T00:01:36+00:00', '{"node": "n1", "i": 96}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 97, '2025-01-03T00:01:37+00:00', '{"node": "n2", "i": 97}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 98, '2025-01-03T00:01:38+00:00', '{"node": "n3", "i": 98}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 99, '2025-01-03T00:01:39+00:00', '{"node": "n4", "i": 99}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 100, '2025-01-03T00:01:40+00:00', '{"node": "n0", "i": 100}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 101, '2025-01-03T00:01:41.000500+00:00', '{"node": "n1", "i": 101}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 102, '2025-01-03T00:01:42+00:00', '{"node": "n2", "i": 102}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 103, '2025-01-03T00:01:43+00:00', '{"node": "n3", "i": 103}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 104, '2025-01-03T00:01:44+00:00', '{"node": "n4", "i": 104}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 105, '2025-01-03T00:01:45+00:00', '{"node": "n0", "i": 105}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 106, '2025-01-03T00:01:46+00:00', '{"node": "n1", "i": 106}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 107, '2025-01-03T00:01:47+00:00', '{"node": "n2", "i": 107}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 108, '2025-01-03T00:01:48.000500+00:00', '{"node": "n3", "i": 108}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 109, '2025-01-03T00:01:49+00:00', '{"node": "n4", "i": 109}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 110, '2025-01-03T00:01:50+00:00', '{"node": "n0", "i": 110}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 111, '2025-01-03T00:01:51+00:00', '{"node": "n1", "i": 111}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 112, '2025-01-03T00:01:52+00:00', '{"node": "n2", "i": 112}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 113, '2025-01-03T00:01:53+00:00', '{"node": "n3", "i": 113}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 114, '2025-01-03T00:01:54+00:00', '{"node": "n4", "i": 114}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 115, '2025-01-03T00:01:55.000500+00:00', '{"node": "n0", "i": 115}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 116, '2025-01-03T00:01:56+00:00', '{"node": "n1", "i": 116}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 117, '2025-01-03T00:01:57+00:00', '{"node": "n2", "i": 117}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 118, '2025-01-03T00:01:58+00:00', '{"node": "n3", "i": 118}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 119, '2025-01-03T00:01:59+00:00', '{"node": "n4", "i": 119}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 120, '2025-01-03T00:02:00+00:00', '{"node": "n0", "i": 120}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 121, '2025-01-03T00:02:01+00:00', '{"node": "n1", "i": 121}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 122, '2025-01-03T00:02:02.000500+00:00', '{"node": "n2", "i": 122}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 123, '2025-01-03T00:02:03+00:00', '{"node": "n3", "i": 123}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 124, '2025-01-03T00:02:04+00:00', '{"node": "n4", "i": 124}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 125, '2025-01-03T00:02:05+00:00', '{"node": "n0", "i": 125}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 126, '2025-01-03T00:02:06+00:00', '{"node": "n1", "i": 126}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 127, '2025-01-03T00:02:07+00:00', '{"node": "n2", "i": 127}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 128, '2025-01-03T00:02:08+00:00', '{"node": "n3", "i": 128}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 129, '2025-01-03T00:02:09.000500+00:00', '{"node": "n4", "i": 129}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 130, '2025-01-03T00:02:10+00:00', '{"node": "n0", "i": 130}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 131, '2025-01-03T00:02:11+00:00', '{"node": "n1", "i": 131}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 132, '2025-01-03T00:02:12+00:00', '{"node": "n2", "i": 132}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 133, '2025-01-03T00:02:13+00:00', '{"node": "n3", "i": 133}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 134, '2025-01-03T00:02:14+00:00', '{"node": "n4", "i": 134}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 135, '2025-01-03T00:02:15+00:00', '{"node": "n0", "i": 135}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 136, '2025-01-03T00:02:16.000500+00:00', '{"node": "n1", "i": 136}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 137, '2025-01-03T00:02:17+00:00', '{"node": "n2", "i": 137}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 138, '2025-01-03T00:02:18+00:00', '{"node": "n3", "i": 138}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 139, '2025-01-03T00:02:19+00:00', '{"node": "n4", "i": 139}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 140, '2025-01-03T00:02:20+00:00', '{"node": "n0", "i": 140}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 141, '2025-01-03T00:02:21+00:00', '{"node": "n1", "i": 141}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 142, '2025-01-03T00:02:22+00:00', '{"node": "n2", "i": 142}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 143, '2025-01-03T00:02:23.000500+00:00', '{"node": "n3", "i": 143}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 144, '2025-01-03T00:02:24+00:00', '{"node": "n4", "i": 144}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 145, '2025-01-03T00:02:25+00:00', '{"node": "n0", "i": 145}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 146, '2025-01-03T00:02:26+00:00', '{"node": "n1", "i": 146}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 147, '2025-01-03T00:02:27+00:00', '{"node": "n2", "i": 147}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 148, '2025-01-03T00:02:28+00:00', '{"node": "n3", "i": 148}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 149, '2025-01-03T00:02:29+00:00', '{"node": "n4", "i": 149}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 150, '2025-01-03T00:02:30.000500+00:00', '{"node": "n0", "i": 150}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 151, '2025-01-03T00:02:31+00:00', '{"node": "n1", "i": 151}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 152, '2025-01-03T00:02:32+00:00', '{"node": "n2", "i": 152}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 153, '2025-01-03T00:02:33+00:00', '{"node": "n3", "i": 153}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 154, '2025-01-03T00:02:34+00:00', '{"node": "n4", "i": 154}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 155, '2025-01-03T00:02:35+00:00', '{"node": "n0", "i": 155}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 156, '2025-01-03T00:02:36+00:00', '{"node": "n1", "i": 156}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 157, '2025-01-03T00:02:37.000500+00:00', '{"node": "n2", "i": 157}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 158, '2025-01-03T00:02:38+00:00', '{"node": "n3", "i": 158}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 159, '2025-01-03T00:02:39+00:00', '{"node": "n4", "i": 159}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 160, '2025-01-03T00:02:40+00:00', '{"node": "n0", "i": 160}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 161, '2025-01-03T00:02:41+00:00', '{"node": "n1", "i": 161}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 162, '2025-01-03T00:02:42+00:00', '{"node": "n2", "i": 162}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 163, '2025-01-03T00:02:43+00:00', '{"node": "n3", "i": 163}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 164, '2025-01-03T00:02:44.000500+00:00', '{"node": "n4", "i": 164}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 165, '2025-01-03T00:02:45+00:00', '{"node": "n0", "i": 165}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 166, '2025-01-03T00:02:46+00:00', '{"node": "n1", "i": 166}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 167, '2025-01-03T00:02:47+00:00', '{"node": "n2", "i": 167}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 168, '2025-01-03T00:02:48+00:00', '{"node": "n3", "i": 168}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 169, '2025-01-03T00:02:49+00:00', '{"node": "n4", "i": 169}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 170, '2025-01-03T00:02:50+00:00', '{"node": "n0", "i": 170}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 171, '2025-01-03T00:02:51.000500+00:00', '{"node": "n1", "i": 171}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 172, '2025-01-03T00:02:52+00:00', '{"node": "n2", "i": 172}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 173, '2025-01-03T00:02:53+00:00', '{"node": "n3", "i": 173}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 174, '2025-01-03T00:02:54+00:00', '{"node": "n4", "i": 174}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 175, '2025-01-03T00:02:55+00:00', '{"node": "n0", "i": 175}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 176, '2025-01-03T00:02:56+00:00', '{"node": "n1", "i": 176}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 177, '2025-01-03T00:02:57+00:00', '{"node": "n2", "i": 177}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 178, '2025-01-03T00:02:58.000500+00:00', '{"node": "n3", "i": 178}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 179, '2025-01-03T00:02:59+00:00', '{"node": "n4", "i": 179}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 180, '2025-01-03T00:03:00+00:00', '{"node": "n0", "i": 180}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 181, '2025-01-03T00:03:01+00:00', '{"node": "n1", "i": 181}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 182, '2025-01-03T00:03:02+00:00', '{"node": "n2", "i": 182}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 183, '2025-01-03T00:03:03+00:00', '{"node": "n3", "i": 183}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 184, '2025-01-03T00:03:04+00:00', '{"node": "n4", "i": 184}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 185, '2025-01-03T00:03:05.000500+00:00', '{"node": "n0", "i": 185}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 186, '2025-01-03T00:03:06+00:00', '{"node": "n1", "i": 186}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 187, '2025-01-03T00:03:07+00:00', '{"node": "n2", "i": 187}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 188, '2025-01-03T00:03:08+00:00', '{"node": "n3", "i": 188}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 189, '2025-01-03T00:03:09+00:00', '{"node": "n4", "i": 189}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 190, '2025-01-03T00:03:10+00:00', '{"node": "n0", "i": 190}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 191, '2025-01-03T00:03:11+00:00', '{"node": "n1", "i": 191}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 192, '2025-01-03T00:03:12.000500+00:00', '{"node": "n2", "i": 192}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 193, '2025-01-03T00:03:13+00:00', '{"node": "n3", "i": 193}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 194, '2025-01-03T00:03:14+00:00', '{"node": "n4", "i": 194}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 195, '2025-01-03T00:03:15+00:00', '{"node": "n0", "i": 195}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 196, '2025-01-03T00:03:16+00:00', '{"node": "n1", "i": 196}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 197, '2025-01-03T00:03:17+00:00', '{"node": "n2", "i": 197}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 198, '2025-01-03T00:03:18+00:00', '{"node": "n3", "i": 198}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 199, '2025-01-03T00:03:19.000500+00:00', '{"node": "n4", "i": 199}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 200, '2025-01-03T00:03:20+00:00', '{"node": "n0", "i": 200}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 201, '2025-01-03T00:03:21+00:00', '{"node": "n1", "i": 201}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 202, '2025-01-03T00:03:22+00:00', '{"node": "n2", "i": 202}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 203, '2025-01-03T00:03:23+00:00', '{"node": "n3", "i": 203}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 204, '2025-01-03T00:03:24+00:00', '{"node": "n4", "i": 204}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 205, '2025-01-03T00:03:25+00:00', '{"node": "n0", "i": 205}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 206, '2025-01-03T00:03:26.000500+00:00', '{"node": "n1", "i": 206}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 207, '2025-01-03T00:03:27+00:00', '{"node": "n2", "i": 207}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 208, '2025-01-03T00:03:28+00:00', '{"node": "n3", "i": 208}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 209, '2025-01-03T00:03:29+00:00', '{"node": "n4", "i": 209}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 210, '2025-01-03T00:03:30+00:00', '{"node": "n0", "i": 210}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 211, '2025-01-03T00:03:31+00:00', '{"node": "n1", "i": 211}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 212, '2025-01-03T00:03:32+00:00', '{"node": "n2", "i": 212}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 213, '2025-01-03T00:03:33.000500+00:00', '{"node": "n3", "i": 213}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 214, '2025-01-03T00:03:34+00:00', '{"node": "n4", "i": 214}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 215, '2025-01-03T00:03:35+00:00', '{"node": "n0", "i": 215}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 216, '2025-01-03T00:03:36+00:00', '{"node": "n1", "i": 216}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 217, '2025-01-03T00:03:37+00:00', '{"node": "n2", "i": 217}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 218, '2025-01-03T00:03:38+00:00', '{"node": "n3", "i": 218}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 219, '2025-01-03T00:03:39+00:00', '{"node": "n4", "i": 219}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 220, '2025-01-03T00:03:40.000500+00:00', '{"node": "n0", "i": 220}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 221, '2025-01-03T00:03:41+00:00', '{"node": "n1", "i": 221}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 222, '2025-01-03T00:03:42+00:00', '{"node": "n2", "i": 222}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 223, '2025-01-03T00:03:43+00:00', '{"node": "n3", "i": 223}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 224, '2025-01-03T00:03:44+00:00', '{"node": "n4", "i": 224}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 225, '2025-01-03T00:03:45+00:00', '{"node": "n0", "i": 225}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 226, '2025-01-03T00:03:46+00:00', '{"node": "n1", "i": 226}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 227, '2025-01-03T00:03:47.000500+00:00', '{"node": "n2", "i": 227}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 228, '2025-01-03T00:03:48+00:00', '{"node": "n3", "i": 228}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 229, '2025-01-03T00:03:49+00:00', '{"node": "n4", "i": 229}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 230, '2025-01-03T00:03:50+00:00', '{"node": "n0", "i": 230}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 231, '2025-01-03T00:03:51+00:00', '{"node": "n1", "i": 231}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 232, '2025-01-03T00:03:52+00:00', '{"node": "n2", "i": 232}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 233, '2025-01-03T00:03:53+00:00', '{"node": "n3", "i": 233}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 234, '2025-01-03T00:03:54.000500+00:00', '{"node": "n4", "i": 234}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 235, '2025-01-03T00:03:55+00:00', '{"node": "n0", "i": 235}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 236, '2025-01-03T00:03:56+00:00', '{"node": "n1", "i": 236}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 237, '2025-01-03T00:03:57+00:00', '{"node": "n2", "i": 237}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 238, '2025-01-03T00:03:58+00:00', '{"node": "n3", "i": 238}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 239, '2025-01-03T00:03:59+00:00', '{"node": "n4", "i": 239}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 240, '2025-01-03T00:04:00+00:00', '{"node": "n0", "i": 240}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 241, '2025-01-03T00:04:01.000500+00:00', '{"node": "n1", "i": 241}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 242, '2025-01-03T00:04:02+00:00', '{"node": "n2", "i": 242}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 243, '2025-01-03T00:04:03+00:00', '{"node": "n3", "i": 243}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 244, '2025-01-03T00:04:04+00:00', '{"node": "n4", "i": 244}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 245, '2025-01-03T00:04:05+00:00', '{"node": "n0", "i": 245}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 246, '2025-01-03T00:04:06+00:00', '{"node": "n1", "i": 246}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 247, '2025-01-03T00:04:07+00:00', '{"node": "n2", "i": 247}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 248, '2025-01-03T00:04:08.000500+00:00', '{"node": "n3", "i": 248}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 249, '2025-01-03T00:04:09+00:00', '{"node": "n4", "i": 249}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 250, '2025-01-03T00:04:10+00:00', '{"node": "n0", "i": 250, "note": "caf\u00e9 \u65e5\u672c \ud83d\ude00"}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 251, '2025-01-03T00:04:11+00:00', '{"node": "n1", "i": 251}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 252, '2025-01-03T00:04:12+00:00', '{"node": "n2", "i": 252}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 253, '2025-01-03T00:04:13+00:00', '{"node": "n3", "i": 253}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 254, '2025-01-03T00:04:14+00:00', '{"node": "n4", "i": 254}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 255, '2025-01-03T00:04:15.000500+00:00', '{"node": "n0", "i": 255}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 256, '2025-01-03T00:04:16+00:00', '{"node": "n1", "i": 256}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 257, '2025-01-03T00:04:17+00:00', '{"node": "n2", "i": 257}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 258, '2025-01-03T00:04:18+00:00', '{"node": "n3", "i": 258}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 259, '2025-01-03T00:04:19+00:00', '{"node": "n4", "i": 259}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 260, '2025-01-03T00:04:20+00:00', '{"node": "n0", "i": 260}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 261, '2025-01-03T00:04:21+00:00', '{"node": "n1", "i": 261}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 262, '2025-01-03T00:04:22.000500+00:00', '{"node": "n2", "i": 262}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 263, '2025-01-03T00:04:23+00:00', '{"node": "n3", "i": 263}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 264, '2025-01-03T00:04:24+00:00', '{"node": "n4", "i": 264}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 265, '2025-01-03T00:04:25+00:00', '{"node": "n0", "i": 265}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 266, '2025-01-03T00:04:26+00:00', '{"node": "n1", "i": 266}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 267, '2025-01-03T00:04:27+00:00', '{"node": "n2", "i": 267}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 268, '2025-01-03T00:04:28+00:00', '{"node": "n3", "i": 268}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 269, '2025-01-03T00:04:29.000500+00:00', '{"node": "n4", "i": 269}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 270, '2025-01-03T00:04:30+00:00', '{"node": "n0", "i": 270}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 271, '2025-01-03T00:04:31+00:00', '{"node": "n1", "i": 271}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 272, '2025-01-03T00:04:32+00:00', '{"node": "n2", "i": 272}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 273, '2025-01-03T00:04:33+00:00', '{"node": "n3", "i": 273}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 274, '2025-01-03T00:04:34+00:00', '{"node": "n4", "i": 274}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 275, '2025-01-03T00:04:35+00:00', '{"node": "n0", "i": 275}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 276, '2025-01-03T00:04:36.000500+00:00', '{"node": "n1", "i": 276}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 277, '2025-01-03T00:04:37+00:00', '{"node": "n2", "i": 277}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 278, '2025-01-03T00:04:38+00:00', '{"node": "n3", "i": 278}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 279, '2025-01-03T00:04:39+00:00', '{"node": "n4", "i": 279}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 280, '2025-01-03T00:04:40+00:00', '{"node": "n0", "i": 280}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 281, '2025-01-03T00:04:41+00:00', '{"node": "n1", "i": 281}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 282, '2025-01-03T00:04:42+00:00', '{"node": "n2", "i": 282}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 283, '2025-01-03T00:04:43.000500+00:00', '{"node": "n3", "i": 283}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 284, '2025-01-03T00:04:44+00:00', '{"node": "n4", "i": 284}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 285, '2025-01-03T00:04:45+00:00', '{"node": "n0", "i": 285}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 286, '2025-01-03T00:04:46+00:00', '{"node": "n1", "i": 286}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 287, '2025-01-03T00:04:47+00:00', '{"node": "n2", "i": 287}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 288, '2025-01-03T00:04:48+00:00', '{"node": "n3", "i": 288}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 289, '2025-01-03T00:04:49+00:00', '{"node": "n4", "i": 289}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 290, '2025-01-03T00:04:50.000500+00:00', '{"node": "n0", "i": 290}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 291, '2025-01-03T00:04:51+00:00', '{"node": "n1", "i": 291}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 292, '2025-01-03T00:04:52+00:00', '{"node": "n2", "i": 292}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 293, '2025-01-03T00:04:53+00:00', '{"node": "n3", "i": 293}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 294, '2025-01-03T00:04:54+00:00', '{"node": "n4", "i": 294}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 295, '2025-01-03T00:04:55+00:00', '{"node": "n0", "i": 295}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 296, '2025-01-03T00:04:56+00:00', '{"node": "n1", "i": 296}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 297, '2025-01-03T00:04:57.000500+00:00', '{"node": "n2", "i": 297}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 298, '2025-01-03T00:04:58+00:00', '{"node": "n3", "i": 298}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 299, '2025-01-03T00:04:59+00:00', '{"node": "n4", "i": 299}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 300, '2025-01-03T00:05:00+00:00', '{"node": "n0", "i": 300}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 301, '2025-01-03T00:05:01+00:00', '{"node": "n1", "i": 301}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 302, '2025-01-03T00:05:02+00:00', '{"node": "n2", "i": 302}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 303, '2025-01-03T00:05:03+00:00', '{"node": "n3", "i": 303}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 304, '2025-01-03T00:05:04.000500+00:00', '{"node": "n4", "i": 304}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 305, '2025-01-03T00:05:05+00:00', '{"node": "n0", "i": 305}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 306, '2025-01-03T00:05:06+00:00', '{"node": "n1", "i": 306}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 307, '2025-01-03T00:05:07+00:00', '{"node": "n2", "i": 307}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 308, '2025-01-03T00:05:08+00:00', '{"node": "n3", "i": 308}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 309, '2025-01-03T00:05:09+00:00', '{"node": "n4", "i": 309}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 310, '2025-01-03T00:05:10+00:00', '{"node": "n0", "i": 310}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 311, '2025-01-03T00:05:11.000500+00:00', '{"node": "n1", "i": 311}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 312, '2025-01-03T00:05:12+00:00', '{"node": "n2", "i": 312}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 313, '2025-01-03T00:05:13+00:00', '{"node": "n3", "i": 313}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 314, '2025-01-03T00:05:14+00:00', '{"node": "n4", "i": 314}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 315, '2025-01-03T00:05:15+00:00', '{"node": "n0", "i": 315}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 316, '2025-01-03T00:05:16+00:00', '{"node": "n1", "i": 316}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 317, '2025-01-03T00:05:17+00:00', '{"node": "n2", "i": 317}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 318, '2025-01-03T00:05:18.000500+00:00', '{"node": "n3", "i": 318}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 319, '2025-01-03T00:05:19+00:00', '{"node": "n4", "i": 319}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 320, '2025-01-03T00:05:20+00:00', '{"node": "n0", "i": 320}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 321, '2025-01-03T00:05:21+00:00', '{"node": "n1", "i": 321}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 322, '2025-01-03T00:05:22+00:00', '{"node": "n2", "i": 322}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 323, '2025-01-03T00:05:23+00:00', '{"node": "n3", "i": 323}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 324, '2025-01-03T00:05:24+00:00', '{"node": "n4", "i": 324}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 325, '2025-01-03T00:05:25.000500+00:00', '{"node": "n0", "i": 325}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 326, '2025-01-03T00:05:26+00:00', '{"node": "n1", "i": 326}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 327, '2025-01-03T00:05:27+00:00', '{"node": "n2", "i": 327}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 328, '2025-01-03T00:05:28+00:00', '{"node": "n3", "i": 328}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 329, '2025-01-03T00:05:29+00:00', '{"node": "n4", "i": 329}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 330, '2025-01-03T00:05:30+00:00', '{"node": "n0", "i": 330}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 331, '2025-01-03T00:05:31+00:00', '{"node": "n1", "i": 331}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 332, '2025-01-03T00:05:32.000500+00:00', '{"node": "n2", "i": 332}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 333, '2025-01-03T00:05:33+00:00', '{"node": "n3", "i": 333}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 334, '2025-01-03T00:05:34+00:00', '{"node": "n4", "i": 334}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 335, '2025-01-03T00:05:35+00:00', '{"node": "n0", "i": 335}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 336, '2025-01-03T00:05:36+00:00', '{"node": "n1", "i": 336}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 337, '2025-01-03T00:05:37+00:00', '{"node": "n2", "i": 337}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 338, '2025-01-03T00:05:38+00:00', '{"node": "n3", "i": 338}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 339, '2025-01-03T00:05:39.000500+00:00', '{"node": "n4", "i": 339}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 340, '2025-01-03T00:05:40+00:00', '{"node": "n0", "i": 340}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 341, '2025-01-03T00:05:41+00:00', '{"node": "n1", "i": 341}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 342, '2025-01-03T00:05:42+00:00', '{"node": "n2", "i": 342}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 343, '2025-01-03T00:05:43+00:00', '{"node": "n3", "i": 343}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 344, '2025-01-03T00:05:44+00:00', '{"node": "n4", "i": 344}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 345, '2025-01-03T00:05:45+00:00', '{"node": "n0", "i": 345}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 346, '2025-01-03T00:05:46.000500+00:00', '{"node": "n1", "i": 346}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 347, '2025-01-03T00:05:47+00:00', '{"node": "n2", "i": 347}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 348, '2025-01-03T00:05:48+00:00', '{"node": "n3", "i": 348}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 349, '2025-01-03T00:05:49+00:00', '{"node": "n4", "i": 349}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 350, '2025-01-03T00:05:50+00:00', '{"node": "n0", "i": 350}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 351, '2025-01-03T00:05:51+00:00', '{"node": "n1", "i": 351}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 352, '2025-01-03T00:05:52+00:00', '{"node": "n2", "i": 352}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 353, '2025-01-03T00:05:53.000500+00:00', '{"node": "n3", "i": 353}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 354, '2025-01-03T00:05:54+00:00', '{"node": "n4", "i": 354}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 355, '2025-01-03T00:05:55+00:00', '{"node": "n0", "i": 355}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 356, '2025-01-03T00:05:56+00:00', '{"node": "n1", "i": 356}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 357, '2025-01-03T00:05:57+00:00', '{"node": "n2", "i": 357}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 358, '2025-01-03T00:05:58+00:00', '{"node": "n3", "i": 358}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 359, '2025-01-03T00:05:59+00:00', '{"node": "n4", "i": 359}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 360, '2025-01-03T00:06:00.000500+00:00', '{"node": "n0", "i": 360}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 361, '2025-01-03T00:06:01+00:00', '{"node": "n1", "i": 361}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 362, '2025-01-03T00:06:02+00:00', '{"node": "n2", "i": 362}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 363, '2025-01-03T00:06:03+00:00', '{"node": "n3", "i": 363}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 364, '2025-01-03T00:06:04+00:00', '{"node": "n4", "i": 364}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 365, '2025-01-03T00:06:05+00:00', '{"node": "n0", "i": 365}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 366, '2025-01-03T00:06:06+00:00', '{"node": "n1", "i": 366}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 367, '2025-01-03T00:06:07.000500+00:00', '{"node": "n2", "i": 367}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 368, '2025-01-03T00:06:08+00:00', '{"node": "n3", "i": 368}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 369, '2025-01-03T00:06:09+00:00', '{"node": "n4", "i": 369}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 370, '2025-01-03T00:06:10+00:00', '{"node": "n0", "i": 370}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 371, '2025-01-03T00:06:11+00:00', '{"node": "n1", "i": 371}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 372, '2025-01-03T00:06:12+00:00', '{"node": "n2", "i": 372}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 373, '2025-01-03T00:06:13+00:00', '{"node": "n3", "i": 373}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 374, '2025-01-03T00:06:14.000500+00:00', '{"node": "n4", "i": 374}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 375, '2025-01-03T00:06:15+00:00', '{"node": "n0", "i": 375}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 376, '2025-01-03T00:06:16+00:00', '{"node": "n1", "i": 376}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 377, '2025-01-03T00:06:17+00:00', '{"node": "n2", "i": 377}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 378, '2025-01-03T00:06:18+00:00', '{"node": "n3", "i": 378}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 379, '2025-01-03T00:06:19+00:00', '{"node": "n4", "i": 379}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 380, '2025-01-03T00:06:20+00:00', '{"node": "n0", "i": 380}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 381, '2025-01-03T00:06:21.000500+00:00', '{"node": "n1", "i": 381}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 382, '2025-01-03T00:06:22+00:00', '{"node": "n2", "i": 382}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 383, '2025-01-03T00:06:23+00:00', '{"node": "n3", "i": 383}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 384, '2025-01-03T00:06:24+00:00', '{"node": "n4", "i": 384}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 385, '2025-01-03T00:06:25+00:00', '{"node": "n0", "i": 385}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 386, '2025-01-03T00:06:26+00:00', '{"node": "n1", "i": 386}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 387, '2025-01-03T00:06:27+00:00', '{"node": "n2", "i": 387}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 388, '2025-01-03T00:06:28.000500+00:00', '{"node": "n3", "i": 388}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 389, '2025-01-03T00:06:29+00:00', '{"node": "n4", "i": 389}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 390, '2025-01-03T00:06:30+00:00', '{"node": "n0", "i": 390}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 391, '2025-01-03T00:06:31+00:00', '{"node": "n1", "i": 391}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 392, '2025-01-03T00:06:32+00:00', '{"node": "n2", "i": 392}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 393, '2025-01-03T00:06:33+00:00', '{"node": "n3", "i": 393}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 394, '2025-01-03T00:06:34+00:00', '{"node": "n4", "i": 394}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 395, '2025-01-03T00:06:35.000500+00:00', '{"node": "n0", "i": 395}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 396, '2025-01-03T00:06:36+00:00', '{"node": "n1", "i": 396}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 397, '2025-01-03T00:06:37+00:00', '{"node": "n2", "i": 397}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 398, '2025-01-03T00:06:38+00:00', '{"node": "n3", "i": 398}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 399, '2025-01-03T00:06:39+00:00', '{"node": "n4", "i": 399}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 400, '2025-01-03T00:06:40+00:00', '{"node": "n0", "i": 400}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 401, '2025-01-03T00:06:41+00:00', '{"node": "n1", "i": 401}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 402, '2025-01-03T00:06:42.000500+00:00', '{"node": "n2", "i": 402}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 403, '2025-01-03T00:06:43+00:00', '{"node": "n3", "i": 403}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 404, '2025-01-03T00:06:44+00:00', '{"node": "n4", "i": 404}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 405, '2025-01-03T00:06:45+00:00', '{"node": "n0", "i": 405}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 406, '2025-01-03T00:06:46+00:00', '{"node": "n1", "i": 406}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 407, '2025-01-03T00:06:47+00:00', '{"node": "n2", "i": 407}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 408, '2025-01-03T00:06:48+00:00', '{"node": "n3", "i": 408}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 409, '2025-01-03T00:06:49.000500+00:00', '{"node": "n4", "i": 409}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 410, '2025-01-03T00:06:50+00:00', '{"node": "n0", "i": 410}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 411, '2025-01-03T00:06:51+00:00', '{"node": "n1", "i": 411}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 412, '2025-01-03T00:06:52+00:00', '{"node": "n2", "i": 412}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 413, '2025-01-03T00:06:53+00:00', '{"node": "n3", "i": 413}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 414, '2025-01-03T00:06:54+00:00', '{"node": "n4", "i": 414}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 415, '2025-01-03T00:06:55+00:00', '{"node": "n0", "i": 415}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 416, '2025-01-03T00:06:56.000500+00:00', '{"node": "n1", "i": 416}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 417, '2025-01-03T00:06:57+00:00', '{"node": "n2", "i": 417}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 418, '2025-01-03T00:06:58+00:00', '{"node": "n3", "i": 418}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 419, '2025-01-03T00:06:59+00:00', '{"node": "n4", "i": 419}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 420, '2025-01-03T00:07:00+00:00', '{"node": "n0", "i": 420}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 421, '2025-01-03T00:07:01+00:00', '{"node": "n1", "i": 421}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 422, '2025-01-03T00:07:02+00:00', '{"node": "n2", "i": 422}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 423, '2025-01-03T00:07:03.000500+00:00', '{"node": "n3", "i": 423}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 424, '2025-01-03T00:07:04+00:00', '{"node": "n4", "i": 424}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 425, '2025-01-03T00:07:05+00:00', '{"node": "n0", "i": 425}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 426, '2025-01-03T00:07:06+00:00', '{"node": "n1", "i": 426}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 427, '2025-01-03T00:07:07+00:00', '{"node": "n2", "i": 427}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 428, '2025-01-03T00:07:08+00:00', '{"node": "n3", "i": 428}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 429, '2025-01-03T00:07:09+00:00', '{"node": "n4", "i": 429}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 430, '2025-01-03T00:07:10.000500+00:00', '{"node": "n0", "i": 430}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 431, '2025-01-03T00:07:11+00:00', '{"node": "n1", "i": 431}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 432, '2025-01-03T00:07:12+00:00', '{"node": "n2", "i": 432}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 433, '2025-01-03T00:07:13+00:00', '{"node": "n3", "i": 433}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 434, '2025-01-03T00:07:14+00:00', '{"node": "n4", "i": 434}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 435, '2025-01-03T00:07:15+00:00', '{"node": "n0", "i": 435}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 436, '2025-01-03T00:07:16+00:00', '{"node": "n1", "i": 436}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 437, '2025-01-03T00:07:17.000500+00:00', '{"node": "n2", "i": 437}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 438, '2025-01-03T00:07:18+00:00', '{"node": "n3", "i": 438}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 439, '2025-01-03T00:07:19+00:00', '{"node": "n4", "i": 439}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 440, '2025-01-03T00:07:20+00:00', '{"node": "n0", "i": 440}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 441, '2025-01-03T00:07:21+00:00', '{"node": "n1", "i": 441}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 442, '2025-01-03T00:07:22+00:00', '{"node": "n2", "i": 442}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 443, '2025-01-03T00:07:23+00:00', '{"node": "n3", "i": 443}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 444, '2025-01-03T00:07:24.000500+00:00', '{"node": "n4", "i": 444}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 445, '2025-01-03T00:07:25+00:00', '{"node": "n0", "i": 445}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 446, '2025-01-03T00:07:26+00:00', '{"node": "n1", "i": 446}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 447, '2025-01-03T00:07:27+00:00', '{"node": "n2", "i": 447}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 448, '2025-01-03T00:07:28+00:00', '{"node": "n3", "i": 448}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 449, '2025-01-03T00:07:29+00:00', '{"node": "n4", "i": 449}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 450, '2025-01-03T00:07:30+00:00', '{"node": "n0", "i": 450}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 451, '2025-01-03T00:07:31.000500+00:00', '{"node": "n1", "i": 451}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 452, '2025-01-03T00:07:32+00:00', '{"node": "n2", "i": 452}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 453, '2025-01-03T00:07:33+00:00', '{"node": "n3", "i": 453}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 454, '2025-01-03T00:07:34+00:00', '{"node": "n4", "i": 454}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 455, '2025-01-03T00:07:35+00:00', '{"node": "n0", "i": 455}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 456, '2025-01-03T00:07:36+00:00', '{"node": "n1", "i": 456}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 457, '2025-01-03T00:07:37+00:00', '{"node": "n2", "i": 457}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 458, '2025-01-03T00:07:38.000500+00:00', '{"node": "n3", "i": 458}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 459, '2025-01-03T00:07:39+00:00', '{"node": "n4", "i": 459}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 460, '2025-01-03T00:07:40+00:00', '{"node": "n0", "i": 460}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 461, '2025-01-03T00:07:41+00:00', '{"node": "n1", "i": 461}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 462, '2025-01-03T00:07:42+00:00', '{"node": "n2", "i": 462}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 463, '2025-01-03T00:07:43+00:00', '{"node": "n3", "i": 463}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 464, '2025-01-03T00:07:44+00:00', '{"node": "n4", "i": 464}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 465, '2025-01-03T00:07:45.000500+00:00', '{"node": "n0", "i": 465}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 466, '2025-01-03T00:07:46+00:00', '{"node": "n1", "i": 466}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 467, '2025-01-03T00:07:47+00:00', '{"node": "n2", "i": 467}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 468, '2025-01-03T00:07:48+00:00', '{"node": "n3", "i": 468}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 469, '2025-01-03T00:07:49+00:00', '{"node": "n4", "i": 469}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 470, '2025-01-03T00:07:50+00:00', '{"node": "n0", "i": 470}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 471, '2025-01-03T00:07:51+00:00', '{"node": "n1", "i": 471}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 472, '2025-01-03T00:07:52.000500+00:00', '{"node": "n2", "i": 472}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 473, '2025-01-03T00:07:53+00:00', '{"node": "n3", "i": 473}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 474, '2025-01-03T00:07:54+00:00', '{"node": "n4", "i": 474}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 475, '2025-01-03T00:07:55+00:00', '{"node": "n0", "i": 475}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 476, '2025-01-03T00:07:56+00:00', '{"node": "n1", "i": 476}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 477, '2025-01-03T00:07:57+00:00', '{"node": "n2", "i": 477}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 478, '2025-01-03T00:07:58+00:00', '{"node": "n3", "i": 478}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 479, '2025-01-03T00:07:59.000500+00:00', '{"node": "n4", "i": 479}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 480, '2025-01-03T00:08:00+00:00', '{"node": "n0", "i": 480}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 481, '2025-01-03T00:08:01+00:00', '{"node": "n1", "i": 481}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 482, '2025-01-03T00:08:02+00:00', '{"node": "n2", "i": 482}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 483, '2025-01-03T00:08:03+00:00', '{"node": "n3", "i": 483}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 484, '2025-01-03T00:08:04+00:00', '{"node": "n4", "i": 484}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 485, '2025-01-03T00:08:05+00:00', '{"node": "n0", "i": 485}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 486, '2025-01-03T00:08:06.000500+00:00', '{"node": "n1", "i": 486}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 487, '2025-01-03T00:08:07+00:00', '{"node": "n2", "i": 487}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 488, '2025-01-03T00:08:08+00:00', '{"node": "n3", "i": 488}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 489, '2025-01-03T00:08:09+00:00', '{"node": "n4", "i": 489}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 490, '2025-01-03T00:08:10+00:00', '{"node": "n0", "i": 490}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 491, '2025-01-03T00:08:11+00:00', '{"node": "n1", "i": 491}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 492, '2025-01-03T00:08:12+00:00', '{"node": "n2", "i": 492}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 493, '2025-01-03T00:08:13.000500+00:00', '{"node": "n3", "i": 493}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 494, '2025-01-03T00:08:14+00:00', '{"node": "n4", "i": 494}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 495, '2025-01-03T00:08:15+00:00', '{"node": "n0", "i": 495}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 496, '2025-01-03T00:08:16+00:00', '{"node": "n1", "i": 496}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 497, '2025-01-03T00:08:17+00:00', '{"node": "n2", "i": 497}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 498, '2025-01-03T00:08:18+00:00', '{"node": "n3", "i": 498}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 499, '2025-01-03T00:08:19+00:00', '{"node": "n4", "i": 499}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 500, '2025-01-03T00:08:20.000500+00:00', '{"node": "n0", "i": 500, "note": "caf\u00e9 \u65e5\u672c \ud83d\ude00"}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 501, '2025-01-03T00:08:21+00:00', '{"node": "n1", "i": 501}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 502, '2025-01-03T00:08:22+00:00', '{"node": "n2", "i": 502}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 503, '2025-01-03T00:08:23+00:00', '{"node": "n3", "i": 503}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 504, '2025-01-03T00:08:24+00:00', '{"node": "n4", "i": 504}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 505, '2025-01-03T00:08:25+00:00', '{"node": "n0", "i": 505}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 506, '2025-01-03T00:08:26+00:00', '{"node": "n1", "i": 506}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 507, '2025-01-03T00:08:27.000500+00:00', '{"node": "n2", "i": 507}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 508, '2025-01-03T00:08:28+00:00', '{"node": "n3", "i": 508}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 509, '2025-01-03T00:08:29+00:00', '{"node": "n4", "i": 509}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 510, '2025-01-03T00:08:30+00:00', '{"node": "n0", "i": 510}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 511, '2025-01-03T00:08:31+00:00', '{"node": "n1", "i": 511}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 512, '2025-01-03T00:08:32+00:00', '{"node": "n2", "i": 512}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 513, '2025-01-03T00:08:33+00:00', '{"node": "n3", "i": 513}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 514, '2025-01-03T00:08:34.000500+00:00', '{"node": "n4", "i": 514}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 515, '2025-01-03T00:08:35+00:00', '{"node": "n0", "i": 515}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 516, '2025-01-03T00:08:36+00:00', '{"node": "n1", "i": 516}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 517, '2025-01-03T00:08:37+00:00', '{"node": "n2", "i": 517}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 518, '2025-01-03T00:08:38+00:00', '{"node": "n3", "i": 518}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 519, '2025-01-03T00:08:39+00:00', '{"node": "n4", "i": 519}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 520, '2025-01-03T00:08:40+00:00', '{"node": "n0", "i": 520}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 521, '2025-01-03T00:08:41.000500+00:00', '{"node": "n1", "i": 521}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 522, '2025-01-03T00:08:42+00:00', '{"node": "n2", "i": 522}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 523, '2025-01-03T00:08:43+00:00', '{"node": "n3", "i": 523}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 524, '2025-01-03T00:08:44+00:00', '{"node": "n4", "i": 524}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 525, '2025-01-03T00:08:45+00:00', '{"node": "n0", "i": 525}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 526, '2025-01-03T00:08:46+00:00', '{"node": "n1", "i": 526}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 527, '2025-01-03T00:08:47+00:00', '{"node": "n2", "i": 527}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 528, '2025-01-03T00:08:48.000500+00:00', '{"node": "n3", "i": 528}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 529, '2025-01-03T00:08:49+00:00', '{"node": "n4", "i": 529}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 530, '2025-01-03T00:08:50+00:00', '{"node": "n0", "i": 530}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 531, '2025-01-03T00:08:51+00:00', '{"node": "n1", "i": 531}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 532, '2025-01-03T00:08:52+00:00', '{"node": "n2", "i": 532}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 533, '2025-01-03T00:08:53+00:00', '{"node": "n3", "i": 533}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 534, '2025-01-03T00:08:54+00:00', '{"node": "n4", "i": 534}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 535, '2025-01-03T00:08:55.000500+00:00', '{"node": "n0", "i": 535}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 536, '2025-01-03T00:08:56+00:00', '{"node": "n1", "i": 536}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 537, '2025-01-03T00:08:57+00:00', '{"node": "n2", "i": 537}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 538, '2025-01-03T00:08:58+00:00', '{"node": "n3", "i": 538}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 539, '2025-01-03T00:08:59+00:00', '{"node": "n4", "i": 539}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 540, '2025-01-03T00:09:00+00:00', '{"node": "n0", "i": 540}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 541, '2025-01-03T00:09:01+00:00', '{"node": "n1", "i": 541}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 542, '2025-01-03T00:09:02.000500+00:00', '{"node": "n2", "i": 542}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 543, '2025-01-03T00:09:03+00:00', '{"node": "n3", "i": 543}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 544, '2025-01-03T00:09:04+00:00', '{"node": "n4", "i": 544}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 545, '2025-01-03T00:09:05+00:00', '{"node": "n0", "i": 545}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 546, '2025-01-03T00:09:06+00:00', '{"node": "n1", "i": 546}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 547, '2025-01-03T00:09:07+00:00', '{"node": "n2", "i": 547}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 548, '2025-01-03T00:09:08+00:00', '{"node": "n3", "i": 548}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 549, '2025-01-03T00:09:09.000500+00:00', '{"node": "n4", "i": 549}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 550, '2025-01-03T00:09:10+00:00', '{"node": "n0", "i": 550}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 551, '2025-01-03T00:09:11+00:00', '{"node": "n1", "i": 551}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 552, '2025-01-03T00:09:12+00:00', '{"node": "n2", "i": 552}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 553, '2025-01-03T00:09:13+00:00', '{"node": "n3", "i": 553}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 554, '2025-01-03T00:09:14+00:00', '{"node": "n4", "i": 554}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 555, '2025-01-03T00:09:15+00:00', '{"node": "n0", "i": 555}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 556, '2025-01-03T00:09:16.000500+00:00', '{"node": "n1", "i": 556}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 557, '2025-01-03T00:09:17+00:00', '{"node": "n2", "i": 557}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 558, '2025-01-03T00:09:18+00:00', '{"node": "n3", "i": 558}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 559, '2025-01-03T00:09:19+00:00', '{"node": "n4", "i": 559}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 560, '2025-01-03T00:09:20+00:00', '{"node": "n0", "i": 560}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 561, '2025-01-03T00:09:21+00:00', '{"node": "n1", "i": 561}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 562, '2025-01-03T00:09:22+00:00', '{"node": "n2", "i": 562}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 563, '2025-01-03T00:09:23.000500+00:00', '{"node": "n3", "i": 563}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 564, '2025-01-03T00:09:24+00:00', '{"node": "n4", "i": 564}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 565, '2025-01-03T00:09:25+00:00', '{"node": "n0", "i": 565}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 566, '2025-01-03T00:09:26+00:00', '{"node": "n1", "i": 566}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 567, '2025-01-03T00:09:27+00:00', '{"node": "n2", "i": 567}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 568, '2025-01-03T00:09:28+00:00', '{"node": "n3", "i": 568}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 569, '2025-01-03T00:09:29+00:00', '{"node": "n4", "i": 569}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 570, '2025-01-03T00:09:30.000500+00:00', '{"node": "n0", "i": 570}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 571, '2025-01-03T00:09:31+00:00', '{"node": "n1", "i": 571}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 572, '2025-01-03T00:09:32+00:00', '{"node": "n2", "i": 572}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 573, '2025-01-03T00:09:33+00:00', '{"node": "n3", "i": 573}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 574, '2025-01-03T00:09:34+00:00', '{"node": "n4", "i": 574}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 575, '2025-01-03T00:09:35+00:00', '{"node": "n0", "i": 575}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 576, '2025-01-03T00:09:36+00:00', '{"node": "n1", "i": 576}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 577, '2025-01-03T00:09:37.000500+00:00', '{"node": "n2", "i": 577}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 578, '2025-01-03T00:09:38+00:00', '{"node": "n3", "i": 578}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 579, '2025-01-03T00:09:39+00:00', '{"node": "n4", "i": 579}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 580, '2025-01-03T00:09:40+00:00', '{"node": "n0", "i": 580}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 581, '2025-01-03T00:09:41+00:00', '{"node": "n1", "i": 581}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 582, '2025-01-03T00:09:42+00:00', '{"node": "n2", "i": 582}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 583, '2025-01-03T00:09:43+00:00', '{"node": "n3", "i": 583}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 584, '2025-01-03T00:09:44.000500+00:00', '{"node": "n4", "i": 584}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 585, '2025-01-03T00:09:45+00:00', '{"node": "n0", "i": 585}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 586, '2025-01-03T00:09:46+00:00', '{"node": "n1", "i": 586}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 587, '2025-01-03T00:09:47+00:00', '{"node": "n2", "i": 587}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 588, '2025-01-03T00:09:48+00:00', '{"node": "n3", "i": 588}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 589, '2025-01-03T00:09:49+00:00', '{"node": "n4", "i": 589}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 590, '2025-01-03T00:09:50+00:00', '{"node": "n0", "i": 590}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 591, '2025-01-03T00:09:51.000500+00:00', '{"node": "n1", "i": 591}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 592, '2025-01-03T00:09:52+00:00', '{"node": "n2", "i": 592}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 593, '2025-01-03T00:09:53+00:00', '{"node": "n3", "i": 593}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 594, '2025-01-03T00:09:54+00:00', '{"node": "n4", "i": 594}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 595, '2025-01-03T00:09:55+00:00', '{"node": "n0", "i": 595}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 596, '2025-01-03T00:09:56+00:00', '{"node": "n1", "i": 596}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 597, '2025-01-03T00:09:57+00:00', '{"node": "n2", "i": 597}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 598, '2025-01-03T00:09:58.000500+00:00', '{"node": "n3", "i": 598}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 599, '2025-01-03T00:09:59+00:00', '{"node": "n4", "i": 599}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 600, '2025-01-03T00:10:00+00:00', '{"node": "n0", "i": 600}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 601, '2025-01-03T00:10:01+00:00', '{"node": "n1", "i": 601}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 602, '2025-01-03T00:10:02+00:00', '{"node": "n2", "i": 602}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 603, '2025-01-03T00:10:03+00:00', '{"node": "n3", "i": 603}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 604, '2025-01-03T00:10:04+00:00', '{"node": "n4", "i": 604}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 605, '2025-01-03T00:10:05.000500+00:00', '{"node": "n0", "i": 605}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 606, '2025-01-03T00:10:06+00:00', '{"node": "n1", "i": 606}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 607, '2025-01-03T00:10:07+00:00', '{"node": "n2", "i": 607}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 608, '2025-01-03T00:10:08+00:00', '{"node": "n3", "i": 608}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 609, '2025-01-03T00:10:09+00:00', '{"node": "n4", "i": 609}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 610, '2025-01-03T00:10:10+00:00', '{"node": "n0", "i": 610}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 611, '2025-01-03T00:10:11+00:00', '{"node": "n1", "i": 611}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 612, '2025-01-03T00:10:12.000500+00:00', '{"node": "n2", "i": 612}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 613, '2025-01-03T00:10:13+00:00', '{"node": "n3", "i": 613}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 614, '2025-01-03T00:10:14+00:00', '{"node": "n4", "i": 614}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 615, '2025-01-03T00:10:15+00:00', '{"node": "n0", "i": 615}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 616, '2025-01-03T00:10:16+00:00', '{"node": "n1", "i": 616}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 617, '2025-01-03T00:10:17+00:00', '{"node": "n2", "i": 617}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 618, '2025-01-03T00:10:18+00:00', '{"node": "n3", "i": 618}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 619, '2025-01-03T00:10:19.000500+00:00', '{"node": "n4", "i": 619}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 620, '2025-01-03T00:10:20+00:00', '{"node": "n0", "i": 620}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 621, '2025-01-03T00:10:21+00:00', '{"node": "n1", "i": 621}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 622, '2025-01-03T00:10:22+00:00', '{"node": "n2", "i": 622}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 623, '2025-01-03T00:10:23+00:00', '{"node": "n3", "i": 623}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 624, '2025-01-03T00:10:24+00:00', '{"node": "n4", "i": 624}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 625, '2025-01-03T00:10:25+00:00', '{"node": "n0", "i": 625}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 626, '2025-01-03T00:10:26.000500+00:00', '{"node": "n1", "i": 626}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 627, '2025-01-03T00:10:27+00:00', '{"node": "n2", "i": 627}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 628, '2025-01-03T00:10:28+00:00', '{"node": "n3", "i": 628}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 629, '2025-01-03T00:10:29+00:00', '{"node": "n4", "i": 629}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 630, '2025-01-03T00:10:30+00:00', '{"node": "n0", "i": 630}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 631, '2025-01-03T00:10:31+00:00', '{"node": "n1", "i": 631}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 632, '2025-01-03T00:10:32+00:00', '{"node": "n2", "i": 632}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 633, '2025-01-03T00:10:33.000500+00:00', '{"node": "n3", "i": 633}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 634, '2025-01-03T00:10:34+00:00', '{"node": "n4", "i": 634}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 635, '2025-01-03T00:10:35+00:00', '{"node": "n0", "i": 635}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 636, '2025-01-03T00:10:36+00:00', '{"node": "n1", "i": 636}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 637, '2025-01-03T00:10:37+00:00', '{"node": "n2", "i": 637}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 638, '2025-01-03T00:10:38+00:00', '{"node": "n3", "i": 638}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 639, '2025-01-03T00:10:39+00:00', '{"node": "n4", "i": 639}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 640, '2025-01-03T00:10:40.000500+00:00', '{"node": "n0", "i": 640}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 641, '2025-01-03T00:10:41+00:00', '{"node": "n1", "i": 641}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 642, '2025-01-03T00:10:42+00:00', '{"node": "n2", "i": 642}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 643, '2025-01-03T00:10:43+00:00', '{"node": "n3", "i": 643}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 644, '2025-01-03T00:10:44+00:00', '{"node": "n4", "i": 644}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 645, '2025-01-03T00:10:45+00:00', '{"node": "n0", "i": 645}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 646, '2025-01-03T00:10:46+00:00', '{"node": "n1", "i": 646}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 647, '2025-01-03T00:10:47.000500+00:00', '{"node": "n2", "i": 647}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 648, '2025-01-03T00:10:48+00:00', '{"node": "n3", "i": 648}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 649, '2025-01-03T00:10:49+00:00', '{"node": "n4", "i": 649}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 650, '2025-01-03T00:10:50+00:00', '{"node": "n0", "i": 650}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 651, '2025-01-03T00:10:51+00:00', '{"node": "n1", "i": 651}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 652, '2025-01-03T00:10:52+00:00', '{"node": "n2", "i": 652}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 653, '2025-01-03T00:10:53+00:00', '{"node": "n3", "i": 653}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 654, '2025-01-03T00:10:54.000500+00:00', '{"node": "n4", "i": 654}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 655, '2025-01-03T00:10:55+00:00', '{"node": "n0", "i": 655}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 656, '2025-01-03T00:10:56+00:00', '{"node": "n1", "i": 656}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 657, '2025-01-03T00:10:57+00:00', '{"node": "n2", "i": 657}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 658, '2025-01-03T00:10:58+00:00', '{"node": "n3", "i": 658}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 659, '2025-01-03T00:10:59+00:00', '{"node": "n4", "i": 659}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 660, '2025-01-03T00:11:00+00:00', '{"node": "n0", "i": 660}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 661, '2025-01-03T00:11:01.000500+00:00', '{"node": "n1", "i": 661}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 662, '2025-01-03T00:11:02+00:00', '{"node": "n2", "i": 662}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 663, '2025-01-03T00:11:03+00:00', '{"node": "n3", "i": 663}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 664, '2025-01-03T00:11:04+00:00', '{"node": "n4", "i": 664}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 665, '2025-01-03T00:11:05+00:00', '{"node": "n0", "i": 665}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 666, '2025-01-03T00:11:06+00:00', '{"node": "n1", "i": 666}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 667, '2025-01-03T00:11:07+00:00', '{"node": "n2", "i": 667}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 668, '2025-01-03T00:11:08.000500+00:00', '{"node": "n3", "i": 668}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 669, '2025-01-03T00:11:09+00:00', '{"node": "n4", "i": 669}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 670, '2025-01-03T00:11:10+00:00', '{"node": "n0", "i": 670}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 671, '2025-01-03T00:11:11+00:00', '{"node": "n1", "i": 671}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 672, '2025-01-03T00:11:12+00:00', '{"node": "n2", "i": 672}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 673, '2025-01-03T00:11:13+00:00', '{"node": "n3", "i": 673}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 674, '2025-01-03T00:11:14+00:00', '{"node": "n4", "i": 674}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 675, '2025-01-03T00:11:15.000500+00:00', '{"node": "n0", "i": 675}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 676, '2025-01-03T00:11:16+00:00', '{"node": "n1", "i": 676}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 677, '2025-01-03T00:11:17+00:00', '{"node": "n2", "i": 677}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 678, '2025-01-03T00:11:18+00:00', '{"node": "n3", "i": 678}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 679, '2025-01-03T00:11:19+00:00', '{"node": "n4", "i": 679}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 680, '2025-01-03T00:11:20+00:00', '{"node": "n0", "i": 680}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 681, '2025-01-03T00:11:21+00:00', '{"node": "n1", "i": 681}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 682, '2025-01-03T00:11:22.000500+00:00', '{"node": "n2", "i": 682}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 683, '2025-01-03T00:11:23+00:00', '{"node": "n3", "i": 683}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 684, '2025-01-03T00:11:24+00:00', '{"node": "n4", "i": 684}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 685, '2025-01-03T00:11:25+00:00', '{"node": "n0", "i": 685}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 686, '2025-01-03T00:11:26+00:00', '{"node": "n1", "i": 686}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 687, '2025-01-03T00:11:27+00:00', '{"node": "n2", "i": 687}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 688, '2025-01-03T00:11:28+00:00', '{"node": "n3", "i": 688}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 689, '2025-01-03T00:11:29.000500+00:00', '{"node": "n4", "i": 689}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 690, '2025-01-03T00:11:30+00:00', '{"node": "n0", "i": 690}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 691, '2025-01-03T00:11:31+00:00', '{"node": "n1", "i": 691}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 692, '2025-01-03T00:11:32+00:00', '{"node": "n2", "i": 692}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 693, '2025-01-03T00:11:33+00:00', '{"node": "n3", "i": 693}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 694, '2025-01-03T00:11:34+00:00', '{"node": "n4", "i": 694}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 695, '2025-01-03T00:11:35+00:00', '{"node": "n0", "i": 695}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 696, '2025-01-03T00:11:36.000500+00:00', '{"node": "n1", "i": 696}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 697, '2025-01-03T00:11:37+00:00', '{"node": "n2", "i": 697}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 698, '2025-01-03T00:11:38+00:00', '{"node": "n3", "i": 698}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 699, '2025-01-03T00:11:39+00:00', '{"node": "n4", "i": 699}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 700, '2025-01-03T00:11:40+00:00', '{"node": "n0", "i": 700}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 701, '2025-01-03T00:11:41+00:00', '{"node": "n1", "i": 701}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 702, '2025-01-03T00:11:42+00:00', '{"node": "n2", "i": 702}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 703, '2025-01-03T00:11:43.000500+00:00', '{"node": "n3", "i": 703}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 704, '2025-01-03T00:11:44+00:00', '{"node": "n4", "i": 704}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 705, '2025-01-03T00:11:45+00:00', '{"node": "n0", "i": 705}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 706, '2025-01-03T00:11:46+00:00', '{"node": "n1", "i": 706}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 707, '2025-01-03T00:11:47+00:00', '{"node": "n2", "i": 707}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 708, '2025-01-03T00:11:48+00:00', '{"node": "n3", "i": 708}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 709, '2025-01-03T00:11:49+00:00', '{"node": "n4", "i": 709}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 710, '2025-01-03T00:11:50.000500+00:00', '{"node": "n0", "i": 710}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 711, '2025-01-03T00:11:51+00:00', '{"node": "n1", "i": 711}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 712, '2025-01-03T00:11:52+00:00', '{"node": "n2", "i": 712}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 713, '2025-01-03T00:11:53+00:00', '{"node": "n3", "i": 713}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 714, '2025-01-03T00:11:54+00:00', '{"node": "n4", "i": 714}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 715, '2025-01-03T00:11:55+00:00', '{"node": "n0", "i": 715}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 716, '2025-01-03T00:11:56+00:00', '{"node": "n1", "i": 716}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 717, '2025-01-03T00:11:57.000500+00:00', '{"node": "n2", "i": 717}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 718, '2025-01-03T00:11:58+00:00', '{"node": "n3", "i": 718}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 719, '2025-01-03T00:11:59+00:00', '{"node": "n4", "i": 719}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 720, '2025-01-03T00:12:00+00:00', '{"node": "n0", "i": 720}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 721, '2025-01-03T00:12:01+00:00', '{"node": "n1", "i": 721}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 722, '2025-01-03T00:12:02+00:00', '{"node": "n2", "i": 722}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 723, '2025-01-03T00:12:03+00:00', '{"node": "n3", "i": 723}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 724, '2025-01-03T00:12:04.000500+00:00', '{"node": "n4", "i": 724}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 725, '2025-01-03T00:12:05+00:00', '{"node": "n0", "i": 725}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 726, '2025-01-03T00:12:06+00:00', '{"node": "n1", "i": 726}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 727, '2025-01-03T00:12:07+00:00', '{"node": "n2", "i": 727}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 728, '2025-01-03T00:12:08+00:00', '{"node": "n3", "i": 728}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 729, '2025-01-03T00:12:09+00:00', '{"node": "n4", "i": 729}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 730, '2025-01-03T00:12:10+00:00', '{"node": "n0", "i": 730}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 731, '2025-01-03T00:12:11.000500+00:00', '{"node": "n1", "i": 731}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 732, '2025-01-03T00:12:12+00:00', '{"node": "n2", "i": 732}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 733, '2025-01-03T00:12:13+00:00', '{"node": "n3", "i": 733}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 734, '2025-01-03T00:12:14+00:00', '{"node": "n4", "i": 734}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 735, '2025-01-03T00:12:15+00:00', '{"node": "n0", "i": 735}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 736, '2025-01-03T00:12:16+00:00', '{"node": "n1", "i": 736}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 737, '2025-01-03T00:12:17+00:00', '{"node": "n2", "i": 737}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 738, '2025-01-03T00:12:18.000500+00:00', '{"node": "n3", "i": 738}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 739, '2025-01-03T00:12:19+00:00', '{"node": "n4", "i": 739}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 740, '2025-01-03T00:12:20+00:00', '{"node": "n0", "i": 740}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 741, '2025-01-03T00:12:21+00:00', '{"node": "n1", "i": 741}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 742, '2025-01-03T00:12:22+00:00', '{"node": "n2", "i": 742}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 743, '2025-01-03T00:12:23+00:00', '{"node": "n3", "i": 743}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 744, '2025-01-03T00:12:24+00:00', '{"node": "n4", "i": 744}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 745, '2025-01-03T00:12:25.000500+00:00', '{"node": "n0", "i": 745}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 746, '2025-01-03T00:12:26+00:00', '{"node": "n1", "i": 746}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 747, '2025-01-03T00:12:27+00:00', '{"node": "n2", "i": 747}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 748, '2025-01-03T00:12:28+00:00', '{"node": "n3", "i": 748}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 749, '2025-01-03T00:12:29+00:00', '{"node": "n4", "i": 749}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 750, '2025-01-03T00:12:30+00:00', '{"node": "n0", "i": 750, "note": "caf\u00e9 \u65e5\u672c \ud83d\ude00"}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 751, '2025-01-03T00:12:31+00:00', '{"node": "n1", "i": 751}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 752, '2025-01-03T00:12:32.000500+00:00', '{"node": "n2", "i": 752}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 753, '2025-01-03T00:12:33+00:00', '{"node": "n3", "i": 753}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 754, '2025-01-03T00:12:34+00:00', '{"node": "n4", "i": 754}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 755, '2025-01-03T00:12:35+00:00', '{"node": "n0", "i": 755}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 756, '2025-01-03T00:12:36+00:00', '{"node": "n1", "i": 756}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 757, '2025-01-03T00:12:37+00:00', '{"node": "n2", "i": 757}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 758, '2025-01-03T00:12:38+00:00', '{"node": "n3", "i": 758}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 759, '2025-01-03T00:12:39.000500+00:00', '{"node": "n4", "i": 759}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 760, '2025-01-03T00:12:40+00:00', '{"node": "n0", "i": 760}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 761, '2025-01-03T00:12:41+00:00', '{"node": "n1", "i": 761}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 762, '2025-01-03T00:12:42+00:00', '{"node": "n2", "i": 762}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 763, '2025-01-03T00:12:43+00:00', '{"node": "n3", "i": 763}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 764, '2025-01-03T00:12:44+00:00', '{"node": "n4", "i": 764}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 765, '2025-01-03T00:12:45+00:00', '{"node": "n0", "i": 765}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 766, '2025-01-03T00:12:46.000500+00:00', '{"node": "n1", "i": 766}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 767, '2025-01-03T00:12:47+00:00', '{"node": "n2", "i": 767}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 768, '2025-01-03T00:12:48+00:00', '{"node": "n3", "i": 768}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 769, '2025-01-03T00:12:49+00:00', '{"node": "n4", "i": 769}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 770, '2025-01-03T00:12:50+00:00', '{"node": "n0", "i": 770}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 771, '2025-01-03T00:12:51+00:00', '{"node": "n1", "i": 771}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 772, '2025-01-03T00:12:52+00:00', '{"node": "n2", "i": 772}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 773, '2025-01-03T00:12:53.000500+00:00', '{"node": "n3", "i": 773}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 774, '2025-01-03T00:12:54+00:00', '{"node": "n4", "i": 774}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 775, '2025-01-03T00:12:55+00:00', '{"node": "n0", "i": 775}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 776, '2025-01-03T00:12:56+00:00', '{"node": "n1", "i": 776}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 777, '2025-01-03T00:12:57+00:00', '{"node": "n2", "i": 777}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 778, '2025-01-03T00:12:58+00:00', '{"node": "n3", "i": 778}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 779, '2025-01-03T00:12:59+00:00', '{"node": "n4", "i": 779}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 780, '2025-01-03T00:13:00.000500+00:00', '{"node": "n0", "i": 780}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 781, '2025-01-03T00:13:01+00:00', '{"node": "n1", "i": 781}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 782, '2025-01-03T00:13:02+00:00', '{"node": "n2", "i": 782}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 783, '2025-01-03T00:13:03+00:00', '{"node": "n3", "i": 783}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 784, '2025-01-03T00:13:04+00:00', '{"node": "n4", "i": 784}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 785, '2025-01-03T00:13:05+00:00', '{"node": "n0", "i": 785}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 786, '2025-01-03T00:13:06+00:00', '{"node": "n1", "i": 786}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 787, '2025-01-03T00:13:07.000500+00:00', '{"node": "n2", "i": 787}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 788, '2025-01-03T00:13:08+00:00', '{"node": "n3", "i": 788}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 789, '2025-01-03T00:13:09+00:00', '{"node": "n4", "i": 789}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 790, '2025-01-03T00:13:10+00:00', '{"node": "n0", "i": 790}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 791, '2025-01-03T00:13:11+00:00', '{"node": "n1", "i": 791}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 792, '2025-01-03T00:13:12+00:00', '{"node": "n2", "i": 792}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 793, '2025-01-03T00:13:13+00:00', '{"node": "n3", "i": 793}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 794, '2025-01-03T00:13:14.000500+00:00', '{"node": "n4", "i": 794}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 795, '2025-01-03T00:13:15+00:00', '{"node": "n0", "i": 795}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 796, '2025-01-03T00:13:16+00:00', '{"node": "n1", "i": 796}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 797, '2025-01-03T00:13:17+00:00', '{"node": "n2", "i": 797}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 798, '2025-01-03T00:13:18+00:00', '{"node": "n3", "i": 798}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 799, '2025-01-03T00:13:19+00:00', '{"node": "n4", "i": 799}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 800, '2025-01-03T00:13:20+00:00', '{"node": "n0", "i": 800}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 801, '2025-01-03T00:13:21.000500+00:00', '{"node": "n1", "i": 801}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 802, '2025-01-03T00:13:22+00:00', '{"node": "n2", "i": 802}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 803, '2025-01-03T00:13:23+00:00', '{"node": "n3", "i": 803}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 804, '2025-01-03T00:13:24+00:00', '{"node": "n4", "i": 804}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 805, '2025-01-03T00:13:25+00:00', '{"node": "n0", "i": 805}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 806, '2025-01-03T00:13:26+00:00', '{"node": "n1", "i": 806}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 807, '2025-01-03T00:13:27+00:00', '{"node": "n2", "i": 807}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 808, '2025-01-03T00:13:28.000500+00:00', '{"node": "n3", "i": 808}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 809, '2025-01-03T00:13:29+00:00', '{"node": "n4", "i": 809}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 810, '2025-01-03T00:13:30+00:00', '{"node": "n0", "i": 810}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 811, '2025-01-03T00:13:31+00:00', '{"node": "n1", "i": 811}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 812, '2025-01-03T00:13:32+00:00', '{"node": "n2", "i": 812}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 813, '2025-01-03T00:13:33+00:00', '{"node": "n3", "i": 813}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 814, '2025-01-03T00:13:34+00:00', '{"node": "n4", "i": 814}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 815, '2025-01-03T00:13:35.000500+00:00', '{"node": "n0", "i": 815}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 816, '2025-01-03T00:13:36+00:00', '{"node": "n1", "i": 816}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 817, '2025-01-03T00:13:37+00:00', '{"node": "n2", "i": 817}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 818, '2025-01-03T00:13:38+00:00', '{"node": "n3", "i": 818}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 819, '2025-01-03T00:13:39+00:00', '{"node": "n4", "i": 819}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 820, '2025-01-03T00:13:40+00:00', '{"node": "n0", "i": 820}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 821, '2025-01-03T00:13:41+00:00', '{"node": "n1", "i": 821}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 822, '2025-01-03T00:13:42.000500+00:00', '{"node": "n2", "i": 822}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 823, '2025-01-03T00:13:43+00:00', '{"node": "n3", "i": 823}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 824, '2025-01-03T00:13:44+00:00', '{"node": "n4", "i": 824}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 825, '2025-01-03T00:13:45+00:00', '{"node": "n0", "i": 825}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 826, '2025-01-03T00:13:46+00:00', '{"node": "n1", "i": 826}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 827, '2025-01-03T00:13:47+00:00', '{"node": "n2", "i": 827}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 828, '2025-01-03T00:13:48+00:00', '{"node": "n3", "i": 828}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 829, '2025-01-03T00:13:49.000500+00:00', '{"node": "n4", "i": 829}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 830, '2025-01-03T00:13:50+00:00', '{"node": "n0", "i": 830}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 831, '2025-01-03T00:13:51+00:00', '{"node": "n1", "i": 831}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 832, '2025-01-03T00:13:52+00:00', '{"node": "n2", "i": 832}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 833, '2025-01-03T00:13:53+00:00', '{"node": "n3", "i": 833}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 834, '2025-01-03T00:13:54+00:00', '{"node": "n4", "i": 834}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 835, '2025-01-03T00:13:55+00:00', '{"node": "n0", "i": 835}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 836, '2025-01-03T00:13:56.000500+00:00', '{"node": "n1", "i": 836}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 837, '2025-01-03T00:13:57+00:00', '{"node": "n2", "i": 837}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 838, '2025-01-03T00:13:58+00:00', '{"node": "n3", "i": 838}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 839, '2025-01-03T00:13:59+00:00', '{"node": "n4", "i": 839}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 840, '2025-01-03T00:14:00+00:00', '{"node": "n0", "i": 840}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 841, '2025-01-03T00:14:01+00:00', '{"node": "n1", "i": 841}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 842, '2025-01-03T00:14:02+00:00', '{"node": "n2", "i": 842}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 843, '2025-01-03T00:14:03.000500+00:00', '{"node": "n3", "i": 843}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 844, '2025-01-03T00:14:04+00:00', '{"node": "n4", "i": 844}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 845, '2025-01-03T00:14:05+00:00', '{"node": "n0", "i": 845}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 846, '2025-01-03T00:14:06+00:00', '{"node": "n1", "i": 846}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 847, '2025-01-03T00:14:07+00:00', '{"node": "n2", "i": 847}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 848, '2025-01-03T00:14:08+00:00', '{"node": "n3", "i": 848}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 849, '2025-01-03T00:14:09+00:00', '{"node": "n4", "i": 849}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 850, '2025-01-03T00:14:10.000500+00:00', '{"node": "n0", "i": 850}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 851, '2025-01-03T00:14:11+00:00', '{"node": "n1", "i": 851}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 852, '2025-01-03T00:14:12+00:00', '{"node": "n2", "i": 852}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 853, '2025-01-03T00:14:13+00:00', '{"node": "n3", "i": 853}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 854, '2025-01-03T00:14:14+00:00', '{"node": "n4", "i": 854}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 855, '2025-01-03T00:14:15+00:00', '{"node": "n0", "i": 855}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 856, '2025-01-03T00:14:16+00:00', '{"node": "n1", "i": 856}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 857, '2025-01-03T00:14:17.000500+00:00', '{"node": "n2", "i": 857}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 858, '2025-01-03T00:14:18+00:00', '{"node": "n3", "i": 858}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 859, '2025-01-03T00:14:19+00:00', '{"node": "n4", "i": 859}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 860, '2025-01-03T00:14:20+00:00', '{"node": "n0", "i": 860}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 861, '2025-01-03T00:14:21+00:00', '{"node": "n1", "i": 861}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 862, '2025-01-03T00:14:22+00:00', '{"node": "n2", "i": 862}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 863, '2025-01-03T00:14:23+00:00', '{"node": "n3", "i": 863}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 864, '2025-01-03T00:14:24.000500+00:00', '{"node": "n4", "i": 864}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 865, '2025-01-03T00:14:25+00:00', '{"node": "n0", "i": 865}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 866, '2025-01-03T00:14:26+00:00', '{"node": "n1", "i": 866}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 867, '2025-01-03T00:14:27+00:00', '{"node": "n2", "i": 867}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 868, '2025-01-03T00:14:28+00:00', '{"node": "n3", "i": 868}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 869, '2025-01-03T00:14:29+00:00', '{"node": "n4", "i": 869}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 870, '2025-01-03T00:14:30+00:00', '{"node": "n0", "i": 870}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 871, '2025-01-03T00:14:31.000500+00:00', '{"node": "n1", "i": 871}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 872, '2025-01-03T00:14:32+00:00', '{"node": "n2", "i": 872}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 873, '2025-01-03T00:14:33+00:00', '{"node": "n3", "i": 873}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 874, '2025-01-03T00:14:34+00:00', '{"node": "n4", "i": 874}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 875, '2025-01-03T00:14:35+00:00', '{"node": "n0", "i": 875}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 876, '2025-01-03T00:14:36+00:00', '{"node": "n1", "i": 876}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 877, '2025-01-03T00:14:37+00:00', '{"node": "n2", "i": 877}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 878, '2025-01-03T00:14:38.000500+00:00', '{"node": "n3", "i": 878}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 879, '2025-01-03T00:14:39+00:00', '{"node": "n4", "i": 879}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 880, '2025-01-03T00:14:40+00:00', '{"node": "n0", "i": 880}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 881, '2025-01-03T00:14:41+00:00', '{"node": "n1", "i": 881}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 882, '2025-01-03T00:14:42+00:00', '{"node": "n2", "i": 882}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 883, '2025-01-03T00:14:43+00:00', '{"node": "n3", "i": 883}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 884, '2025-01-03T00:14:44+00:00', '{"node": "n4", "i": 884}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 885, '2025-01-03T00:14:45.000500+00:00', '{"node": "n0", "i": 885}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 886, '2025-01-03T00:14:46+00:00', '{"node": "n1", "i": 886}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 887, '2025-01-03T00:14:47+00:00', '{"node": "n2", "i": 887}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 888, '2025-01-03T00:14:48+00:00', '{"node": "n3", "i": 888}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 889, '2025-01-03T00:14:49+00:00', '{"node": "n4", "i": 889}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 890, '2025-01-03T00:14:50+00:00', '{"node": "n0", "i": 890}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 891, '2025-01-03T00:14:51+00:00', '{"node": "n1", "i": 891}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 892, '2025-01-03T00:14:52.000500+00:00', '{"node": "n2", "i": 892}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 893, '2025-01-03T00:14:53+00:00', '{"node": "n3", "i": 893}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 894, '2025-01-03T00:14:54+00:00', '{"node": "n4", "i": 894}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 895, '2025-01-03T00:14:55+00:00', '{"node": "n0", "i": 895}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 896, '2025-01-03T00:14:56+00:00', '{"node": "n1", "i": 896}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 897, '2025-01-03T00:14:57+00:00', '{"node": "n2", "i": 897}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 898, '2025-01-03T00:14:58+00:00', '{"node": "n3", "i": 898}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 899, '2025-01-03T00:14:59.000500+00:00', '{"node": "n4", "i": 899}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 900, '2025-01-03T00:15:00+00:00', '{"node": "n0", "i": 900}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 901, '2025-01-03T00:15:01+00:00', '{"node": "n1", "i": 901}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 902, '2025-01-03T00:15:02+00:00', '{"node": "n2", "i": 902}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 903, '2025-01-03T00:15:03+00:00', '{"node": "n3", "i": 903}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 904, '2025-01-03T00:15:04+00:00', '{"node": "n4", "i": 904}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 905, '2025-01-03T00:15:05+00:00', '{"node": "n0", "i": 905}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 906, '2025-01-03T00:15:06.000500+00:00', '{"node": "n1", "i": 906}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 907, '2025-01-03T00:15:07+00:00', '{"node": "n2", "i": 907}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 908, '2025-01-03T00:15:08+00:00', '{"node": "n3", "i": 908}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 909, '2025-01-03T00:15:09+00:00', '{"node": "n4", "i": 909}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 910, '2025-01-03T00:15:10+00:00', '{"node": "n0", "i": 910}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 911, '2025-01-03T00:15:11+00:00', '{"node": "n1", "i": 911}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 912, '2025-01-03T00:15:12+00:00', '{"node": "n2", "i": 912}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 913, '2025-01-03T00:15:13.000500+00:00', '{"node": "n3", "i": 913}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 914, '2025-01-03T00:15:14+00:00', '{"node": "n4", "i": 914}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 915, '2025-01-03T00:15:15+00:00', '{"node": "n0", "i": 915}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 916, '2025-01-03T00:15:16+00:00', '{"node": "n1", "i": 916}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 917, '2025-01-03T00:15:17+00:00', '{"node": "n2", "i": 917}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 918, '2025-01-03T00:15:18+00:00', '{"node": "n3", "i": 918}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 919, '2025-01-03T00:15:19+00:00', '{"node": "n4", "i": 919}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 920, '2025-01-03T00:15:20.000500+00:00', '{"node": "n0", "i": 920}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 921, '2025-01-03T00:15:21+00:00', '{"node": "n1", "i": 921}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 922, '2025-01-03T00:15:22+00:00', '{"node": "n2", "i": 922}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 923, '2025-01-03T00:15:23+00:00', '{"node": "n3", "i": 923}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 924, '2025-01-03T00:15:24+00:00', '{"node": "n4", "i": 924}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 925, '2025-01-03T00:15:25+00:00', '{"node": "n0", "i": 925}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 926, '2025-01-03T00:15:26+00:00', '{"node": "n1", "i": 926}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 927, '2025-01-03T00:15:27.000500+00:00', '{"node": "n2", "i": 927}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 928, '2025-01-03T00:15:28+00:00', '{"node": "n3", "i": 928}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 929, '2025-01-03T00:15:29+00:00', '{"node": "n4", "i": 929}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 930, '2025-01-03T00:15:30+00:00', '{"node": "n0", "i": 930}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 931, '2025-01-03T00:15:31+00:00', '{"node": "n1", "i": 931}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 932, '2025-01-03T00:15:32+00:00', '{"node": "n2", "i": 932}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 933, '2025-01-03T00:15:33+00:00', '{"node": "n3", "i": 933}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 934, '2025-01-03T00:15:34.000500+00:00', '{"node": "n4", "i": 934}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 935, '2025-01-03T00:15:35+00:00', '{"node": "n0", "i": 935}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 936, '2025-01-03T00:15:36+00:00', '{"node": "n1", "i": 936}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 937, '2025-01-03T00:15:37+00:00', '{"node": "n2", "i": 937}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 938, '2025-01-03T00:15:38+00:00', '{"node": "n3", "i": 938}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 939, '2025-01-03T00:15:39+00:00', '{"node": "n4", "i": 939}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 940, '2025-01-03T00:15:40+00:00', '{"node": "n0", "i": 940}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 941, '2025-01-03T00:15:41.000500+00:00', '{"node": "n1", "i": 941}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 942, '2025-01-03T00:15:42+00:00', '{"node": "n2", "i": 942}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 943, '2025-01-03T00:15:43+00:00', '{"node": "n3", "i": 943}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 944, '2025-01-03T00:15:44+00:00', '{"node": "n4", "i": 944}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 945, '2025-01-03T00:15:45+00:00', '{"node": "n0", "i": 945}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 946, '2025-01-03T00:15:46+00:00', '{"node": "n1", "i": 946}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 947, '2025-01-03T00:15:47+00:00', '{"node": "n2", "i": 947}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 948, '2025-01-03T00:15:48.000500+00:00', '{"node": "n3", "i": 948}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 949, '2025-01-03T00:15:49+00:00', '{"node": "n4", "i": 949}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 950, '2025-01-03T00:15:50+00:00', '{"node": "n0", "i": 950}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 951, '2025-01-03T00:15:51+00:00', '{"node": "n1", "i": 951}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 952, '2025-01-03T00:15:52+00:00', '{"node": "n2", "i": 952}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 953, '2025-01-03T00:15:53+00:00', '{"node": "n3", "i": 953}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 954, '2025-01-03T00:15:54+00:00', '{"node": "n4", "i": 954}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 955, '2025-01-03T00:15:55.000500+00:00', '{"node": "n0", "i": 955}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 956, '2025-01-03T00:15:56+00:00', '{"node": "n1", "i": 956}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 957, '2025-01-03T00:15:57+00:00', '{"node": "n2", "i": 957}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 958, '2025-01-03T00:15:58+00:00', '{"node": "n3", "i": 958}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 959, '2025-01-03T00:15:59+00:00', '{"node": "n4", "i": 959}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 960, '2025-01-03T00:16:00+00:00', '{"node": "n0", "i": 960}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 961, '2025-01-03T00:16:01+00:00', '{"node": "n1", "i": 961}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 962, '2025-01-03T00:16:02.000500+00:00', '{"node": "n2", "i": 962}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 963, '2025-01-03T00:16:03+00:00', '{"node": "n3", "i": 963}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 964, '2025-01-03T00:16:04+00:00', '{"node": "n4", "i": 964}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 965, '2025-01-03T00:16:05+00:00', '{"node": "n0", "i": 965}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 966, '2025-01-03T00:16:06+00:00', '{"node": "n1", "i": 966}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 967, '2025-01-03T00:16:07+00:00', '{"node": "n2", "i": 967}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 968, '2025-01-03T00:16:08+00:00', '{"node": "n3", "i": 968}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 969, '2025-01-03T00:16:09.000500+00:00', '{"node": "n4", "i": 969}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 970, '2025-01-03T00:16:10+00:00', '{"node": "n0", "i": 970}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 971, '2025-01-03T00:16:11+00:00', '{"node": "n1", "i": 971}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 972, '2025-01-03T00:16:12+00:00', '{"node": "n2", "i": 972}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 973, '2025-01-03T00:16:13+00:00', '{"node": "n3", "i": 973}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 974, '2025-01-03T00:16:14+00:00', '{"node": "n4", "i": 974}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 975, '2025-01-03T00:16:15+00:00', '{"node": "n0", "i": 975}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 976, '2025-01-03T00:16:16.000500+00:00', '{"node": "n1", "i": 976}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 977, '2025-01-03T00:16:17+00:00', '{"node": "n2", "i": 977}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 978, '2025-01-03T00:16:18+00:00', '{"node": "n3", "i": 978}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 979, '2025-01-03T00:16:19+00:00', '{"node": "n4", "i": 979}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 980, '2025-01-03T00:16:20+00:00', '{"node": "n0", "i": 980}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 981, '2025-01-03T00:16:21+00:00', '{"node": "n1", "i": 981}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 982, '2025-01-03T00:16:22+00:00', '{"node": "n2", "i": 982}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 983, '2025-01-03T00:16:23.000500+00:00', '{"node": "n3", "i": 983}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 984, '2025-01-03T00:16:24+00:00', '{"node": "n4", "i": 984}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 985, '2025-01-03T00:16:25+00:00', '{"node": "n0", "i": 985}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 986, '2025-01-03T00:16:26+00:00', '{"node": "n1", "i": 986}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 987, '2025-01-03T00:16:27+00:00', '{"node": "n2", "i": 987}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 988, '2025-01-03T00:16:28+00:00', '{"node": "n3", "i": 988}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 989, '2025-01-03T00:16:29+00:00', '{"node": "n4", "i": 989}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 990, '2025-01-03T00:16:30.000500+00:00', '{"node": "n0", "i": 990}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 991, '2025-01-03T00:16:31+00:00', '{"node": "n1", "i": 991}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 992, '2025-01-03T00:16:32+00:00', '{"node": "n2", "i": 992}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 993, '2025-01-03T00:16:33+00:00', '{"node": "n3", "i": 993}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 994, '2025-01-03T00:16:34+00:00', '{"node": "n4", "i": 994}');
INSERT INTO execution_history_steps (execution_id, step_index, at, payload) VALUES ('e5000000-0000-4000-8000-000000000004', 995, '2025-01-03T00:16:35+00:00', '{"node": "n0", "i": 995}');
INSERT INTO agentensor_checkpoints (id, workflow_id, config_version, runnable_config, metrics, metadata, artifact_url, is_best, created_at) VALUES ('f5000000-0000-4000-8000-000000000001', 'a5000000-0000-4000-8000-000000000001', 1, '{"temperature": 0.7}', '{"accuracy": 0.81}', '{}', NULL, 0, '2025-01-01T11:00:00+00:00');
INSERT INTO agentensor_checkpoints (id, workflow_id, config_version, runnable_config, metrics, metadata, artifact_url, is_best, created_at) VALUES ('f5000000-0000-4000-8000-000000000002', 'a5000000-0000-4000-8000-000000000001', 2, '{"temperature": 0.2}', '{"accuracy": 0.93, "per_class": [0.9, 0.95]}', '{"note": "caf\u00e9 \u2615"}', 's3://bucket/ckpt-2', 1, '2025-01-01T11:05:00.250000+00:00');
INSERT INTO agentensor_checkpoints (id, workflow_id, config_version, runnable_config, metrics, metadata, artifact_url, is_best, created_at) VALUES ('f5000000-0000-4000-8000-000000000003', 'a5000000-0000-4000-8000-000000000001', 3, '{"temperature": 0.4}', '{"accuracy": 0.9}', '{}', NULL, 0, '2025-01-01T11:10:00+00:00');
INSERT INTO agentensor_checkpoints (id, workflow_id, config_version, runnable_config, metrics, metadata, artifact_url, is_best, created_at) VALUES ('f5000000-0000-4000-8000-000000000004', 'a5000000-0000-4000-8000-000000000001', 3, '{"temperature": 0.41}', '{"accuracy": 0.91}', '{}', NULL, 0, '2025-01-01T11:10:00.000001+00:00');
INSERT INTO agentensor_checkpoints (id, workflow_id, config_version, runnable_config, metrics, metadata, artifact_url, is_best, created_at) VALUES ('f5000000-0000-4000-8000-000000000009', 'a5000000-0000-4000-8000-000000000003', 1, '{}', '{"loss": 0.1}', '{}', NULL, 1, '2025-01-01T12:00:00+00:00');
