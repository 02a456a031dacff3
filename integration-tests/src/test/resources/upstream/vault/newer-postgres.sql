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
INSERT INTO credentials (id, workflow_id, name, provider, created_at, updated_at, payload) VALUES ('c6000000-0000-4000-8000-0000000000a1', 'GLOBAL', 'OpenAI', 'openai', '2025-02-01T00:00:00+00:00', '2025-02-01T00:00:00+00:00', '{"id":"c6000000-0000-4000-8000-0000000000a1","created_at":"2025-02-01T00:00:00Z","updated_at":"2025-02-01T00:00:00Z","audit_log":[{"actor":"carol@example.com","action":"credential_created","at":"2025-02-01T00:00:00Z","metadata":{}}],"name":"OpenAI","provider":"openai","scopes":[],"scope":{"workflow_ids":[],"workspace_ids":[],"roles":[]},"encryption":{"algorithm":"aes256-gcm.v1","key_id":"primary","ciphertext":"ILiQ+YUDEbvhGRxTIeNDlTM0x/nLwbUrMWETrDTI/IyYvWy+dEvt4Dh7q7lVV0E="},"kind":"secret","oauth_tokens":null,"health":{"status":"unknown","last_checked_at":null,"failure_reason":null},"last_rotated_at":"2025-02-01T00:00:00Z","template_id":null}'::jsonb);
INSERT INTO credentials (id, workflow_id, name, provider, created_at, updated_at, payload) VALUES ('c6000000-0000-4000-8000-0000000000a2', 'GLOBAL', 'Acme tenant key', 'acme', '2025-02-02T00:00:00+00:00', '2025-02-02T00:00:00+00:00', '{"id":"c6000000-0000-4000-8000-0000000000a2","created_at":"2025-02-02T00:00:00Z","updated_at":"2025-02-02T00:00:00Z","audit_log":[{"actor":"carol@example.com","action":"credential_created","at":"2025-02-02T00:00:00Z","metadata":{}}],"name":"Acme tenant key","provider":"acme","tenant_id":"acme","scopes":[],"scope":{"workflow_ids":[],"workspace_ids":[],"roles":[]},"encryption":{"algorithm":"aes256-gcm.v1","key_id":"primary","ciphertext":"D0CoyELKrqriOibgaXNL6jvbPc1K5tBa0Pneg3947VM1Iv+XslF0vt+M4hIGr4Z/"},"kind":"secret","oauth_tokens":null,"health":{"status":"unknown","last_checked_at":null,"failure_reason":null},"last_rotated_at":"2025-02-02T00:00:00Z","template_id":null}'::jsonb);
