"""Writes the upstream SQLite databases (as SQL scripts) and upstream's migration export of them.

Fixtures for the SQLite-to-PostgreSQL migration tool, which must read and write exports in the format of upstream
Orcheo's ``python -m orcheo.tooling.postgres_migration export`` (spec: orcheo-tokens-checkpoints-chatkit-vault-
migration.md §G and §0, the table sections A.1, B.1, C.1, orcheo-workflows-and-history.md §1, and
orcheo-observed-formats.md). Everything is text; no binary file is committed.

Outputs, next to this file:

* ``workflows.sql``: upstream HEAD's repository DDL and its run-history script (which also creates
  ``agentensor_checkpoints``), statement for statement, then the rows. Every exported repository table has rows; the
  tables upstream does not export (remediations, listeners) stay empty. JSON is Python ``json.dumps`` with its
  defaults (``", "``/``": "``, ``\\uXXXX``, surrogate pairs), payload timestamps pydantic's ``Z``, column timestamps
  ``datetime.isoformat()`` (``+00:00``, six fraction digits or none), booleans 0/1.
* ``chatkit.sql``: upstream's SQLite ChatKit schema script, then threads, 2,500 messages and attachments. JSON is
  compact with raw UTF-8 (ChatKit's ``_json_dumps``).
* ``service_tokens.sql``: upstream's SQLite service-token schema, then tokens and audit rows (default ``json.dumps``).

  Each script starts with the connection PRAGMAs upstream uses for that file (``foreign_keys`` ON for the repository
  and ChatKit files, OFF, SQLite's default, for the token file: one audit row names a token that does not exist, which
  upstream allows because it never enables foreign keys there). Statements end with ``;`` at the end of a line; CREATE
  statements span several lines, every INSERT is one line (no value holds a raw line break); there are no comments.
  Tests build each ``.sqlite`` file by running its script on an empty database, statement by statement, with
  ``UpstreamFixtures.runSqliteScript(dir.resolve("workflows.sqlite"), "/upstream/migration/workflows.sql")`` (the
  file names must stay workflows.sqlite, chatkit.sqlite and service_tokens.sqlite for the manifest's sqlite_path to
  match); ``sqlite3 workflows.sqlite < workflows.sql`` gives the same file, and the export below is byte-identical
  whichever way the files were built.

* ``export/``: what upstream's export writes for those three files with ``--batch-size 1000``, re-implemented below
  from the spec (G.2-G.4): ``manifest.json`` plus ``<table>/batch_NNNN.jsonl``. The export ran with the working
  directory holding the three files and the flags ``--repository-sqlite workflows.sqlite --chatkit-sqlite
  chatkit.sqlite --service-token-sqlite service_tokens.sqlite``, so each ``sqlite_path`` in the manifest is that
  relative name. ``generated_at`` is fixed (GENERATED_AT) so the output is reproducible.
  chat_messages has 2,500 rows (batches of 1000, 1000, 500); execution_history_steps exactly 1,000 (one batch, no
  empty second file).
* ``export-empty/``: the same export of three files holding the schemas only: every table in the manifest with
  ``row_count`` 0 and ``batches`` [], and no table folder at all, so the folder holds manifest.json alone.

Run: python3 generate.py  (rewrites every output, then reads the exports back and checks them: checksums, row counts
against the databases, sorted keys, ASCII-only lines, manifest shape). Running it twice gives byte-identical files.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).parent
BATCH_SIZE = 1000
GENERATED_AT = "2025-03-04T05:06:07.890123+00:00"

# ---------------------------------------------------------------------------------------------------------------------
# Upstream's DDL, statement for statement.

REPOSITORY_SCHEMA = """\
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
"""

CHATKIT_SCHEMA = """\
PRAGMA foreign_keys = ON;
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS chat_threads (
    id TEXT PRIMARY KEY,
    title TEXT,
    workflow_id TEXT,
    status_json TEXT NOT NULL,
    metadata_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chat_messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    item_type TEXT,
    item_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    FOREIGN KEY(thread_id) REFERENCES chat_threads(id)
        ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_chat_messages_thread
    ON chat_messages(thread_id, ordinal);
CREATE TABLE IF NOT EXISTS chat_attachments (
    id TEXT PRIMARY KEY,
    thread_id TEXT,
    attachment_type TEXT NOT NULL,
    name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    details_json TEXT NOT NULL,
    storage_path TEXT,
    created_at TEXT NOT NULL,
    FOREIGN KEY(thread_id) REFERENCES chat_threads(id)
        ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS idx_chat_attachments_thread
    ON chat_attachments(thread_id);
"""

TOKENS_SCHEMA = """\
PRAGMA foreign_keys = OFF;
CREATE TABLE IF NOT EXISTS service_tokens (
    identifier TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    scopes TEXT,
    workspace_ids TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT,
    issued_at TEXT,
    expires_at TEXT,
    last_used_at TEXT,
    use_count INTEGER DEFAULT 0,
    rotation_expires_at TEXT,
    rotated_to TEXT,
    rotated_from TEXT,
    revoked_at TEXT,
    revoked_by TEXT,
    revocation_reason TEXT,
    allowed_ip_ranges TEXT,
    rate_limit_override INTEGER,
    FOREIGN KEY (rotated_to) REFERENCES service_tokens(identifier)
);
CREATE INDEX IF NOT EXISTS idx_service_tokens_hash
    ON service_tokens(secret_hash);
CREATE INDEX IF NOT EXISTS idx_service_tokens_expires
    ON service_tokens(expires_at);
CREATE INDEX IF NOT EXISTS idx_service_tokens_active
    ON service_tokens(revoked_at) WHERE revoked_at IS NULL;
CREATE TABLE IF NOT EXISTS service_token_audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_id TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT,
    ip_address TEXT,
    user_agent TEXT,
    timestamp TEXT NOT NULL,
    details TEXT,
    FOREIGN KEY (token_id) REFERENCES service_tokens(identifier)
);
CREATE INDEX IF NOT EXISTS idx_audit_log_token
    ON service_token_audit_log(token_id);
CREATE INDEX IF NOT EXISTS idx_audit_log_timestamp
    ON service_token_audit_log(timestamp);
"""

# ---------------------------------------------------------------------------------------------------------------------
# Value helpers (the same conventions as ../workflows, ../history and ../chatkit).


def ts(text):
    """An aware UTC datetime from 'YYYY-MM-DDTHH:MM:SS[.ffffff]'."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def col(text):
    """The column form upstream writes: datetime.isoformat() of an aware UTC value (+00:00, fraction only if != 0)."""
    return None if text is None else ts(text).isoformat()


def js(text):
    """pydantic's JSON form of an aware UTC datetime: ISO-8601 with Z."""
    return None if text is None else ts(text).isoformat().replace("+00:00", "Z")


def py_json(value):
    """Python's json.dumps with its defaults: the repository, history, agentensor and service-token stores."""
    return json.dumps(value)


def chatkit_json(value):
    """Upstream ChatKit's _json_dumps: compact, raw UTF-8."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def sql(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def insert(table, **columns):
    names = ", ".join(columns)
    values = ", ".join(sql(v) for v in columns.values())
    return f"INSERT INTO {table} ({names}) VALUES ({values});"


# ---------------------------------------------------------------------------------------------------------------------
# workflows.sqlite: repository, run history and agentensor checkpoints.

W_SCREENER = "a5000000-0000-4000-8000-000000000001"
W_ARCHIVED = "a5000000-0000-4000-8000-000000000002"
W_DIGEST = "a5000000-0000-4000-8000-000000000003"
V_SCREENER_1 = "b5000000-0000-4000-8000-000000000011"
V_SCREENER_2 = "b5000000-0000-4000-8000-000000000012"
V_DIGEST_1 = "b5000000-0000-4000-8000-000000000031"
R_SUCCEEDED = "c5000000-0000-4000-8000-000000000001"
R_FAILED = "c5000000-0000-4000-8000-000000000002"
R_RUNNING = "c5000000-0000-4000-8000-000000000003"
R_CRON = "c5000000-0000-4000-8000-000000000004"
E_COMPLETED = "e5000000-0000-4000-8000-000000000001"
E_RUNNING = "e5000000-0000-4000-8000-000000000002"
E_FAILED = "e5000000-0000-4000-8000-000000000003"
E_BULK = "e5000000-0000-4000-8000-000000000004"
E_CANCELLED = "e5000000-0000-4000-8000-000000000005"


def audit(actor, action, at, metadata=None):
    return {"actor": actor, "action": action, "at": js(at), "metadata": metadata or {}}


def workflow_doc(wid, name, handle, slug, tags, archived, events, description=None):
    return {
        "id": wid, "created_at": events[0]["at"], "updated_at": events[-1]["at"], "audit_log": events,
        "name": name, "handle": handle, "slug": slug, "description": description, "tags": tags,
        "is_archived": archived, "draft_access": "personal", "is_public": False, "published_at": None,
        "published_by": None, "require_login": False, "share_url": None, "chatkit": None,
    }


def workflow_row(doc):
    return insert("workflows", id=doc["id"], handle=doc["handle"], is_archived=doc["is_archived"],
                  payload=py_json(doc), created_at=col(doc["created_at"][:-1]),
                  updated_at=col(doc["updated_at"][:-1]))


def version_row(vid, wid, number, graph, runnable_config, created_by, notes, created, metadata=None):
    doc = {
        "id": vid, "created_at": js(created), "updated_at": js(created),
        "audit_log": [audit(created_by, "version_created", created)], "workflow_id": wid, "version": number,
        "graph": graph, "mermaid": None, "metadata": metadata or {}, "runnable_config": runnable_config,
        "created_by": created_by, "notes": notes,
    }
    return insert("workflow_versions", id=vid, workflow_id=wid, version=number, payload=py_json(doc),
                  created_at=col(created), updated_at=col(created))


def run_row(rid, wid, vid, status, triggered_by, inputs, created, updated, started=None, finished=None,
            output=None, error=None, config=None):
    config = config or {}
    events = [audit(triggered_by, "run_created", created)]
    if started:
        events.append(audit("worker", "run_started", started))
    if finished:
        events.append(audit("worker", f"run_{status}", finished, {"error": error} if error else None))
    doc = {
        "id": rid, "created_at": js(created), "updated_at": js(updated), "audit_log": events,
        "workflow_version_id": vid, "status": status, "triggered_by": triggered_by, "input_payload": inputs,
        "runnable_config": config, "tags": list(config.get("tags", [])),
        "callbacks": list(config.get("callbacks", [])), "metadata": dict(config.get("metadata", {})),
        "run_name": config.get("run_name"), "output_payload": output, "started_at": js(started),
        "completed_at": js(finished), "error": error,
    }
    return insert("workflow_runs", id=rid, workflow_id=wid, workflow_version_id=vid, status=status,
                  triggered_by=triggered_by, payload=py_json(doc), created_at=col(created),
                  updated_at=col(updated))


def history_row(execution_id, workflow_id, inputs, config, status, started, completed=None, error=None,
                trace_id=None, last_span=None):
    """A row as SqliteRunHistoryStore.start_run writes it, then _update_status / append_step update it."""
    config = config or {}
    return insert(
        "execution_history", execution_id=execution_id, workflow_id=workflow_id, inputs=py_json(inputs),
        runnable_config=py_json(config), tags=py_json(list(config.get("tags", []))),
        callbacks=py_json(list(config.get("callbacks", []))), metadata=py_json(dict(config.get("metadata", {}))),
        run_name=config.get("run_name"), status=status, started_at=col(started), completed_at=col(completed),
        error=error, trace_id=trace_id, trace_started_at=col(started) if trace_id else None,
        trace_completed_at=col(completed) if trace_id else None,
        trace_last_span_at=col(last_span) if trace_id else None)


def step_row(execution_id, index, at, payload):
    return insert("execution_history_steps", execution_id=execution_id, step_index=index, at=col(at),
                  payload=py_json(payload))


def checkpoint_row(cid, workflow_id, version, config, metrics, created, metadata=None, artifact_url=None,
                   best=False):
    return insert("agentensor_checkpoints", id=cid, workflow_id=workflow_id, config_version=version,
                  runnable_config=py_json(config), metrics=py_json(metrics), metadata=py_json(metadata or {}),
                  artifact_url=artifact_url, is_best=best, created_at=col(created))


SCREENER_CONFIG = {"tags": ["hr", "\u65e5\u672c"], "callbacks": [{"name": "tracer", "sample": 0.5}],
                   "metadata": {"env": "prod", "owner": "Zo\u00eb"}, "run_name": "R\u00e9sum\u00e9 run \U0001F680",
                   "recursion_limit": 30}


def workflow_rows():
    rows = []
    rows.append(workflow_row(workflow_doc(
        W_SCREENER, "R\u00e9sum\u00e9 Screener \u2014 \u5c65\u6b74\u66f8 \U0001F4C4", "resume-screener",
        "r-sum-screener", ["hr", "screening"], False,
        [audit("alice", "workflow_created", "2025-01-01T09:00:00"),
         audit("alice", "workflow_updated", "2025-01-01T11:30:00.250000", {"name": {"to": "R\u00e9sum\u00e9"}})],
        description="Screens r\u00e9sum\u00e9s \u2014 \u65e5\u672c\u8a9e OK")))
    rows.append(workflow_row(workflow_doc(
        W_ARCHIVED, "Legacy Screener", "resume-screener", "legacy-screener", [], True,
        [audit("bob", "workflow_created", "2024-12-01T08:00:00"),
         audit("bob", "workflow_updated", "2024-12-31T23:59:59.999999", {"is_archived": {"from": False, "to": True}})])))
    rows.append(workflow_row(workflow_doc(
        W_DIGEST, "Daily Digest", None, "daily-digest", ["workspace:acme"], False,
        [audit("carol", "workflow_created", "2025-01-01T08:30:00")])))

    graph_1 = {"nodes": [{"name": "start", "type": "input"},
                         {"name": "screen", "type": "llm", "prompt": "\u00c9value le CV \u2014 \u5c65\u6b74\u66f8"}],
               "edges": [{"source": "start", "target": "screen"}]}
    graph_2 = dict(graph_1, outputs=["score", "verdict"])
    rows.append(version_row(V_SCREENER_1, W_SCREENER, 1, graph_1, None, "alice", "first draft \u270d\ufe0f",
                            "2025-01-01T09:05:00", {"source": "canvas"}))
    rows.append(version_row(V_SCREENER_2, W_SCREENER, 2, graph_2, SCREENER_CONFIG, "alice", None,
                            "2025-01-01T09:10:00.000123"))
    rows.append(version_row(V_DIGEST_1, W_DIGEST, 1, {"nodes": [{"name": "digest", "type": "agent"}]}, None,
                            "carol", None, "2025-01-01T08:35:00"))

    # Exported ORDER BY workflow_id, created_at: the whole-second run sorts before the one half a second later.
    rows.append(run_row(R_SUCCEEDED, W_SCREENER, V_SCREENER_1, "succeeded", "manual", {"candidate": "Zo\u00eb"},
                        "2025-01-01T09:20:00.500000", "2025-01-01T09:20:05", "2025-01-01T09:20:01",
                        "2025-01-01T09:20:05", output={"score": 0.87, "verdict": "hire \U0001F44D"}))
    rows.append(run_row(R_FAILED, W_SCREENER, V_SCREENER_2, "failed", "webhook",
                        {"body": {"name": "\u5c71\u7530"}, "headers": {"x-team": "hr"}, "query_params": {}},
                        "2025-01-01T09:20:00", "2025-01-01T09:20:02.000001", "2025-01-01T09:20:01",
                        "2025-01-01T09:20:02.000001", error="LLM timeout", config=SCREENER_CONFIG))
    rows.append(run_row(R_RUNNING, W_SCREENER, V_SCREENER_2, "running", "manual", {}, "2025-01-01T09:45:00",
                        "2025-01-01T09:45:01", "2025-01-01T09:45:01", config=SCREENER_CONFIG))
    rows.append(run_row(R_CRON, W_DIGEST, V_DIGEST_1, "succeeded", "cron",
                        {"scheduled_for": "2025-01-01T09:00:00+00:00", "timezone": "UTC"},
                        "2025-01-01T09:00:00.004321", "2025-01-01T09:00:30", "2025-01-01T09:00:01",
                        "2025-01-01T09:00:30", output={}))

    rows.append(insert("webhook_triggers", workflow_id=W_SCREENER, config=py_json({
        "allowed_methods": ["GET", "POST"], "required_headers": {"x-team": "hr"}, "required_query_params": {},
        "shared_secret_header": "x-secret", "shared_secret": "s3cr3t-\u00e9", "hmac_header": None,
        "hmac_secret": None, "hmac_algorithm": "sha256", "hmac_timestamp_header": None,
        "hmac_tolerance_seconds": 300, "rate_limit": {"limit": 60, "interval_seconds": 60}})))
    # last_dispatched_at is not exported by upstream (manifest v1 has no such column).
    rows.append(insert("cron_triggers", workflow_id=W_DIGEST, config=py_json({
        "expression": "0 9 * * *", "timezone": "Asia/Tokyo", "allow_overlapping": False, "start_at": None,
        "end_at": None}), last_dispatched_at=col("2025-01-01T09:00:00")))
    rows.append(insert("cron_triggers", workflow_id=W_SCREENER, config=py_json({
        "expression": "*/15 * * * *", "timezone": "UTC", "allow_overlapping": True, "start_at": None,
        "end_at": None}), last_dispatched_at=None))
    rows.append(insert("retry_policies", workflow_id=W_SCREENER, config=py_json({
        "max_attempts": 3, "initial_delay_seconds": 12.5, "backoff_factor": 2.0, "max_delay_seconds": 300.0,
        "jitter_factor": 0.0})))

    rows.append(history_row(E_COMPLETED, W_SCREENER,
                            {"candidate": "Zo\u00eb \U0001F4C4", "submitted_at": col("2025-01-01T08:59:00")},
                            SCREENER_CONFIG, "completed", "2025-01-01T09:00:00",
                            completed="2025-01-01T09:00:05.500000", trace_id="trace-0001",
                            last_span="2025-01-01T09:00:03.000001"))
    rows.append(step_row(E_COMPLETED, 0, "2025-01-01T09:00:01", {"node": "start", "status": "ok"}))
    rows.append(step_row(E_COMPLETED, 1, "2025-01-01T09:00:02.250000", {
        "node": "screen",
        "output": {"score": 0.87, "big": 18446744073709551616, "neg_zero": -0.0, "huge": 1.5e300,
                   "note": "R\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8 \U0001F4C4", "list": [1, "two", None, True]},
    }))
    rows.append(step_row(E_COMPLETED, 2, "2025-01-01T09:00:03.000001",
                         {"node": "end", "finished_at": col("2025-01-01T09:00:03.000001")}))

    rows.append(history_row(E_RUNNING, W_SCREENER, {"candidate": "Ann"}, None, "running",
                            "2025-01-01T10:00:00.123456"))
    rows.append(step_row(E_RUNNING, 0, "2025-01-01T10:00:01", {"node": "start"}))

    rows.append(history_row(E_FAILED, W_SCREENER, {}, {"tags": [], "callbacks": []}, "error",
                            "2025-01-01T09:00:00.500000", completed="2025-01-01T09:00:09", error="LLM timeout \u23f1",
                            trace_id="trace-0003", last_span="2025-01-01T09:00:09"))

    rows.append(history_row(E_CANCELLED, W_DIGEST, {"items": ["a", "b"]}, {"run_name": ""}, "cancelled",
                            "2025-01-02T00:00:00", completed="2025-01-02T00:00:01", error="superseded"))

    # 996 steps: execution_history_steps has exactly 1,000 rows, one full batch. step_index sorts as a number
    # (9 before 10 before 100), not as text.
    rows.append(history_row(E_BULK, W_DIGEST, {"day": "2025-01-03"}, {"tags": ["bulk"]}, "completed",
                            "2025-01-03T00:00:00", completed="2025-01-03T00:16:36", trace_id="trace-bulk",
                            last_span="2025-01-03T00:16:35"))
    for index in range(996):
        seconds = index
        at = f"2025-01-03T00:{seconds // 60:02d}:{seconds % 60:02d}" + (".000500" if index % 7 == 3 else "")
        payload = {"node": f"n{index % 5}", "i": index}
        if index % 250 == 0:
            payload["note"] = "caf\u00e9 \u65e5\u672c \U0001F600"
        rows.append(step_row(E_BULK, index, at, payload))

    rows.append(checkpoint_row("f5000000-0000-4000-8000-000000000001", W_SCREENER, 1, {"temperature": 0.7},
                               {"accuracy": 0.81}, "2025-01-01T11:00:00"))
    rows.append(checkpoint_row("f5000000-0000-4000-8000-000000000002", W_SCREENER, 2, {"temperature": 0.2},
                               {"accuracy": 0.93, "per_class": [0.9, 0.95]}, "2025-01-01T11:05:00.250000",
                               metadata={"note": "caf\u00e9 \u2615"}, artifact_url="s3://bucket/ckpt-2", best=True))
    # Two rows with the same version (no unique constraint): inserted in id order, so ties come out in id order
    # whichever tie-break (rowid or id) an exporter uses.
    rows.append(checkpoint_row("f5000000-0000-4000-8000-000000000003", W_SCREENER, 3, {"temperature": 0.4},
                               {"accuracy": 0.9}, "2025-01-01T11:10:00"))
    rows.append(checkpoint_row("f5000000-0000-4000-8000-000000000004", W_SCREENER, 3, {"temperature": 0.41},
                               {"accuracy": 0.91}, "2025-01-01T11:10:00.000001"))
    rows.append(checkpoint_row("f5000000-0000-4000-8000-000000000009", W_DIGEST, 1, {}, {"loss": 0.1},
                               "2025-01-01T12:00:00", best=True))
    return rows


# ---------------------------------------------------------------------------------------------------------------------
# chatkit.sqlite

T_RESUME = "thr_0a1b2c3d"
T_LOCKED = "thr_1b2c3d4e"
T_CLOSED = "thr_2c3d4e5f"
T_NO_WORKFLOW = "thr_3d4e5f6a"
T_LOAD = "thr_f0000001"
CHAT_MESSAGES = 2500


def thread_row(tid, title, metadata, status, created, updated):
    workflow_id = metadata.get("workflow_id")
    return insert("chat_threads", id=tid, title=title, workflow_id=str(workflow_id) if workflow_id else None,
                  status_json=chatkit_json(status), metadata_json=chatkit_json(metadata), created_at=col(created),
                  updated_at=col(updated))


def message_row(iid, thread, ordinal, created, kind, body):
    item = {"id": iid, "thread_id": thread, "created_at": js(created), "type": kind}
    item.update(body)
    return insert("chat_messages", id=iid, thread_id=thread, ordinal=ordinal, item_type=kind,
                  item_json=chatkit_json(item), created_at=col(created))


def user(text):
    return {"content": [{"type": "input_text", "text": text}], "attachments": [], "quoted_text": None,
            "inference_options": {"tool_choice": None, "model": None}}


def assistant(text):
    return {"content": [{"annotations": [], "text": text, "type": "output_text"}]}


def attachment(aid, thread, kind, name, mime, storage_path, created, preview_url=None, upload_url=None):
    details = {"id": aid, "name": name, "mime_type": mime, "upload_url": upload_url, "type": kind}
    if kind == "image":
        details["preview_url"] = preview_url
    return insert("chat_attachments", id=aid, thread_id=thread, attachment_type=kind, name=name, mime_type=mime,
                  details_json=chatkit_json(details), storage_path=storage_path, created_at=col(created))


def chatkit_rows():
    rows = []
    rows.append(thread_row(T_RESUME, "R\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8 \U0001F4C4",
                           {"workflow_id": W_SCREENER, "candidate": "Zo\u00eb \U0001F4C4",
                            "submitted_at": col("2025-03-01T08:59:00")},
                           {"type": "active"}, "2025-03-01T09:00:00", "2025-03-01T09:00:12.250000"))
    rows.append(thread_row(T_LOCKED, "Interview plan", {"workflow_id": W_SCREENER, "panel": ["Ann", "Bo"]},
                           {"type": "locked", "reason": "\u627f\u8a8d\u5f85\u3061 \u2014 waiting"},
                           "2025-03-01T09:00:00.500000", "2025-03-01T10:00:00"))
    rows.append(thread_row(T_CLOSED, None, {"workflow_id": W_DIGEST, "step": 3}, {"type": "closed", "reason": None},
                           "2025-03-02T10:00:00.000001", "2025-03-02T10:05:00"))
    rows.append(thread_row(T_NO_WORKFLOW, "Quick question", {}, {"type": "active"},
                           "2025-02-28T23:59:59.999999", "2025-02-28T23:59:59.999999"))
    rows.append(thread_row(T_LOAD, "Load test \U0001F4AC", {"workflow_id": W_DIGEST, "source": "api"},
                           {"type": "active"}, "2025-03-03T00:00:00", "2025-03-03T06:00:00"))

    rows.append(message_row("msg_00000001", T_RESUME, 0, "2025-03-01T09:00:01", "user_message", {
        "content": [{"type": "input_text", "text": "Please screen this r\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8"},
                    {"type": "input_tag", "id": "cand-7", "text": "@Zo\u00eb", "data": {"candidate_id": 7},
                     "group": None, "interactive": True}],
        "attachments": [{"id": "atc_1a2b3c4d", "name": "R\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8.pdf",
                         "mime_type": "application/pdf", "upload_url": None, "type": "file"}],
        "quoted_text": "5 years of Spark", "inference_options": {"tool_choice": {"id": "screen"}, "model": "gpt-4.1"},
    }))
    rows.append(message_row("msg_00000002", T_RESUME, 1, "2025-03-01T09:00:02.500000", "assistant_message",
                            assistant("Zo\u00eb looks strong \U0001F680")))
    # Two items with the same ordinal (ordinals are not unique), inserted in id order.
    rows.append(message_row("tc_00000003", T_RESUME, 2, "2025-03-01T09:00:03", "client_tool_call", {
        "status": "completed", "call_id": "call_1", "name": "fetch_profile", "arguments": {"candidate": "Zo\u00eb"},
        "output": {"years": 5, "languages": ["en", "\u65e5\u672c\u8a9e"]}}))
    rows.append(message_row("wf_00000004", T_RESUME, 2, "2025-03-01T09:00:03", "workflow", {
        "workflow": {"type": "custom", "tasks": [], "summary": None, "expanded": False}}))
    rows.append(message_row("hcx_00000005", T_RESUME, 4, "2025-03-01T09:00:07", "sdk_hidden_context",
                            {"content": "Earlier turns: screening of Zo\u00eb"}))
    rows.append(message_row("msg_00000006", T_RESUME, 5, "2025-03-01T09:00:08", "end_of_turn", {}))
    rows.append(message_row("msg_00000101", T_LOCKED, 0, "2025-03-01T09:30:00", "user_message",
                            user("When can we interview \u5c71\u7530\u3055\u3093?")))
    rows.append(message_row("msg_00000102", T_LOCKED, 1, "2025-03-01T09:30:01.123456", "assistant_message",
                            assistant("Tuesday works \u2705")))
    rows.append(message_row("msg_00000201", T_CLOSED, 0, "2025-03-02T10:00:01", "user_message",
                            user("Kafka access for the new hire, please")))
    rows.append(message_row("msg_00000301", T_NO_WORKFLOW, 0, "2025-02-28T23:59:59.999999", "user_message",
                            user("")))
    count = len(rows) - 5
    # The load-test thread fills the table up to CHAT_MESSAGES rows: batches of 1000, 1000 and 500.
    for ordinal in range(CHAT_MESSAGES - count):
        seconds = ordinal * 7
        created = f"2025-03-03T{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        if ordinal % 3 == 1:
            created += f".{ordinal:06d}"
        iid = f"msg_f{ordinal:07x}"
        if ordinal % 2 == 0:
            text = f"Question {ordinal}" + (" \u2014 caf\u00e9 \u65e5\u672c \U0001F914" if ordinal % 500 == 0 else "")
            rows.append(message_row(iid, T_LOAD, ordinal, created, "user_message", user(text)))
        else:
            rows.append(message_row(iid, T_LOAD, ordinal, created, "assistant_message", assistant(f"Answer {ordinal}")))

    rows.append(attachment("atc_1a2b3c4d", T_RESUME, "file", "R\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8.pdf",
                           "application/pdf", "/var/lib/orcheo/chatkit/atc_1a2b3c4d_Rsum_.pdf",
                           "2025-03-01T09:00:00.750000"))
    rows.append(attachment("atc_2b3c4d5e", T_RESUME, "image", "portrait.png", "image/png", None,
                           "2025-03-01T09:00:00.800000", preview_url="https://cdn.example.com/portraits/zoe.png"))
    # An upload never attached to a thread (or whose thread was deleted: ON DELETE SET NULL).
    rows.append(attachment("atc_3c4d5e6f", None, "file", "notes \U0001F4C4.txt", "text/plain",
                           "/var/lib/orcheo/chatkit/atc_3c4d5e6f_notes_.txt", "2025-03-01T08:58:00",
                           upload_url="https://uploads.example.com/atc_3c4d5e6f"))
    return rows


# ---------------------------------------------------------------------------------------------------------------------
# service_tokens.sqlite


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def token_row(identifier, secret, scopes, workspaces, created, issued, expires=None, last_used=None, use_count=0,
              rotation_expires=None, rotated_to=None, revoked=None, reason=None, allowed_ip_ranges=None):
    """A row as the SQLite repository's create/update/record_usage leave it; allowed_ip_ranges is written raw."""
    return insert("service_tokens", identifier=identifier, secret_hash=sha256_hex(secret),
                  scopes=py_json(sorted(scopes)) if scopes else None,
                  workspace_ids=py_json(sorted(workspaces)) if workspaces else None, created_at=col(created),
                  created_by=None, issued_at=col(issued), expires_at=col(expires), last_used_at=col(last_used),
                  use_count=use_count, rotation_expires_at=col(rotation_expires), rotated_to=rotated_to,
                  rotated_from=None, revoked_at=col(revoked), revoked_by=None, revocation_reason=reason,
                  allowed_ip_ranges=allowed_ip_ranges, rate_limit_override=None)


def audit_row(row_id, token_id, action, at, ip=None, user_agent=None, details=None):
    return insert("service_token_audit_log", id=row_id, token_id=token_id, action=action, actor=None,
                  ip_address=ip, user_agent=user_agent, timestamp=col(at),
                  details=py_json(details) if details else None)


def token_rows():
    old_secret, new_secret = "old-secret-\u00e9", "new-secret"
    old_id = sha256_hex(old_secret)[:8]
    new_id = sha256_hex(new_secret)[:8]
    rows = [
        token_row("tok-admin", "admin-secret", ["admin:tokens:write", "admin:tokens:read"], ["ws-acme"],
                  "2025-01-05T10:00:00", "2025-01-05T10:00:00", last_used="2025-01-06T08:00:00.654321",
                  use_count=7),
        # Rotated: expires at the end of the overlap window; allowed_ip_ranges holds an empty string.
        token_row(old_id, old_secret, ["workflows:read"], ["ws-acme", "ws-\u00e9t\u00e9"], "2025-01-05T11:00:00.000001",
                  "2025-01-05T11:00:00.000001", expires="2025-01-06T12:05:00",
                  rotation_expires="2025-01-06T12:05:00", rotated_to=new_id, allowed_ip_ranges=""),
        # Its replacement: allowed_ip_ranges holds a bare JSON string scalar.
        token_row(new_id, new_secret, ["workflows:read"], ["ws-acme", "ws-\u00e9t\u00e9"], "2025-01-06T12:00:00",
                  "2025-01-06T12:00:00", expires="2025-04-06T12:00:00",
                  allowed_ip_ranges=py_json("10.0.0.0/8")),
        token_row("tok-revoked", "revoked-secret", ["vault:read"], [], "2025-01-07T09:00:00",
                  "2025-01-07T09:00:00", revoked="2025-01-08T09:30:00.5",
                  reason="Leaked in caf\u00e9 chat \u2014 \u65e5\u672c \U0001F511",
                  allowed_ip_ranges=py_json(["10.0.0.0/8", "192.168.0.0/16"])),
        # No scopes and no workspaces (both NULL); expired; allowed_ip_ranges is blanks and a tab only.
        token_row("tok-expired", "expired-secret", [], [], "2024-12-01T00:00:00", "2024-12-01T00:00:00",
                  expires="2024-12-31T23:59:59.999999", allowed_ip_ranges=" \t "),
    ]
    # Audit ids are explicit so the file is stable; id 5 is missing (a gap, as after a manual clean-up), so the
    # highest id (10) differs from the row count (9).
    rows += [
        audit_row(1, "tok-admin", "created", "2025-01-05T10:00:00"),
        audit_row(2, old_id, "created", "2025-01-05T11:00:00.000001"),
        audit_row(3, "tok-admin", "used", "2025-01-06T08:00:00.654321", ip="10.0.0.7",
                  user_agent="orcheo-cli/1.0 (caf\u00e9)", details={"ip": "10.0.0.7",
                                                                   "user_agent": "orcheo-cli/1.0 (caf\u00e9)"}),
        audit_row(4, new_id, "created", "2025-01-06T12:00:00"),
        audit_row(6, old_id, "rotated", "2025-01-06T12:00:00.000002"),
        audit_row(7, "tok-revoked", "created", "2025-01-07T09:00:00"),
        audit_row(8, "tok-revoked", "revoked", "2025-01-08T09:30:00.5",
                  details={"reason": "Leaked in caf\u00e9 chat \u2014 \u65e5\u672c \U0001F511"}),
        # record_usage with no ip and no user agent: details is NULL. The token never existed.
        audit_row(9, "tok-ghost", "used", "2025-01-09T00:00:00"),
        audit_row(10, "tok-admin", "used", "2025-01-09T00:00:00", ip="2001:db8::1", details={"ip": "2001:db8::1"}),
    ]
    return rows


# ---------------------------------------------------------------------------------------------------------------------
# Upstream's export (spec §G.2-§G.4), re-implemented.

REPO, CHATKIT, TOKENS = "repository", "chatkit", "tokens"

TOKEN_COLUMNS = ["identifier", "secret_hash", "scopes", "workspace_ids", "created_at", "created_by", "issued_at",
                 "expires_at", "last_used_at", "use_count", "rotation_expires_at", "rotated_to", "rotated_from",
                 "revoked_at", "revoked_by", "revocation_reason", "allowed_ip_ranges", "rate_limit_override"]

# (name, database, columns, order by, json columns, bool columns, post-import SQL), in the spec's order.
TABLE_SPECS = [
    ("workflows", REPO, ["id", "payload", "created_at", "updated_at"], ["id"], ["payload"], [], []),
    ("workflow_versions", REPO, ["id", "workflow_id", "version", "payload", "created_at", "updated_at"],
     ["workflow_id", "version"], ["payload"], [], []),
    ("workflow_runs", REPO, ["id", "workflow_id", "workflow_version_id", "status", "triggered_by", "payload",
                             "created_at", "updated_at"], ["workflow_id", "created_at"], ["payload"], [], []),
    ("webhook_triggers", REPO, ["workflow_id", "config"], ["workflow_id"], ["config"], [], []),
    ("cron_triggers", REPO, ["workflow_id", "config"], ["workflow_id"], ["config"], [], []),
    ("retry_policies", REPO, ["workflow_id", "config"], ["workflow_id"], ["config"], [], []),
    ("execution_history", REPO, ["execution_id", "workflow_id", "inputs", "runnable_config", "tags", "callbacks",
                                 "metadata", "run_name", "status", "started_at", "completed_at", "error", "trace_id",
                                 "trace_started_at", "trace_completed_at", "trace_last_span_at"],
     ["execution_id"], ["inputs", "runnable_config", "tags", "callbacks", "metadata"], [], []),
    ("execution_history_steps", REPO, ["execution_id", "step_index", "at", "payload"],
     ["execution_id", "step_index"], ["payload"], [], []),
    ("agentensor_checkpoints", REPO, ["id", "workflow_id", "config_version", "runnable_config", "metrics",
                                      "metadata", "artifact_url", "is_best", "created_at"],
     ["workflow_id", "config_version"], ["runnable_config", "metrics", "metadata"], ["is_best"], []),
    ("chat_threads", CHATKIT, ["id", "title", "workflow_id", "status_json", "metadata_json", "created_at",
                               "updated_at"], ["id"], ["status_json", "metadata_json"], [], []),
    ("chat_messages", CHATKIT, ["id", "thread_id", "ordinal", "item_type", "item_json", "created_at"],
     ["thread_id", "ordinal"], ["item_json"], [], []),
    ("chat_attachments", CHATKIT, ["id", "thread_id", "attachment_type", "name", "mime_type", "details_json",
                                   "storage_path", "created_at"], ["id"], ["details_json"], [], []),
    ("service_tokens", TOKENS, TOKEN_COLUMNS, ["identifier"], ["scopes", "workspace_ids", "allowed_ip_ranges"], [],
     []),
    ("service_token_audit_log", TOKENS, ["id", "token_id", "action", "actor", "ip_address", "user_agent",
                                         "timestamp", "details"], ["id"], ["details"], [],
     ["SELECT setval(pg_get_serial_sequence('service_token_audit_log', 'id'), "
      "COALESCE(MAX(id), 1)) FROM service_token_audit_log"]),
]


def normalize_json(value):
    """A string is trimmed; empty becomes null, anything else is parsed. Other values pass through."""
    if isinstance(value, str):
        text = value.strip()
        return json.loads(text) if text else None
    return value


def transform(row, columns, json_columns, bool_columns):
    record = {}
    for name, value in zip(columns, row):
        if name in json_columns:
            value = normalize_json(value)
        elif name in bool_columns:
            value = False if value is None else bool(value)
        record[name] = value
    return record


def export_table(spec, paths, output, batch_size):
    name, database, columns, order_by, json_columns, bool_columns, post_import_sql = spec
    if batch_size <= 0:
        raise ValueError("batch_size must be positive")
    sqlite_path = paths[database]
    if not Path(sqlite_path).exists():
        raise FileNotFoundError(f"Missing SQLite database: {sqlite_path}")
    batches, row_count = [], 0
    connection = sqlite3.connect(sqlite_path)
    try:
        cursor = connection.execute(f"SELECT {', '.join(columns)} FROM {name} ORDER BY {', '.join(order_by)}")
        while True:
            chunk = cursor.fetchmany(batch_size)
            if not chunk:
                break
            lines = [json.dumps(transform(row, columns, json_columns, bool_columns), sort_keys=True,
                                separators=(",", ":"), ensure_ascii=True) + "\n" for row in chunk]
            data = "".join(lines).encode("utf-8")
            relative = f"{name}/batch_{len(batches) + 1:04d}.jsonl"
            (output / name).mkdir(parents=True, exist_ok=True)
            (output / relative).write_bytes(data)
            batches.append({"file": relative, "rows": len(chunk), "checksum": hashlib.sha256(data).hexdigest()})
            row_count += len(chunk)
    finally:
        connection.close()
    return {"name": name, "sqlite_path": str(sqlite_path), "postgres_table": name, "columns": columns,
            "row_count": row_count, "batches": batches, "json_columns": json_columns, "bool_columns": bool_columns,
            "post_import_sql": post_import_sql}


def export_all(paths, output, batch_size=BATCH_SIZE):
    tables = {spec[0]: export_table(spec, paths, output, batch_size) for spec in TABLE_SPECS}
    manifest = {"version": 1, "generated_at": GENERATED_AT, "tables": tables}
    (output / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


# ---------------------------------------------------------------------------------------------------------------------
# Reading an export back.


def check_export(output, databases):
    manifest_bytes = (output / "manifest.json").read_bytes()
    assert manifest_bytes.isascii(), "manifest.json is not ASCII"
    manifest = json.loads(manifest_bytes)
    assert manifest_bytes.decode() == json.dumps(manifest, indent=2, sort_keys=True), "manifest format"
    assert manifest["version"] == 1 and manifest["generated_at"] == GENERATED_AT
    assert list(manifest["tables"]) == sorted(spec[0] for spec in TABLE_SPECS)
    listed = set()
    counts = {}
    for name, table in manifest["tables"].items():
        spec = next(s for s in TABLE_SPECS if s[0] == name)
        assert table["name"] == table["postgres_table"] == name
        assert table["columns"] == spec[2] and table["json_columns"] == spec[4] and table["bool_columns"] == spec[5]
        total = 0
        for index, batch in enumerate(table["batches"], start=1):
            assert batch["file"] == f"{name}/batch_{index:04d}.jsonl"
            data = (output / batch["file"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == batch["checksum"], f"checksum of {batch['file']}"
            assert data.isascii(), f"{batch['file']} is not ASCII"
            assert data.endswith(b"\n")
            lines = data.decode("ascii").split("\n")[:-1]
            assert len(lines) == batch["rows"] and 0 < batch["rows"] <= BATCH_SIZE
            assert index == len(table["batches"]) or batch["rows"] == BATCH_SIZE
            for line in lines:
                row = json.loads(line)
                assert list(row) == sorted(spec[2]), f"keys of a {name} row"
                assert line == json.dumps(row, sort_keys=True, separators=(",", ":")), f"a {name} line"
                for column in spec[5]:
                    assert isinstance(row[column], bool)
            total += batch["rows"]
            listed.add(batch["file"])
        assert total == table["row_count"]
        if total == 0:
            assert not (output / name).exists(), f"an empty {name} has a folder"
        connection = sqlite3.connect(databases[spec[1]])
        try:
            actual = connection.execute(f"SELECT COUNT(*) FROM {name}").fetchone()[0]
        finally:
            connection.close()
        assert actual == total, f"{name}: {total} exported, {actual} in SQLite"
        counts[name] = total
    on_disk = {p.relative_to(output).as_posix() for p in output.rglob("*.jsonl")}
    assert on_disk == listed, f"unlisted batch files: {sorted(on_disk - listed)}"
    return counts


# ---------------------------------------------------------------------------------------------------------------------


def build(directory, scripts):
    """Builds each SQLite file from its script, as the tests do."""
    for file_name, script in scripts.items():
        connection = sqlite3.connect(directory / file_name)
        try:
            connection.executescript(script)
        finally:
            connection.close()


def export_fixture(scripts, output):
    if output.exists():
        shutil.rmtree(output)
    output.mkdir()
    with tempfile.TemporaryDirectory() as temp:
        directory = Path(temp)
        build(directory, scripts)
        files = {REPO: "workflows.sqlite", CHATKIT: "chatkit.sqlite", TOKENS: "service_tokens.sqlite"}
        previous = os.getcwd()
        os.chdir(directory)
        try:
            export_all({key: Path(value) for key, value in files.items()}, output.resolve())
        finally:
            os.chdir(previous)
        return check_export(output, {key: directory / value for key, value in files.items()})


def main():
    scripts = {
        "workflows.sqlite": REPOSITORY_SCHEMA + "\n".join(workflow_rows()) + "\n",
        "chatkit.sqlite": CHATKIT_SCHEMA + "\n".join(chatkit_rows()) + "\n",
        "service_tokens.sqlite": TOKENS_SCHEMA + "\n".join(token_rows()) + "\n",
    }
    for file_name, script in scripts.items():
        (HERE / file_name.replace(".sqlite", ".sql")).write_text(script, encoding="utf-8")
    counts = export_fixture(scripts, HERE / "export")
    empty = export_fixture({"workflows.sqlite": REPOSITORY_SCHEMA, "chatkit.sqlite": CHATKIT_SCHEMA,
                            "service_tokens.sqlite": TOKENS_SCHEMA}, HERE / "export-empty")
    assert not any(empty.values()) and [p.name for p in (HERE / "export-empty").iterdir()] == ["manifest.json"]
    for name, count in counts.items():
        print(f"{name}: {count}")


if __name__ == "__main__":
    main()
