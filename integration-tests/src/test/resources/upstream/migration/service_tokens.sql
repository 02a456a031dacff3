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
INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids, created_at, created_by, issued_at, expires_at, last_used_at, use_count, rotation_expires_at, rotated_to, rotated_from, revoked_at, revoked_by, revocation_reason, allowed_ip_ranges, rate_limit_override) VALUES ('tok-admin', '16175223c8ddce5ace0493c948569c211b03c4c6bb3d3e484434999448cffe01', '["admin:tokens:read", "admin:tokens:write"]', '["ws-acme"]', '2025-01-05T10:00:00+00:00', NULL, '2025-01-05T10:00:00+00:00', NULL, '2025-01-06T08:00:00.654321+00:00', 7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids, created_at, created_by, issued_at, expires_at, last_used_at, use_count, rotation_expires_at, rotated_to, rotated_from, revoked_at, revoked_by, revocation_reason, allowed_ip_ranges, rate_limit_override) VALUES ('ebeec086', 'ebeec086fe7dc1f9368aa9f81732b78afb0c1f8532c178a853a8c23ef3829fef', '["workflows:read"]', '["ws-acme", "ws-\u00e9t\u00e9"]', '2025-01-05T11:00:00.000001+00:00', NULL, '2025-01-05T11:00:00.000001+00:00', '2025-01-06T12:05:00+00:00', NULL, 0, '2025-01-06T12:05:00+00:00', 'fc97bb52', NULL, NULL, NULL, NULL, '', NULL);
INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids, created_at, created_by, issued_at, expires_at, last_used_at, use_count, rotation_expires_at, rotated_to, rotated_from, revoked_at, revoked_by, revocation_reason, allowed_ip_ranges, rate_limit_override) VALUES ('fc97bb52', 'fc97bb52861fcf328d0a7abe201f9632b8703e436656348f6d1b398f42e92c39', '["workflows:read"]', '["ws-acme", "ws-\u00e9t\u00e9"]', '2025-01-06T12:00:00+00:00', NULL, '2025-01-06T12:00:00+00:00', '2025-04-06T12:00:00+00:00', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, '"10.0.0.0/8"', NULL);
INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids, created_at, created_by, issued_at, expires_at, last_used_at, use_count, rotation_expires_at, rotated_to, rotated_from, revoked_at, revoked_by, revocation_reason, allowed_ip_ranges, rate_limit_override) VALUES ('tok-revoked', 'de92dfaafe33b0b488d22aec5d30bab3f163ec9ead5db1f1ee590ea9e1c400ce', '["vault:read"]', NULL, '2025-01-07T09:00:00+00:00', NULL, '2025-01-07T09:00:00+00:00', NULL, NULL, 0, NULL, NULL, NULL, '2025-01-08T09:30:00.500000+00:00', NULL, 'Leaked in café chat — 日本 🔑', '["10.0.0.0/8", "192.168.0.0/16"]', NULL);
INSERT INTO service_tokens (identifier, secret_hash, scopes, workspace_ids, created_at, created_by, issued_at, expires_at, last_used_at, use_count, rotation_expires_at, rotated_to, rotated_from, revoked_at, revoked_by, revocation_reason, allowed_ip_ranges, rate_limit_override) VALUES ('tok-expired', '4eabed9e8a3fde4331fbd6c5afd4671b61bb4e44c29c0983bbbbb919cda6a800', NULL, NULL, '2024-12-01T00:00:00+00:00', NULL, '2024-12-01T00:00:00+00:00', '2024-12-31T23:59:59.999999+00:00', NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, ' 	 ', NULL);
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (1, 'tok-admin', 'created', NULL, NULL, NULL, '2025-01-05T10:00:00+00:00', NULL);
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (2, 'ebeec086', 'created', NULL, NULL, NULL, '2025-01-05T11:00:00.000001+00:00', NULL);
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (3, 'tok-admin', 'used', NULL, '10.0.0.7', 'orcheo-cli/1.0 (café)', '2025-01-06T08:00:00.654321+00:00', '{"ip": "10.0.0.7", "user_agent": "orcheo-cli/1.0 (caf\u00e9)"}');
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (4, 'fc97bb52', 'created', NULL, NULL, NULL, '2025-01-06T12:00:00+00:00', NULL);
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (6, 'ebeec086', 'rotated', NULL, NULL, NULL, '2025-01-06T12:00:00.000002+00:00', NULL);
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (7, 'tok-revoked', 'created', NULL, NULL, NULL, '2025-01-07T09:00:00+00:00', NULL);
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (8, 'tok-revoked', 'revoked', NULL, NULL, NULL, '2025-01-08T09:30:00.500000+00:00', '{"reason": "Leaked in caf\u00e9 chat \u2014 \u65e5\u672c \ud83d\udd11"}');
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (9, 'tok-ghost', 'used', NULL, NULL, NULL, '2025-01-09T00:00:00+00:00', NULL);
INSERT INTO service_token_audit_log (id, token_id, action, actor, ip_address, user_agent, timestamp, details) VALUES (10, 'tok-admin', 'used', NULL, '2001:db8::1', NULL, '2025-01-09T00:00:00+00:00', '{"ip": "2001:db8::1"}');
