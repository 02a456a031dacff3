"""Writes the rows of the upstream workflow databases that UpstreamWorkflowsSqliteTest opens.

The rows are what upstream Orcheo writes (spec: orcheo-workflows-and-history.md §1.2-§1.9 and
orcheo-observed-formats.md): payload and config JSON is Python ``json.dumps`` with its defaults (separators
``", "`` and ``": "``, non-ASCII as ``\\uXXXX``, surrogate pairs beyond the BMP), pydantic's ``Z`` timestamps inside
the JSON, ``datetime.isoformat()`` (``+00:00``) in the columns, booleans as 0/1. One INSERT per line.

It also prints the unified diff of the two versions' graphs exactly as upstream's diff_versions computes it, for
the test to compare against.

Run: python3 generate.py  (writes head-rows.sql and seed-rows.sql next to this file)
"""

import difflib
import json
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).parent

W_ACTIVE = "a1000000-0000-4000-8000-000000000001"
W_ARCHIVED = "a1000000-0000-4000-8000-000000000002"
W_DIGEST = "a1000000-0000-4000-8000-000000000003"
V_ACTIVE_1 = "b1000000-0000-4000-8000-000000000011"
V_ACTIVE_2 = "b1000000-0000-4000-8000-000000000012"
V_DIGEST_1 = "b1000000-0000-4000-8000-000000000031"
R_SUCCEEDED = "c1000000-0000-4000-8000-000000000001"
R_FAILED = "c1000000-0000-4000-8000-000000000002"
R_PENDING = "c1000000-0000-4000-8000-000000000003"
R_RUNNING = "c1000000-0000-4000-8000-000000000004"
R_CANCELLED = "c1000000-0000-4000-8000-000000000005"
R_CRON = "c1000000-0000-4000-8000-000000000006"

S_ACTIVE = "d1000000-0000-4000-8000-000000000001"
S_ARCHIVED = "d1000000-0000-4000-8000-000000000002"
S_VERSION = "e1000000-0000-4000-8000-000000000001"


def ts(text):
    """An aware UTC datetime from 'YYYY-MM-DDTHH:MM:SS[.ffffff]'."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def js(dt):
    """pydantic's JSON form of an aware UTC datetime: ISO-8601 with Z."""
    if dt is None:
        return None
    return dt.isoformat().replace("+00:00", "Z")


def col(dt):
    """The column form: datetime.isoformat()."""
    return None if dt is None else dt.isoformat()


def event(actor, action, at, metadata=None):
    return {"actor": actor, "action": action, "at": js(at), "metadata": metadata or {}}


def workflow(wid, name, handle, slug, description, tags, archived, draft_access, events, public=None, chatkit=None,
             extra=None):
    doc = {
        "id": wid,
        "created_at": js(events[0]["_at"]),
        "updated_at": js(events[-1]["_at"]),
        "audit_log": [{k: v for k, v in e.items() if k != "_at"} for e in events],
        "name": name,
        "handle": handle,
        "slug": slug,
        "description": description,
        "tags": tags,
        "is_archived": archived,
        "draft_access": draft_access,
        "is_public": public is not None,
        "published_at": js(public[0]) if public else None,
        "published_by": public[1] if public else None,
        "require_login": public[2] if public else False,
        "share_url": None,
        "chatkit": chatkit,
    }
    doc.update(extra or {})
    return doc


def ev(actor, action, at, metadata=None):
    e = event(actor, action, ts(at), metadata)
    e["_at"] = ts(at)
    return e


def version(vid, wid, number, graph, runnable_config, created_by, notes, created, metadata=None):
    at = ts(created)
    return {
        "id": vid,
        "created_at": js(at),
        "updated_at": js(at),
        "audit_log": [event(created_by, "version_created", at)],
        "workflow_id": wid,
        "version": number,
        "graph": graph,
        "mermaid": None,
        "metadata": metadata or {},
        "runnable_config": runnable_config,
        "created_by": created_by,
        "notes": notes,
    }


def run(rid, vid, status, triggered_by, actor, input_payload, created, started=None, finished=None, output=None,
        error=None, config=None):
    created_at = ts(created)
    events = [event(actor, "run_created", created_at)]
    last = created_at
    if started:
        last = ts(started)
        events.append(event("worker", "run_started", last))
    if status == "succeeded":
        last = ts(finished)
        events.append(event("worker", "run_succeeded", last))
    elif status == "failed":
        last = ts(finished)
        events.append(event("worker", "run_failed", last, {"error": error}))
    elif status == "cancelled":
        last = ts(finished)
        events.append(event(actor, "run_cancelled", last, {"reason": error}))
    config = config or {}
    return {
        "id": rid,
        "created_at": js(created_at),
        "updated_at": js(last),
        "audit_log": events,
        "workflow_version_id": vid,
        "status": status,
        "triggered_by": triggered_by,
        "input_payload": input_payload,
        "runnable_config": config,
        "tags": list(config.get("tags", [])),
        "callbacks": list(config.get("callbacks", [])),
        "metadata": dict(config.get("metadata", {})),
        "run_name": config.get("run_name"),
        "output_payload": output,
        "started_at": js(ts(started)) if started else None,
        "completed_at": js(ts(finished)) if finished else None,
        "error": error,
    }


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


def workflow_row(doc, with_mirrors=True):
    row = {"id": doc["id"]}
    if with_mirrors:
        row["handle"] = doc["handle"]
        row["is_archived"] = doc["is_archived"]
    row["payload"] = json.dumps(doc)
    row["created_at"] = col(datetime.fromisoformat(doc["created_at"].replace("Z", "+00:00")))
    row["updated_at"] = col(datetime.fromisoformat(doc["updated_at"].replace("Z", "+00:00")))
    return insert("workflows", **row)


def version_row(doc):
    return insert("workflow_versions", id=doc["id"], workflow_id=doc["workflow_id"], version=doc["version"],
                  payload=json.dumps(doc), created_at=col(datetime.fromisoformat(doc["created_at"][:-1] + "+00:00")),
                  updated_at=col(datetime.fromisoformat(doc["updated_at"][:-1] + "+00:00")))


def run_row(doc, workflow_id):
    return insert("workflow_runs", id=doc["id"], workflow_id=workflow_id,
                  workflow_version_id=doc["workflow_version_id"], status=doc["status"],
                  triggered_by=doc["triggered_by"], payload=json.dumps(doc),
                  created_at=col(datetime.fromisoformat(doc["created_at"][:-1] + "+00:00")),
                  updated_at=col(datetime.fromisoformat(doc["updated_at"][:-1] + "+00:00")))


GRAPH_1 = {
    "nodes": [
        {"name": "start", "type": "input"},
        {"name": "screen", "type": "llm", "model": "gpt-4o-mini", "prompt": "\u00c9value le CV \u2014 \u5c65\u6b74\u66f8"},
    ],
    "edges": [{"source": "start", "target": "screen"}],
    "outputs": ["a"],
    "index": {"listeners": []},
}
GRAPH_2 = {
    "nodes": [
        {"name": "start", "type": "input"},
        {"name": "screen", "type": "llm", "model": "gpt-4o", "prompt": "\u00c9value le CV \u2014 \u5c65\u6b74\u66f8"},
    ],
    "edges": [{"source": "start", "target": "screen"}],
    "outputs": ["a", "b"],
    "index": {"listeners": []},
}
V2_CONFIG = {"tags": ["stored"], "metadata": {"env": "prod", "team": "hr"}, "recursion_limit": 30}


def head_rows():
    rows = []
    rows.append(workflow_row(workflow(
        W_ACTIVE, "R\u00e9sum\u00e9 Screener \u2014 \u5c65\u6b74\u66f8 \U0001F4C4", "resume-screener", "r-sum-screener",
        "Screens r\u00e9sum\u00e9s", ["hr", "screening"], False, "authenticated",
        [ev("alice", "workflow_created", "2025-01-01T09:00:00"),
         ev("alice", "workflow_published", "2025-01-01T10:00:00", {"require_login": True}),
         ev("alice", "workflow_updated", "2025-01-01T11:30:00.250000",
            {"handle": {"from": None, "to": "resume-screener"}})],
        public=(ts("2025-01-01T10:00:00"), "alice", True),
        chatkit={"start_screen_prompts": [{"label": "Start", "prompt": "Screen this r\u00e9sum\u00e9", "icon": None}],
                 "supported_models": None},
        # A key a newer upstream might write: it must survive our read-modify-write.
        extra={"x_future_field": {"kept": True}})))
    rows.append(workflow_row(workflow(
        W_ARCHIVED, "Legacy Screener", "resume-screener", "legacy-screener", None, [], True, "personal",
        [ev("bob", "workflow_created", "2024-12-01T08:00:00"),
         ev("bob", "workflow_updated", "2024-12-31T23:59:59.999999", {"is_archived": {"from": False, "to": True}})])))
    rows.append(workflow_row(workflow(
        W_DIGEST, "Daily Digest", None, "daily-digest", None, ["workspace:acme"], False, "workspace",
        [ev("carol", "workflow_created", "2025-01-01T08:30:00")])))

    rows.append(version_row(version(V_ACTIVE_1, W_ACTIVE, 1, GRAPH_1, None, "alice", "first draft",
                                    "2025-01-01T09:05:00", {"source": "canvas"})))
    rows.append(version_row(version(V_ACTIVE_2, W_ACTIVE, 2, GRAPH_2, V2_CONFIG, "alice", None,
                                    "2025-01-01T09:10:00.000123")))
    rows.append(version_row(version(V_DIGEST_1, W_DIGEST, 1, {"nodes": [{"name": "digest", "type": "agent"}]}, None,
                                    "carol", None, "2025-01-01T08:35:00")))

    rows.append(run_row(run(R_SUCCEEDED, V_ACTIVE_1, "succeeded", "manual", "alice", {"candidate": "Zo\u00eb"},
                            "2025-01-01T09:06:00", "2025-01-01T09:06:01", "2025-01-01T09:06:05.500000",
                            output={"score": 0.87, "verdict": "hire"}), W_ACTIVE))
    rows.append(run_row(run(R_FAILED, V_ACTIVE_2, "failed", "manual", "alice", {"candidate": "Ann"},
                            "2025-01-01T09:20:00", "2025-01-01T09:20:01", "2025-01-01T09:20:02",
                            error="LLM timeout", config=V2_CONFIG), W_ACTIVE))
    rows.append(run_row(run(R_PENDING, V_ACTIVE_2, "pending", "webhook", "webhook",
                            {"body": {"name": "Zo\u00eb"}, "headers": {"x-team": "hr"}, "query_params": {},
                             "source_ip": "10.0.0.7"},
                            "2025-01-01T09:40:00", config=V2_CONFIG), W_ACTIVE))
    rows.append(run_row(run(R_RUNNING, V_ACTIVE_2, "running", "manual", "alice", {},
                            "2025-01-01T09:45:00", "2025-01-01T09:45:01", config=V2_CONFIG), W_ACTIVE))
    rows.append(run_row(run(R_CANCELLED, V_ACTIVE_1, "cancelled", "manual", "alice", {},
                            "2025-01-01T09:50:00", finished="2025-01-01T09:51:00", error="superseded"), W_ACTIVE))
    rows.append(run_row(run(R_CRON, V_DIGEST_1, "succeeded", "cron", "cron",
                            {"scheduled_for": "2025-01-01T09:00:00+00:00", "timezone": "UTC"},
                            "2025-01-01T09:00:00.004321", "2025-01-01T09:00:01", "2025-01-01T09:00:30",
                            output={}), W_DIGEST))

    rows.append(insert("webhook_triggers", workflow_id=W_ACTIVE, config=json.dumps({
        "allowed_methods": ["GET", "POST"], "required_headers": {"x-team": "hr"}, "required_query_params": {},
        "shared_secret_header": "x-secret", "shared_secret": "s3cr3t", "hmac_header": None, "hmac_secret": None,
        "hmac_algorithm": "sha256", "hmac_timestamp_header": None, "hmac_tolerance_seconds": 300,
        "rate_limit": {"limit": 60, "interval_seconds": 60}})))
    rows.append(insert("cron_triggers", workflow_id=W_DIGEST, config=json.dumps({
        "expression": "0 9 * * *", "timezone": "UTC", "allow_overlapping": False, "start_at": None,
        "end_at": None}), last_dispatched_at=col(ts("2025-01-01T09:00:00"))))
    rows.append(insert("retry_policies", workflow_id=W_ACTIVE, config=json.dumps({
        "max_attempts": 3, "initial_delay_seconds": 12.5, "backoff_factor": 2.0, "max_delay_seconds": 300.0,
        "jitter_factor": 0.0})))
    return rows


def seed_workflow(wid, name, slug, tags, archived, events, legacy_keys=False):
    doc = {
        "id": wid,
        "created_at": js(events[0]["_at"]),
        "updated_at": js(events[-1]["_at"]),
        "audit_log": [{k: v for k, v in e.items() if k != "_at"} for e in events],
        "name": name,
        "slug": slug,
        "description": None,
        "tags": tags,
        "is_archived": archived,
        "is_public": False,
        "published_at": None,
        "published_by": None,
        "require_login": False,
    }
    if legacy_keys:
        doc["publish_token_hash"] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        doc["publish_token_rotated_at"] = js(events[0]["_at"])
    return doc


def seed_rows():
    rows = []
    rows.append(workflow_row(seed_workflow(
        S_ACTIVE, "Seed Flow", "seed-flow", ["workspace:acme"], False,
        [ev("dave", "workflow_created", "2024-11-01T07:00:00")], legacy_keys=True), with_mirrors=False))
    rows.append(workflow_row(seed_workflow(
        S_ARCHIVED, "Seed Archived", "seed-archived", [], True,
        [ev("dave", "workflow_created", "2024-11-02T07:00:00"),
         ev("dave", "workflow_updated", "2024-11-03T07:00:00.000001", {"is_archived": {"from": False, "to": True}})]),
        with_mirrors=False))
    rows.append(version_row(version(S_VERSION, S_ACTIVE, 1, {"nodes": []}, None, "dave", None,
                                    "2024-11-01T07:05:00")))
    rows.append(insert("cron_triggers", workflow_id=S_ACTIVE, config=json.dumps({
        "expression": "30 6 * * *", "timezone": "UTC", "allow_overlapping": False, "start_at": None,
        "end_at": None})))
    return rows


def main():
    (HERE / "head-rows.sql").write_text("\n".join(head_rows()) + "\n", encoding="ascii")
    (HERE / "seed-rows.sql").write_text("\n".join(seed_rows()) + "\n", encoding="ascii")
    base = json.dumps(GRAPH_1, indent=2, sort_keys=True).splitlines()
    target = json.dumps(GRAPH_2, indent=2, sort_keys=True).splitlines()
    for line in difflib.unified_diff(base, target, fromfile="v1", tofile="v2", lineterm=""):
        print(json.dumps(line))


if __name__ == "__main__":
    main()
