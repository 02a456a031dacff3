"""Writes the upstream ChatKit databases that UpstreamChatkitSqliteTest and PostgresUpstreamChatkitTest open.

The rows are what upstream Orcheo's ChatKit stores write (spec: orcheo-tokens-checkpoints-chatkit-vault-migration.md
§C and orcheo-observed-formats.md):

* JSON columns are ``json.dumps(payload, separators=(",", ":"), ensure_ascii=False)``: compact, raw UTF-8.
* ``item_json`` and ``details_json`` are the ChatKit pydantic models dumped with ``model_dump(mode="json")``: fields
  in declaration order (id, thread_id, created_at, type, then the item's own), ``created_at`` with ``Z``, microseconds
  only when not zero; widget trees drop their null fields (ChatKit's widget serializer does).
* ``status_json`` is the status model dumped in JSON mode (``{"type":"active"}``, ``{"type":"locked","reason":…}``).
* ``metadata_json`` is the thread's plain dict (timestamps inside it keep ``+00:00``).
* Timestamp columns are ``datetime.isoformat()`` of aware UTC values: ``+00:00``, six fraction digits or none.
* ``workflow_id`` is ``str(metadata["workflow_id"])`` when that is truthy, else NULL.

Files written next to this one, one SQL statement per line except the multi-line CREATE statements, each
statement ending with ``;`` at the end of a line:

* head.sql: upstream HEAD's SQLite schema script (SCHEMA_SQL of the SQLite ChatKit store, verbatim), then the rows.
* postgres.sql: upstream's PostgreSQL schema (POSTGRES_CHATKIT_SCHEMA, verbatim), then the same rows as the
  PostgreSQL store writes them (JSONB, TIMESTAMP WITH TIME ZONE).
* legacy.sql: a chat_threads table and a chat_messages table from before upstream added thread_id; each item's
  thread is in its JSON (thread_id, threadId or metadata.thread_id), or nowhere.
* legacy-invalid-json.sql: legacy.sql plus one row whose item_json is not JSON.

Run: python3 generate.py
"""

import json
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).parent

SQLITE_SCHEMA = """\
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

POSTGRES_SCHEMA = """\
CREATE TABLE IF NOT EXISTS chat_threads (
    id TEXT PRIMARY KEY,
    title TEXT,
    workflow_id TEXT,
    status_json JSONB NOT NULL,
    metadata_json JSONB NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_chat_threads_created
    ON chat_threads(created_at);
CREATE INDEX IF NOT EXISTS idx_chat_threads_updated
    ON chat_threads(updated_at);
CREATE INDEX IF NOT EXISTS idx_chat_threads_workflow
    ON chat_threads(workflow_id);
CREATE INDEX IF NOT EXISTS idx_chat_threads_metadata
    ON chat_threads USING GIN (metadata_json);
CREATE INDEX IF NOT EXISTS idx_chat_threads_status
    ON chat_threads USING GIN (status_json);
CREATE TABLE IF NOT EXISTS chat_messages (
    id TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    ordinal INTEGER NOT NULL,
    item_type TEXT,
    item_json JSONB NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY(thread_id) REFERENCES chat_threads(id)
        ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_chat_messages_thread
    ON chat_messages(thread_id, ordinal);
CREATE INDEX IF NOT EXISTS idx_chat_messages_created
    ON chat_messages(created_at);
CREATE INDEX IF NOT EXISTS idx_chat_messages_item_type
    ON chat_messages(item_type);
CREATE INDEX IF NOT EXISTS idx_chat_messages_json
    ON chat_messages USING GIN (item_json);
CREATE INDEX IF NOT EXISTS idx_chat_messages_fts
    ON chat_messages USING GIN (to_tsvector('english', item_json::text));
CREATE TABLE IF NOT EXISTS chat_attachments (
    id TEXT PRIMARY KEY,
    thread_id TEXT,
    attachment_type TEXT NOT NULL,
    name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    details_json JSONB NOT NULL,
    storage_path TEXT,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY(thread_id) REFERENCES chat_threads(id)
        ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS idx_chat_attachments_thread
    ON chat_attachments(thread_id);
CREATE INDEX IF NOT EXISTS idx_chat_attachments_created
    ON chat_attachments(created_at);
CREATE INDEX IF NOT EXISTS idx_chat_attachments_details
    ON chat_attachments USING GIN (details_json);
"""

# The chat_messages table of upstream's first ChatKit store: no thread_id column.
LEGACY_SCHEMA = """\
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
    ordinal INTEGER NOT NULL,
    item_type TEXT,
    item_json TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""

W_SCREENING = "a4000000-0000-4000-8000-000000000001"
W_ONBOARDING = "a4000000-0000-4000-8000-000000000002"

T_SCREEN = "thr_a1b2c3d4"
T_TIE = "thr_e5f6a7b8"
T_LOCKED = "thr_b2c3d4e5"
T_CLOSED = "thr_c3d4e5f6"
T_FREE = "thr_d4e5f6a7"

L_THREAD_A = "thr_1e9ac0a1"
L_THREAD_B = "thr_1e9ac0b2"


def ts(text):
    """An aware UTC datetime from 'YYYY-MM-DDTHH:MM:SS[.ffffff]'."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def col(text):
    """A timestamp column as upstream writes it: datetime.isoformat() of an aware UTC value."""
    return ts(text).isoformat()


def js(text):
    """A datetime inside a pydantic JSON dump: ISO-8601 with Z."""
    return ts(text).isoformat().replace("+00:00", "Z")


def dumps(payload):
    """Upstream's ChatKit _json_dumps."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)


def sql(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def insert(table, columns, casts=None):
    casts = casts or {}
    names = ", ".join(columns)
    values = ", ".join(sql(v) + casts.get(k, "") if v is not None else "NULL" for k, v in columns.items())
    return f"INSERT INTO {table} ({names}) VALUES ({values});"


# --------------------------------------------------------------------------------------------- ChatKit models


def file_attachment(aid, name, mime, upload_url=None):
    return {"id": aid, "name": name, "mime_type": mime, "upload_url": upload_url, "type": "file"}


def image_attachment(aid, name, mime, preview_url, upload_url=None):
    return {"id": aid, "name": name, "mime_type": mime, "upload_url": upload_url, "type": "image",
            "preview_url": preview_url}


def base(iid, thread, created, kind):
    return {"id": iid, "thread_id": thread, "created_at": js(created), "type": kind}


def user_message(iid, thread, created, content, attachments=(), quoted=None, tool=None, model=None):
    item = base(iid, thread, created, "user_message")
    item["content"] = list(content)
    item["attachments"] = list(attachments)
    item["quoted_text"] = quoted
    item["inference_options"] = {"tool_choice": None if tool is None else {"id": tool}, "model": model}
    return item


def text(value):
    return {"type": "input_text", "text": value}


def tag(tid, value, data, group=None, interactive=False):
    return {"type": "input_tag", "id": tid, "text": value, "data": data, "group": group, "interactive": interactive}


def assistant_message(iid, thread, created, *parts):
    item = base(iid, thread, created, "assistant_message")
    item["content"] = [
        {"annotations": list(annotations), "text": value, "type": "output_text"} for value, annotations in parts]
    return item


def client_tool_call(iid, thread, created, status, call_id, name, arguments, output):
    item = base(iid, thread, created, "client_tool_call")
    item.update(status=status, call_id=call_id, name=name, arguments=arguments, output=output)
    return item


def widget(iid, thread, created, tree, copy_text):
    item = base(iid, thread, created, "widget")
    item.update(widget=tree, copy_text=copy_text)
    return item


def custom_task(title, content, status_indicator="none", icon=None):
    return {"status_indicator": status_indicator, "type": "custom", "title": title, "icon": icon, "content": content}


def task(iid, thread, created, body):
    item = base(iid, thread, created, "task")
    item["task"] = body
    return item


def workflow(iid, thread, created, kind, tasks, summary, expanded):
    item = base(iid, thread, created, "workflow")
    item["workflow"] = {"type": kind, "tasks": tasks, "summary": summary, "expanded": expanded}
    return item


def hidden(iid, thread, created, content, kind="hidden_context_item"):
    item = base(iid, thread, created, kind)
    item["content"] = content
    return item


def end_of_turn(iid, thread, created):
    return base(iid, thread, created, "end_of_turn")


# --------------------------------------------------------------------------------------------- the dataset

A_FILE = file_attachment("atc_1a2b3c4d", "Résumé — 履歴書.pdf", "application/pdf")
A_IMAGE = image_attachment("atc_2b3c4d5e", "portrait.png", "image/png", "https://cdn.example.com/portraits/zoe.png")
A_UPLOAD = file_attachment("atc_3c4d5e6f", "notes 📄.txt", "text/plain",
                           upload_url="https://uploads.example.com/atc_3c4d5e6f")

THREADS = [
    # id, title, status, metadata, created_at, updated_at
    (T_SCREEN, "Résumé — 履歴書 📄", {"type": "active"},
     {"workflow_id": W_SCREENING, "candidate": "Zoë 📄", "submitted_at": col("2025-03-01T08:59:00")},
     "2025-03-01T09:00:00", "2025-03-01T09:00:12.250000"),
    # Same creation time as T_SCREEN: the id breaks the tie.
    (T_TIE, "Second opinion", {"type": "active"}, {"workflow_id": W_SCREENING, "reviewer": "Åsa"},
     "2025-03-01T09:00:00", "2025-03-01T09:30:00"),
    # Half a second after T_SCREEN: with and without a fraction, the text still sorts by time.
    (T_LOCKED, "Interview plan", {"type": "locked", "reason": "Waiting for approval — 承認待ち"},
     {"workflow_id": W_SCREENING, "stage": "interview", "panel": ["Ann", "Bo"]},
     "2025-03-01T09:00:00.500000", "2025-03-01T10:00:00"),
    (T_CLOSED, None, {"type": "closed", "reason": None}, {"workflow_id": W_ONBOARDING, "step": 3},
     "2025-03-02T10:00:00.000001", "2025-03-02T10:05:00"),
    (T_FREE, "Quick question", {"type": "active"}, {"source": "api", "tags": ["faq", "billing"]},
     "2025-02-28T23:59:59.999999", "2025-02-28T23:59:59.999999"),
]

MESSAGES = [
    # thread, ordinal, item
    (T_SCREEN, 0, user_message(
        "msg_00000001", T_SCREEN, "2025-03-01T09:00:01",
        [text("Please screen this résumé for the data engineer role"),
         tag("cand-7", "@Zoë", {"candidate_id": 7, "source": "ats"}, group="candidates", interactive=True)],
        attachments=[A_FILE, A_IMAGE], quoted="5 years of Spark — 履歴書", tool="screen_candidate",
        model="gpt-4.1")),
    (T_SCREEN, 1, assistant_message(
        "msg_00000002", T_SCREEN, "2025-03-01T09:00:02.500000",
        ("Zoë has strong pipeline experience.", []),
        ("Her Kafka work stands out 🚀", [{"type": "annotation", "source": {
            "title": "Résumé", "description": None, "timestamp": None, "group": None, "type": "file",
            "filename": "resume.pdf"}, "index": 0}]))),
    # Two items at ordinal 2 (ordinals are not unique upstream), created at the same instant.
    (T_SCREEN, 2, client_tool_call(
        "tc_00000003", T_SCREEN, "2025-03-01T09:00:03", "completed", "call_1", "fetch_profile",
        {"candidate": "Zoë"}, {"years": 5, "languages": ["en", "日本語"]})),
    (T_SCREEN, 2, workflow(
        "wf_00000004", T_SCREEN, "2025-03-01T09:00:03", "custom",
        [custom_task("Parse résumé", "Extracted 12 skills", status_indicator="complete", icon="document")],
        {"title": "Screening", "icon": None}, False)),
    # Ordinal 3 was deleted: a gap.
    (T_SCREEN, 4, task(
        "tsk_00000005", T_SCREEN, "2025-03-01T09:00:05",
        custom_task("Schedule interview", "Proposed Tuesday 10:00", icon="calendar"))),
    (T_SCREEN, 5, widget(
        "msg_00000006", T_SCREEN, "2025-03-01T09:00:06",
        {"type": "Card", "children": [{"type": "Text", "value": "Score: 92/100 — très bien"}], "size": "sm"},
        "Score: 92/100")),
    (T_SCREEN, 6, hidden(
        "hcx_00000007", T_SCREEN, "2025-03-01T09:00:07", {"rubric": "data-eng-v2", "weights": [0.5, 0.3, 0.2]})),
    (T_SCREEN, 7, end_of_turn("msg_00000008", T_SCREEN, "2025-03-01T09:00:08")),
    (T_SCREEN, 8, user_message(
        "msg_00000009", T_SCREEN, "2025-03-01T09:00:10.000001", [text("Can you summarise her Kafka experience?")])),
    (T_SCREEN, 9, assistant_message(
        "msg_0000000a", T_SCREEN, "2025-03-01T09:00:11",
        ("Her Kafka experience spans three years of streaming pipelines.", []))),
    (T_SCREEN, 10, hidden(
        "hcx_0000000b", T_SCREEN, "2025-03-01T09:00:12", "Earlier turns: screening of Zoë", kind="sdk_hidden_context")),
    (T_LOCKED, 0, user_message(
        "msg_00000101", T_LOCKED, "2025-03-01T09:30:00", [text("When can we interview Zoë?")])),
    (T_LOCKED, 1, assistant_message(
        "msg_00000102", T_LOCKED, "2025-03-01T09:30:01.123456", ("Tuesday works for the whole panel.", []))),
    (T_CLOSED, 0, user_message(
        "msg_00000201", T_CLOSED, "2025-03-02T10:00:01", [text("Kafka access for the new hire, please")])),
]

ATTACHMENTS = [
    # details, thread, storage_path, created_at
    (A_FILE, T_SCREEN, "/var/lib/orcheo/chatkit/atc_1a2b3c4d_Rsum_.pdf", "2025-03-01T09:00:00.750000"),
    (A_IMAGE, T_SCREEN, None, "2025-03-01T09:00:00.800000"),
    # Uploaded and not yet attached to a thread.
    (A_UPLOAD, None, "/var/lib/orcheo/chatkit/atc_3c4d5e6f_notes_.txt", "2025-03-01T08:58:00"),
]


def workflow_of(metadata):
    value = metadata.get("workflow_id")
    return str(value) if value else None


def thread_rows(postgres):
    casts = {"status_json": "::jsonb", "metadata_json": "::jsonb"} if postgres else {}
    return [insert("chat_threads", {
        "id": tid, "title": title, "workflow_id": workflow_of(metadata), "status_json": dumps(status),
        "metadata_json": dumps(metadata), "created_at": col(created), "updated_at": col(updated)}, casts)
        for tid, title, status, metadata, created, updated in THREADS]


def message_rows(postgres):
    casts = {"item_json": "::jsonb"} if postgres else {}
    return [insert("chat_messages", {
        "id": item["id"], "thread_id": thread, "ordinal": ordinal, "item_type": item["type"],
        "item_json": dumps(item), "created_at": col(item["created_at"][:-1])}, casts)
        for thread, ordinal, item in MESSAGES]


def attachment_rows(postgres):
    casts = {"details_json": "::jsonb"} if postgres else {}
    return [insert("chat_attachments", {
        "id": details["id"], "thread_id": thread, "attachment_type": details["type"], "name": details["name"],
        "mime_type": details["mime_type"], "details_json": dumps(details), "storage_path": storage_path,
        "created_at": col(created)}, casts)
        for details, thread, storage_path, created in ATTACHMENTS]


# --------------------------------------------------------------------------------------------- legacy

LEGACY_THREADS = [
    (L_THREAD_A, "Legacy chat", {"type": "active"}, {"workflow_id": W_SCREENING}, "2024-10-01T08:00:00",
     "2024-10-01T08:10:00"),
    (L_THREAD_B, "Ältere Unterhaltung", {"type": "active"}, {}, "2024-10-02T08:00:00.250000",
     "2024-10-02T08:10:00"),
]


def legacy_item(iid, created, kind, thread_fields, body):
    """An item of the first store: the thread only inside the JSON, under whichever key its writer used."""
    item = {"id": iid, **thread_fields, "created_at": js(created), "type": kind}
    item.update(body)
    return item


USER_BODY = {"attachments": [], "quoted_text": None, "inference_options": {"tool_choice": None, "model": None}}

LEGACY_MESSAGES = [
    # id, ordinal, item_json (None: written as is), created_at
    ("msg_1e9a0001", 0, legacy_item("msg_1e9a0001", "2024-10-01T08:00:01", "user_message",
                                    {"thread_id": L_THREAD_A},
                                    {"content": [text("Hello from the old store")], **USER_BODY})),
    ("msg_1e9a0002", 1, legacy_item("msg_1e9a0002", "2024-10-01T08:00:02.500000", "assistant_message",
                                    {"threadId": L_THREAD_A},
                                    {"content": [{"annotations": [], "text": "Hallo — こんにちは",
                                                  "type": "output_text"}]})),
    ("msg_1e9a0003", 2, legacy_item("msg_1e9a0003", "2024-10-01T08:00:03", "end_of_turn",
                                    {"metadata": {"thread_id": L_THREAD_A}}, {})),
    # thread_id empty: Python's `or` falls through to threadId.
    ("msg_1e9a0004", 0, legacy_item("msg_1e9a0004", "2024-10-02T08:00:01", "user_message",
                                    {"thread_id": "", "threadId": L_THREAD_B},
                                    {"content": [text("Wie geht's?")], **USER_BODY})),
    # No thread anywhere: dropped.
    ("msg_1e9a0005", 1, legacy_item("msg_1e9a0005", "2024-10-02T08:00:02", "user_message", {},
                                    {"content": [text("Orphan")], **USER_BODY})),
    # A thread that is not in chat_threads (deleted before the upgrade).
    ("msg_1e9a0006", 3, legacy_item("msg_1e9a0006", "2024-10-02T08:00:03", "user_message",
                                    {"thread_id": "thr_deadbeef"},
                                    {"content": [text("From a deleted thread")], **USER_BODY})),
    # Neither id nor created_at in the JSON (readers default them from the columns).
    ("msg_1e9a0007", 1, {"thread_id": L_THREAD_B, "type": "assistant_message",
                         "content": [{"annotations": [], "text": "Gut, danke.", "type": "output_text"}]}),
]

LEGACY_CREATED = {
    "msg_1e9a0001": "2024-10-01T08:00:01", "msg_1e9a0002": "2024-10-01T08:00:02.500000",
    "msg_1e9a0003": "2024-10-01T08:00:03", "msg_1e9a0004": "2024-10-02T08:00:01",
    "msg_1e9a0005": "2024-10-02T08:00:02", "msg_1e9a0006": "2024-10-02T08:00:03",
    "msg_1e9a0007": "2024-10-02T08:00:04",
}

INVALID_ROW = ("msg_1e9a00ff", 2, '{"thread_id":"' + L_THREAD_B + '","type":"user_message","content":[',
               "2024-10-02T08:00:05")


def legacy_rows(invalid=False):
    rows = []
    for tid, title, status, metadata, created, updated in LEGACY_THREADS:
        rows.append(insert("chat_threads", {
            "id": tid, "title": title, "workflow_id": workflow_of(metadata), "status_json": dumps(status),
            "metadata_json": dumps(metadata), "created_at": col(created), "updated_at": col(updated)}))
    # Inserted out of ordinal order: the upgrade copies by ordinal.
    for iid, ordinal, item in reversed(LEGACY_MESSAGES):
        rows.append(insert("chat_messages", {
            "id": iid, "ordinal": ordinal, "item_type": item["type"], "item_json": dumps(item),
            "created_at": col(LEGACY_CREATED[iid])}))
    if invalid:
        iid, ordinal, raw, created = INVALID_ROW
        rows.append(insert("chat_messages", {
            "id": iid, "ordinal": ordinal, "item_type": "user_message", "item_json": raw, "created_at": col(created)}))
    return rows


def write(name, schema, rows):
    (HERE / name).write_text(schema + "\n".join(rows) + "\n", encoding="utf-8")


def main():
    write("head.sql", SQLITE_SCHEMA, thread_rows(False) + message_rows(False) + attachment_rows(False))
    write("postgres.sql", POSTGRES_SCHEMA, thread_rows(True) + message_rows(True) + attachment_rows(True))
    write("legacy.sql", LEGACY_SCHEMA, legacy_rows())
    write("legacy-invalid-json.sql", LEGACY_SCHEMA, legacy_rows(invalid=True))


if __name__ == "__main__":
    main()
