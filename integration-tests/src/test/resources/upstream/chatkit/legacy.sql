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
INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at, updated_at) VALUES ('thr_1e9ac0a1', 'Legacy chat', 'a4000000-0000-4000-8000-000000000001', '{"type":"active"}', '{"workflow_id":"a4000000-0000-4000-8000-000000000001"}', '2024-10-01T08:00:00+00:00', '2024-10-01T08:10:00+00:00');
INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at, updated_at) VALUES ('thr_1e9ac0b2', 'Ältere Unterhaltung', NULL, '{"type":"active"}', '{}', '2024-10-02T08:00:00.250000+00:00', '2024-10-02T08:10:00+00:00');
INSERT INTO chat_messages (id, ordinal, item_type, item_json, created_at) VALUES ('msg_1e9a0007', 1, 'assistant_message', '{"thread_id":"thr_1e9ac0b2","type":"assistant_message","content":[{"annotations":[],"text":"Gut, danke.","type":"output_text"}]}', '2024-10-02T08:00:04+00:00');
INSERT INTO chat_messages (id, ordinal, item_type, item_json, created_at) VALUES ('msg_1e9a0006', 3, 'user_message', '{"id":"msg_1e9a0006","thread_id":"thr_deadbeef","created_at":"2024-10-02T08:00:03Z","type":"user_message","content":[{"type":"input_text","text":"From a deleted thread"}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}', '2024-10-02T08:00:03+00:00');
INSERT INTO chat_messages (id, ordinal, item_type, item_json, created_at) VALUES ('msg_1e9a0005', 1, 'user_message', '{"id":"msg_1e9a0005","created_at":"2024-10-02T08:00:02Z","type":"user_message","content":[{"type":"input_text","text":"Orphan"}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}', '2024-10-02T08:00:02+00:00');
INSERT INTO chat_messages (id, ordinal, item_type, item_json, created_at) VALUES ('msg_1e9a0004', 0, 'user_message', '{"id":"msg_1e9a0004","thread_id":"","threadId":"thr_1e9ac0b2","created_at":"2024-10-02T08:00:01Z","type":"user_message","content":[{"type":"input_text","text":"Wie geht''s?"}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}', '2024-10-02T08:00:01+00:00');
INSERT INTO chat_messages (id, ordinal, item_type, item_json, created_at) VALUES ('msg_1e9a0003', 2, 'end_of_turn', '{"id":"msg_1e9a0003","metadata":{"thread_id":"thr_1e9ac0a1"},"created_at":"2024-10-01T08:00:03Z","type":"end_of_turn"}', '2024-10-01T08:00:03+00:00');
INSERT INTO chat_messages (id, ordinal, item_type, item_json, created_at) VALUES ('msg_1e9a0002', 1, 'assistant_message', '{"id":"msg_1e9a0002","threadId":"thr_1e9ac0a1","created_at":"2024-10-01T08:00:02.500000Z","type":"assistant_message","content":[{"annotations":[],"text":"Hallo — こんにちは","type":"output_text"}]}', '2024-10-01T08:00:02.500000+00:00');
INSERT INTO chat_messages (id, ordinal, item_type, item_json, created_at) VALUES ('msg_1e9a0001', 0, 'user_message', '{"id":"msg_1e9a0001","thread_id":"thr_1e9ac0a1","created_at":"2024-10-01T08:00:01Z","type":"user_message","content":[{"type":"input_text","text":"Hello from the old store"}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}', '2024-10-01T08:00:01+00:00');
