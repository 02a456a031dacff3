CREATE TABLE IF NOT EXISTS credentials (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    name TEXT NOT NULL,
    provider TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_credentials_workflow ON credentials(workflow_id);
CREATE INDEX IF NOT EXISTS idx_credentials_name_lower ON credentials(lower(name));
CREATE TABLE IF NOT EXISTS credential_templates (
    id TEXT PRIMARY KEY,
    scope_hint TEXT NOT NULL,
    name TEXT NOT NULL,
    provider TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_templates_scope ON credential_templates(scope_hint);
CREATE TABLE IF NOT EXISTS governance_alerts (
    id TEXT PRIMARY KEY,
    scope_hint TEXT NOT NULL,
    acknowledged BOOLEAN NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    payload JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_alerts_scope ON governance_alerts(scope_hint);
INSERT INTO credentials (id, workflow_id, name, provider, created_at, updated_at, payload) VALUES ('c6000000-0000-4000-8000-0000000000b1', 'GLOBAL', 'Stripe', 'stripe', '2025-03-01T00:00:00+00:00', '2025-03-01T00:00:00+00:00', '{"id":"c6000000-0000-4000-8000-0000000000b1","created_at":"2025-03-01T00:00:00Z","updated_at":"2025-03-01T00:00:00Z","audit_log":[{"actor":"alice@example.com","action":"credential_created","at":"2025-03-01T00:00:00Z","metadata":{}}],"name":"Stripe","provider":"stripe","scopes":[],"scope":{"workflow_ids":[],"workspace_ids":[],"roles":[]},"encryption":{"algorithm":"aes256-gcm.v1","key_id":"primary","ciphertext":"eiy9NCPlZV9y+VKAeHowl55bYWUBYcWTdDtHskAm7NePEHdUrQ4LkR4="},"kind":"secret","oauth_tokens":null,"health":{"status":"unknown","last_checked_at":null,"failure_reason":null},"last_rotated_at":"2025-03-01T00:00:00Z","template_id":null}'::jsonb);
INSERT INTO credentials (id, workflow_id, name, provider, created_at, updated_at, payload) VALUES ('c6000000-0000-4000-8000-0000000000b2', 'GLOBAL', 'stripe', 'stripe', '2025-03-01T00:00:00.000001+00:00', '2025-03-01T00:00:00.000001+00:00', '{"id":"c6000000-0000-4000-8000-0000000000b2","created_at":"2025-03-01T00:00:00.000001Z","updated_at":"2025-03-01T00:00:00.000001Z","audit_log":[{"actor":"bob@example.com","action":"credential_created","at":"2025-03-01T00:00:00.000001Z","metadata":{}}],"name":"stripe","provider":"stripe","scopes":[],"scope":{"workflow_ids":[],"workspace_ids":[],"roles":[]},"encryption":{"algorithm":"aes256-gcm.v1","key_id":"primary","ciphertext":"etqTflv8luo4RlArzQrREXtJ05ffOk9kPRRbxmBb51s/ffFcjBqGprQ="},"kind":"secret","oauth_tokens":null,"health":{"status":"unknown","last_checked_at":null,"failure_reason":null},"last_rotated_at":"2025-03-01T00:00:00.000001Z","template_id":null}'::jsonb);
INSERT INTO credentials (id, workflow_id, name, provider, created_at, updated_at, payload) VALUES ('c6000000-0000-4000-8000-0000000000b3', 'GLOBAL', 'Ärger', 'acme', '2025-03-02T00:00:00+00:00', '2025-03-02T00:00:00+00:00', '{"id":"c6000000-0000-4000-8000-0000000000b3","created_at":"2025-03-02T00:00:00Z","updated_at":"2025-03-02T00:00:00Z","audit_log":[{"actor":"alice@example.com","action":"credential_created","at":"2025-03-02T00:00:00Z","metadata":{}}],"name":"Ärger","provider":"acme","scopes":[],"scope":{"workflow_ids":[],"workspace_ids":[],"roles":[]},"encryption":{"algorithm":"aes256-gcm.v1","key_id":"primary","ciphertext":"LRnksnX/wAmdx8fWMWPoRGkVkw6KsxPuyjQVeqkmaqsJ5GTiAetktQ=="},"kind":"secret","oauth_tokens":null,"health":{"status":"unknown","last_checked_at":null,"failure_reason":null},"last_rotated_at":"2025-03-02T00:00:00Z","template_id":null}'::jsonb);
INSERT INTO credentials (id, workflow_id, name, provider, created_at, updated_at, payload) VALUES ('c6000000-0000-4000-8000-0000000000b4', 'GLOBAL', 'ärger', 'acme', '2025-03-03T00:00:00+00:00', '2025-03-03T00:00:00+00:00', '{"id":"c6000000-0000-4000-8000-0000000000b4","created_at":"2025-03-03T00:00:00Z","updated_at":"2025-03-03T00:00:00Z","audit_log":[{"actor":"bob@example.com","action":"credential_created","at":"2025-03-03T00:00:00Z","metadata":{}}],"name":"ärger","provider":"acme","scopes":[],"scope":{"workflow_ids":[],"workspace_ids":[],"roles":[]},"encryption":{"algorithm":"aes256-gcm.v1","key_id":"primary","ciphertext":"Dkj3FhSl/cgUZqtBw6lEltRr6dKs93zYHlYD+xnd0Olzuxyqg4eAnA=="},"kind":"secret","oauth_tokens":null,"health":{"status":"unknown","last_checked_at":null,"failure_reason":null},"last_rotated_at":"2025-03-03T00:00:00Z","template_id":null}'::jsonb);
