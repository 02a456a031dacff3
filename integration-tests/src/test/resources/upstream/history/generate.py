"""Writes the rows of the upstream run-history databases that UpstreamHistorySqliteTest opens.

The rows are what upstream Orcheo's SQLite history and agentensor stores write (spec:
orcheo-workflows-and-history.md 1.8 and 2.9, orcheo-tokens-checkpoints-chatkit-vault-migration.md B, and
orcheo-observed-formats.md): JSON is Python ``json.dumps`` with its defaults (separators ``", "`` and ``": "``,
non-ASCII as ``\\uXXXX``, surrogate pairs beyond the BMP, integers of any size, ``-0.0`` and ``1.5e+300`` as-is,
``NaN`` unquoted), timestamps are ``datetime.isoformat()`` of aware UTC values (``+00:00``, six fraction digits or
none), ``is_best`` is 1/0, plain text columns (run_name) raw UTF-8. One INSERT per line.

history-rows.sql fills the HEAD schema (execution_history with the trace and config columns, the steps, and
agentensor_checkpoints). legacy-rows.sql fills the SEED-era execution_history, which has neither the trace columns
nor runnable_config/tags/callbacks/metadata/run_name.

Run: python3 generate.py  (writes history-rows.sql and legacy-rows.sql next to this file)
"""

import json
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).parent

WORKFLOW = "a2000000-0000-4000-8000-000000000001"
OTHER_WORKFLOW = "a2000000-0000-4000-8000-000000000002"

E_COMPLETED = "e2000000-0000-4000-8000-000000000001"
E_RUNNING = "e2000000-0000-4000-8000-000000000002"
E_FAILED = "e2000000-0000-4000-8000-000000000003"
E_NAN = "e2000000-0000-4000-8000-000000000004"

C_FIRST = "f2000000-0000-4000-8000-000000000001"
C_BEST = "f2000000-0000-4000-8000-000000000002"
C_EXPLICIT = "f2000000-0000-4000-8000-000000000005"
C_OTHER_BEST = "f2000000-0000-4000-8000-000000000009"

L_COMPLETED = "e3000000-0000-4000-8000-000000000001"
L_RUNNING = "e3000000-0000-4000-8000-000000000002"


def ts(text):
    """An aware UTC datetime from 'YYYY-MM-DDTHH:MM:SS[.ffffff]'."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def col(text):
    """The column form upstream writes: datetime.isoformat() of an aware UTC value."""
    return None if text is None else ts(text).isoformat()


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


def history(execution_id, workflow_id, inputs, config, status, started, completed=None, error=None, trace_id=None,
            last_span=None):
    """A row as SqliteRunHistoryStore.start_run writes it, then _update_status / append_step update it."""
    config = config or {}
    return insert(
        "execution_history",
        execution_id=execution_id,
        workflow_id=workflow_id,
        inputs=json.dumps(dict(inputs)),
        runnable_config=json.dumps(dict(config)),
        tags=json.dumps(list(config.get("tags", []))),
        callbacks=json.dumps(list(config.get("callbacks", []))),
        metadata=json.dumps(dict(config.get("metadata", {}))),
        run_name=config.get("run_name"),
        status=status,
        started_at=col(started),
        completed_at=col(completed),
        error=error,
        trace_id=trace_id,
        trace_started_at=col(started),
        trace_completed_at=col(completed),
        trace_last_span_at=col(last_span or started),
    )


def step(execution_id, index, at, payload):
    return insert("execution_history_steps", execution_id=execution_id, step_index=index, at=col(at),
                  payload=json.dumps(dict(payload)))


def checkpoint(cid, workflow_id, version, config, metrics, created, metadata=None, artifact_url=None, best=False):
    """A row as the SQLite agentensor store's record_checkpoint writes it."""
    return insert("agentensor_checkpoints", id=cid, workflow_id=workflow_id, config_version=version,
                  runnable_config=json.dumps(config), metrics=json.dumps(metrics),
                  metadata=json.dumps(metadata or {}), artifact_url=artifact_url, is_best=best,
                  created_at=col(created))


CONFIG = {"tags": ["hr", "screening"], "callbacks": [{"name": "tracer"}], "metadata": {"env": "prod", "team": "hr"},
          "run_name": "R\u00e9sum\u00e9 run", "recursion_limit": 30}


def history_rows():
    rows = []
    rows.append(history(E_COMPLETED, WORKFLOW,
                        {"candidate": "Zo\u00eb \U0001F4C4", "submitted_at": ts("2025-01-01T08:59:00").isoformat()},
                        CONFIG, "completed", "2025-01-01T09:00:00", completed="2025-01-01T09:00:05.500000",
                        trace_id="trace-0001", last_span="2025-01-01T09:00:03.000001"))
    rows.append(step(E_COMPLETED, 0, "2025-01-01T09:00:01", {"node": "start", "status": "ok"}))
    rows.append(step(E_COMPLETED, 1, "2025-01-01T09:00:02.250000", {
        "node": "screen",
        "output": {"score": 0.87, "big": 18446744073709551616, "neg_zero": -0.0, "huge": 1.5e300,
                   "note": "R\u00e9sum\u00e9 \u2014 \u5c65\u6b74\u66f8 \U0001F4C4"},
    }))
    rows.append(step(E_COMPLETED, 2, "2025-01-01T09:00:03.000001", {
        "node": "end", "finished_at": ts("2025-01-01T09:00:03.000001").isoformat()}))

    rows.append(history(E_RUNNING, WORKFLOW, {"candidate": "Ann"}, None, "running", "2025-01-01T10:00:00.123456",
                        last_span="2025-01-01T10:00:02"))
    rows.append(step(E_RUNNING, 0, "2025-01-01T10:00:01", {"node": "start"}))
    rows.append(step(E_RUNNING, 1, "2025-01-01T10:00:02", {"node": "screen", "tokens": 1234}))

    # Half a second after E_COMPLETED: with and without a fraction, the text still sorts by time.
    rows.append(history(E_FAILED, WORKFLOW, {}, None, "error", "2025-01-01T09:00:00.500000",
                        completed="2025-01-01T09:00:09", error="LLM timeout", last_span="2025-01-01T09:00:09"))

    # Another workflow: a payload only Python's json.dumps writes (NaN is not JSON).
    rows.append(history(E_NAN, OTHER_WORKFLOW, {"epochs": 3}, None, "completed", "2025-01-01T07:00:00",
                        completed="2025-01-01T07:00:02", last_span="2025-01-01T07:00:01"))
    rows.append(step(E_NAN, 0, "2025-01-01T07:00:01", {"node": "train", "loss": float("nan"), "epoch": 1}))

    rows.append(checkpoint(C_FIRST, WORKFLOW, 1, {"temperature": 0.7}, {"accuracy": 0.81},
                           "2025-01-01T11:00:00"))
    rows.append(checkpoint(C_BEST, WORKFLOW, 2, {"temperature": 0.2}, {"accuracy": 0.93},
                           "2025-01-01T11:05:00.250000", metadata={"note": "caf\u00e9"},
                           artifact_url="s3://bucket/ckpt-2", best=True))
    # An explicit version, recorded before v2: the latest is the highest version, not the newest.
    rows.append(checkpoint(C_EXPLICIT, WORKFLOW, 5, {"temperature": 0.5}, {"accuracy": 0.9},
                           "2025-01-01T10:55:00"))
    rows.append(checkpoint(C_OTHER_BEST, OTHER_WORKFLOW, 1, {}, {"loss": 0.1}, "2025-01-01T12:00:00", best=True))
    return rows


def legacy_rows():
    """The SEED-era store wrote only these columns (no trace, no config)."""
    rows = []
    rows.append(insert("execution_history", execution_id=L_COMPLETED, workflow_id=WORKFLOW,
                       inputs=json.dumps({"question": "caf\u00e9?"}), status="completed",
                       started_at=col("2024-11-01T07:00:00"), completed_at=col("2024-11-01T07:00:03.500000"),
                       error=None))
    rows.append(step(L_COMPLETED, 0, "2024-11-01T07:00:01", {"node": "answer", "text": "oui"}))
    rows.append(step(L_COMPLETED, 1, "2024-11-01T07:00:02.000100", {"node": "end"}))
    rows.append(insert("execution_history", execution_id=L_RUNNING, workflow_id=WORKFLOW,
                       inputs=json.dumps({}), status="running", started_at=col("2024-11-02T07:00:00"),
                       completed_at=None, error=None))
    rows.append(step(L_RUNNING, 0, "2024-11-02T07:00:01", {"node": "start"}))
    return rows


def main():
    (HERE / "history-rows.sql").write_text("\n".join(history_rows()) + "\n", encoding="utf-8")
    (HERE / "legacy-rows.sql").write_text("\n".join(legacy_rows()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
