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
INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at, updated_at) VALUES ('thr_a1b2c3d4', 'Résumé — 履歴書 📄', 'a4000000-0000-4000-8000-000000000001', '{"type":"active"}', '{"workflow_id":"a4000000-0000-4000-8000-000000000001","candidate":"Zoë 📄","submitted_at":"2025-03-01T08:59:00+00:00"}', '2025-03-01T09:00:00+00:00', '2025-03-01T09:00:12.250000+00:00');
INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at, updated_at) VALUES ('thr_e5f6a7b8', 'Second opinion', 'a4000000-0000-4000-8000-000000000001', '{"type":"active"}', '{"workflow_id":"a4000000-0000-4000-8000-000000000001","reviewer":"Åsa"}', '2025-03-01T09:00:00+00:00', '2025-03-01T09:30:00+00:00');
INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at, updated_at) VALUES ('thr_b2c3d4e5', 'Interview plan', 'a4000000-0000-4000-8000-000000000001', '{"type":"locked","reason":"Waiting for approval — 承認待ち"}', '{"workflow_id":"a4000000-0000-4000-8000-000000000001","stage":"interview","panel":["Ann","Bo"]}', '2025-03-01T09:00:00.500000+00:00', '2025-03-01T10:00:00+00:00');
INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at, updated_at) VALUES ('thr_c3d4e5f6', NULL, 'a4000000-0000-4000-8000-000000000002', '{"type":"closed","reason":null}', '{"workflow_id":"a4000000-0000-4000-8000-000000000002","step":3}', '2025-03-02T10:00:00.000001+00:00', '2025-03-02T10:05:00+00:00');
INSERT INTO chat_threads (id, title, workflow_id, status_json, metadata_json, created_at, updated_at) VALUES ('thr_d4e5f6a7', 'Quick question', NULL, '{"type":"active"}', '{"source":"api","tags":["faq","billing"]}', '2025-02-28T23:59:59.999999+00:00', '2025-02-28T23:59:59.999999+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000001', 'thr_a1b2c3d4', 0, 'user_message', '{"id":"msg_00000001","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:01Z","type":"user_message","content":[{"type":"input_text","text":"Please screen this résumé for the data engineer role"},{"type":"input_tag","id":"cand-7","text":"@Zoë","data":{"candidate_id":7,"source":"ats"},"group":"candidates","interactive":true}],"attachments":[{"id":"atc_1a2b3c4d","name":"Résumé — 履歴書.pdf","mime_type":"application/pdf","upload_url":null,"type":"file"},{"id":"atc_2b3c4d5e","name":"portrait.png","mime_type":"image/png","upload_url":null,"type":"image","preview_url":"https://cdn.example.com/portraits/zoe.png"}],"quoted_text":"5 years of Spark — 履歴書","inference_options":{"tool_choice":{"id":"screen_candidate"},"model":"gpt-4.1"}}', '2025-03-01T09:00:01+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000002', 'thr_a1b2c3d4', 1, 'assistant_message', '{"id":"msg_00000002","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:02.500000Z","type":"assistant_message","content":[{"annotations":[],"text":"Zoë has strong pipeline experience.","type":"output_text"},{"annotations":[{"type":"annotation","source":{"title":"Résumé","description":null,"timestamp":null,"group":null,"type":"file","filename":"resume.pdf"},"index":0}],"text":"Her Kafka work stands out 🚀","type":"output_text"}]}', '2025-03-01T09:00:02.500000+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('tc_00000003', 'thr_a1b2c3d4', 2, 'client_tool_call', '{"id":"tc_00000003","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:03Z","type":"client_tool_call","status":"completed","call_id":"call_1","name":"fetch_profile","arguments":{"candidate":"Zoë"},"output":{"years":5,"languages":["en","日本語"]}}', '2025-03-01T09:00:03+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('wf_00000004', 'thr_a1b2c3d4', 2, 'workflow', '{"id":"wf_00000004","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:03Z","type":"workflow","workflow":{"type":"custom","tasks":[{"status_indicator":"complete","type":"custom","title":"Parse résumé","icon":"document","content":"Extracted 12 skills"}],"summary":{"title":"Screening","icon":null},"expanded":false}}', '2025-03-01T09:00:03+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('tsk_00000005', 'thr_a1b2c3d4', 4, 'task', '{"id":"tsk_00000005","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:05Z","type":"task","task":{"status_indicator":"none","type":"custom","title":"Schedule interview","icon":"calendar","content":"Proposed Tuesday 10:00"}}', '2025-03-01T09:00:05+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000006', 'thr_a1b2c3d4', 5, 'widget', '{"id":"msg_00000006","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:06Z","type":"widget","widget":{"type":"Card","children":[{"type":"Text","value":"Score: 92/100 — très bien"}],"size":"sm"},"copy_text":"Score: 92/100"}', '2025-03-01T09:00:06+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('hcx_00000007', 'thr_a1b2c3d4', 6, 'hidden_context_item', '{"id":"hcx_00000007","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:07Z","type":"hidden_context_item","content":{"rubric":"data-eng-v2","weights":[0.5,0.3,0.2]}}', '2025-03-01T09:00:07+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000008', 'thr_a1b2c3d4', 7, 'end_of_turn', '{"id":"msg_00000008","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:08Z","type":"end_of_turn"}', '2025-03-01T09:00:08+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000009', 'thr_a1b2c3d4', 8, 'user_message', '{"id":"msg_00000009","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:10.000001Z","type":"user_message","content":[{"type":"input_text","text":"Can you summarise her Kafka experience?"}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}', '2025-03-01T09:00:10.000001+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_0000000a', 'thr_a1b2c3d4', 9, 'assistant_message', '{"id":"msg_0000000a","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:11Z","type":"assistant_message","content":[{"annotations":[],"text":"Her Kafka experience spans three years of streaming pipelines.","type":"output_text"}]}', '2025-03-01T09:00:11+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('hcx_0000000b', 'thr_a1b2c3d4', 10, 'sdk_hidden_context', '{"id":"hcx_0000000b","thread_id":"thr_a1b2c3d4","created_at":"2025-03-01T09:00:12Z","type":"sdk_hidden_context","content":"Earlier turns: screening of Zoë"}', '2025-03-01T09:00:12+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000101', 'thr_b2c3d4e5', 0, 'user_message', '{"id":"msg_00000101","thread_id":"thr_b2c3d4e5","created_at":"2025-03-01T09:30:00Z","type":"user_message","content":[{"type":"input_text","text":"When can we interview Zoë?"}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}', '2025-03-01T09:30:00+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000102', 'thr_b2c3d4e5', 1, 'assistant_message', '{"id":"msg_00000102","thread_id":"thr_b2c3d4e5","created_at":"2025-03-01T09:30:01.123456Z","type":"assistant_message","content":[{"annotations":[],"text":"Tuesday works for the whole panel.","type":"output_text"}]}', '2025-03-01T09:30:01.123456+00:00');
INSERT INTO chat_messages (id, thread_id, ordinal, item_type, item_json, created_at) VALUES ('msg_00000201', 'thr_c3d4e5f6', 0, 'user_message', '{"id":"msg_00000201","thread_id":"thr_c3d4e5f6","created_at":"2025-03-02T10:00:01Z","type":"user_message","content":[{"type":"input_text","text":"Kafka access for the new hire, please"}],"attachments":[],"quoted_text":null,"inference_options":{"tool_choice":null,"model":null}}', '2025-03-02T10:00:01+00:00');
INSERT INTO chat_attachments (id, thread_id, attachment_type, name, mime_type, details_json, storage_path, created_at) VALUES ('atc_1a2b3c4d', 'thr_a1b2c3d4', 'file', 'Résumé — 履歴書.pdf', 'application/pdf', '{"id":"atc_1a2b3c4d","name":"Résumé — 履歴書.pdf","mime_type":"application/pdf","upload_url":null,"type":"file"}', '/var/lib/orcheo/chatkit/atc_1a2b3c4d_Rsum_.pdf', '2025-03-01T09:00:00.750000+00:00');
INSERT INTO chat_attachments (id, thread_id, attachment_type, name, mime_type, details_json, storage_path, created_at) VALUES ('atc_2b3c4d5e', 'thr_a1b2c3d4', 'image', 'portrait.png', 'image/png', '{"id":"atc_2b3c4d5e","name":"portrait.png","mime_type":"image/png","upload_url":null,"type":"image","preview_url":"https://cdn.example.com/portraits/zoe.png"}', NULL, '2025-03-01T09:00:00.800000+00:00');
INSERT INTO chat_attachments (id, thread_id, attachment_type, name, mime_type, details_json, storage_path, created_at) VALUES ('atc_3c4d5e6f', NULL, 'file', 'notes 📄.txt', 'text/plain', '{"id":"atc_3c4d5e6f","name":"notes 📄.txt","mime_type":"text/plain","upload_url":"https://uploads.example.com/atc_3c4d5e6f","type":"file"}', '/var/lib/orcheo/chatkit/atc_3c4d5e6f_notes_.txt', '2025-03-01T08:58:00+00:00');
