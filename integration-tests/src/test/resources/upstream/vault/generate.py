"""Writes the upstream credential vaults that UpstreamVaultSqliteTest and PostgresUpstreamVaultTest open.

The rows are what upstream Orcheo's vault writes (spec: orcheo-tokens-checkpoints-chatkit-vault-migration.md §0 and
§D; upstream HEAD, whose payload models have no tenant_id):

* ``payload`` is the entity's pydantic ``model_dump_json()``: compact, raw UTF-8, fields in declaration order with
  the base fields first (id, created_at, updated_at, audit_log), every field present (null included), times in UTC
  with ``Z`` and six fraction digits or none, UUIDs as lower-case strings, enums as their values. The models below
  are declared from the spec's field order with ``extra="forbid"``, as upstream's are.
* Secrets and OAuth tokens are ``aes256-gcm.v1`` envelopes made with ``cryptography``'s AESGCM: the key is SHA-256
  of the UTF-8 bytes of the key string, a 12-byte nonce, no associated data, ciphertext = standard padded base64 of
  nonce || AES-GCM ciphertext || 16-byte tag, key_id ``primary``. Upstream draws each nonce at random; here each is
  the first 12 bytes of SHA-256(entity id, field), so that running this again writes the same files.
* ``credentials.workflow_id`` (upstream's name for it) and the other tables' ``scope_hint`` hold
  ``scope.scope_hint()``: the first workflow id, else the first workspace id, else the first role, else ``GLOBAL``.
* SQLite: timestamp columns are ``datetime.isoformat()`` of aware UTC values (``+00:00``, six fraction digits or
  none), ``acknowledged`` is 0/1, payload TEXT. PostgreSQL: the same instants into TIMESTAMP WITH TIME ZONE, booleans,
  payload as ``'…'::jsonb``.
* The schema statements are upstream's (spec §D.1), which upstream runs, CREATE … IF NOT EXISTS, at every start.

Files written next to this one (one statement per line except the multi-line CREATE TABLEs, each ending with ``;``
at the end of a line, as UpstreamFixtures.scriptStatements reads them):

* sqlite.sql, postgres.sql: upstream's schema, then the dataset: five credentials (a secret one; OAuth with both
  tokens and an expiry; non-ASCII name, secret and failure reason, role-scoped; workspace- and role-scoped; OAuth
  holding the all-null token object upstream writes for an OAuth credential created without tokens), two templates
  (one with a full issuance policy, one with the default policy) and three alerts (one acknowledged).
* newer-sqlite.sql, newer-postgres.sql: upstream's schema, one ordinary credential, and one whose payload has the
  field ``tenant_id`` that a newer upstream writes (this file's models, like upstream HEAD's, reject it).
* clash-sqlite.sql, clash-postgres.sql: upstream's schema and four credentials: "Stripe" and "stripe" (the same
  name regardless of ASCII case, which upstream's check in code lets two racing writers create), and "Ärger" and
  "ärger" (different under ASCII-only folding).
* secrets.json: the key string, and each credential's name and plaintexts (secret, access_token, refresh_token).
* models.json: the models' fields in declaration order with their JSON types, for the Java tests to check the
  payloads they write against the same rules.

Run: python3 generate.py  (needs pydantic 2 and cryptography)
"""

from __future__ import annotations

import base64
import hashlib
import json
import types
import typing
from datetime import datetime, timezone
from enum import Enum
from pathlib import Path
from typing import Any
from uuid import UUID

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import BaseModel, ConfigDict, Field, ValidationError

HERE = Path(__file__).parent

# A key as upstream's file vault generates one (64 hex characters); it is hashed as text, never hex-decoded.
KEY = "3f6c2a9e81d04b7fa5c0e2d19b47a68c0d5e3f21a9b8c7d6e5f4031a2b3c4d5e"
ALGORITHM = "aes256-gcm.v1"
KEY_ID = "primary"


# --------------------------------------------------------------------------------------------- upstream's models


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AuditRecord(Base):
    actor: str
    action: str
    at: datetime
    metadata: dict[str, Any] = Field(default_factory=dict)


class TimestampedAuditModel(Base):
    id: UUID
    created_at: datetime
    updated_at: datetime
    audit_log: list[AuditRecord] = Field(default_factory=list)


class CredentialScope(Base):
    workflow_ids: list[UUID] = Field(default_factory=list)
    workspace_ids: list[UUID] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)

    def scope_hint(self) -> str:
        if self.workflow_ids:
            return str(self.workflow_ids[0])
        if self.workspace_ids:
            return str(self.workspace_ids[0])
        if self.roles:
            return self.roles[0]
        return "GLOBAL"


class EncryptionEnvelope(Base):
    algorithm: str
    key_id: str
    ciphertext: str


class CredentialKind(str, Enum):
    SECRET = "secret"
    OAUTH = "oauth"


class CredentialHealthStatus(str, Enum):
    UNKNOWN = "unknown"
    HEALTHY = "healthy"
    UNHEALTHY = "unhealthy"


class OAuthTokenPayload(Base):
    access_token: EncryptionEnvelope | None = None
    refresh_token: EncryptionEnvelope | None = None
    expires_at: datetime | None = None


class CredentialHealth(Base):
    status: CredentialHealthStatus = CredentialHealthStatus.UNKNOWN
    last_checked_at: datetime | None = None
    failure_reason: str | None = None


class CredentialMetadata(TimestampedAuditModel):
    name: str
    provider: str
    scopes: list[str] = Field(default_factory=list)
    scope: CredentialScope = Field(default_factory=CredentialScope)
    encryption: EncryptionEnvelope
    kind: CredentialKind = CredentialKind.SECRET
    oauth_tokens: OAuthTokenPayload | None = None
    health: CredentialHealth = Field(default_factory=CredentialHealth)
    last_rotated_at: datetime | None = None
    template_id: UUID | None = None


class CredentialIssuancePolicy(Base):
    require_refresh_token: bool = False
    rotation_period_days: int | None = Field(default=None, ge=1)
    expiry_threshold_minutes: int = Field(default=60, ge=1)


class CredentialTemplate(TimestampedAuditModel):
    name: str
    provider: str
    description: str | None = None
    scopes: list[str] = Field(default_factory=list)
    scope: CredentialScope = Field(default_factory=CredentialScope)
    kind: CredentialKind = CredentialKind.SECRET
    issuance_policy: CredentialIssuancePolicy = Field(default_factory=CredentialIssuancePolicy)


class GovernanceAlertKind(str, Enum):
    TOKEN_EXPIRING = "token_expiring"
    VALIDATION_FAILED = "validation_failed"
    ROTATION_OVERDUE = "rotation_overdue"


class SecretGovernanceAlertSeverity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class SecretGovernanceAlert(TimestampedAuditModel):
    scope: CredentialScope = Field(default_factory=CredentialScope)
    template_id: UUID | None = None
    credential_id: UUID | None = None
    kind: GovernanceAlertKind
    severity: SecretGovernanceAlertSeverity
    message: str
    is_acknowledged: bool = False
    acknowledged_at: datetime | None = None
    acknowledged_by: str | None = None


TABLE_MODELS = {
    "credentials": CredentialMetadata,
    "credential_templates": CredentialTemplate,
    "governance_alerts": SecretGovernanceAlert,
}

# --------------------------------------------------------------------------------------------- upstream's DDL

SQLITE_SCHEMA = """\
CREATE TABLE IF NOT EXISTS credentials (
    id TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL,
    name TEXT NOT NULL,
    provider TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_credentials_workflow
    ON credentials(workflow_id);
CREATE TABLE IF NOT EXISTS credential_templates (
    id TEXT PRIMARY KEY,
    scope_hint TEXT NOT NULL,
    name TEXT NOT NULL,
    provider TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_templates_scope
    ON credential_templates(scope_hint);
CREATE TABLE IF NOT EXISTS governance_alerts (
    id TEXT PRIMARY KEY,
    scope_hint TEXT NOT NULL,
    acknowledged INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_alerts_scope
    ON governance_alerts(scope_hint);
"""

POSTGRES_SCHEMA = """\
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
"""

# --------------------------------------------------------------------------------------------- helpers


def ts(text: str) -> datetime:
    """An aware UTC datetime from 'YYYY-MM-DDTHH:MM:SS[.ffffff]'."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def encrypt(plaintext: str, entity: str, field: str) -> EncryptionEnvelope:
    nonce = hashlib.sha256(f"{entity}/{field}".encode("utf-8")).digest()[:12]
    aes = AESGCM(hashlib.sha256(KEY.encode("utf-8")).digest())
    sealed = aes.encrypt(nonce, plaintext.encode("utf-8"), None)
    return EncryptionEnvelope(algorithm=ALGORITHM, key_id=KEY_ID,
                              ciphertext=base64.b64encode(nonce + sealed).decode("ascii"))


def decrypt(envelope: EncryptionEnvelope) -> str:
    raw = base64.b64decode(envelope.ciphertext)
    aes = AESGCM(hashlib.sha256(KEY.encode("utf-8")).digest())
    return aes.decrypt(raw[:12], raw[12:], None).decode("utf-8")


def event(actor: str, action: str, at: str, metadata: dict[str, Any] | None = None) -> AuditRecord:
    return AuditRecord(actor=actor, action=action, at=ts(at), metadata=metadata or {})


def sql(value: Any) -> str:
    if value is None:
        return "NULL"
    return "'" + str(value).replace("'", "''") + "'"


def insert(table: str, columns: dict[str, str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(columns.values())});"


def row(entity: BaseModel, postgres: bool, payload: str | None = None) -> str:
    """The INSERT upstream's persist_* amounts to, for either dialect."""
    payload = entity.model_dump_json() if payload is None else payload
    when = {"created_at": sql(entity.created_at.isoformat()), "updated_at": sql(entity.updated_at.isoformat())}
    document = sql(payload) + ("::jsonb" if postgres else "")
    if isinstance(entity, CredentialMetadata):
        return insert("credentials", {
            "id": sql(entity.id), "workflow_id": sql(entity.scope.scope_hint()), "name": sql(entity.name),
            "provider": sql(entity.provider), **when, "payload": document})
    if isinstance(entity, CredentialTemplate):
        return insert("credential_templates", {
            "id": sql(entity.id), "scope_hint": sql(entity.scope.scope_hint()), "name": sql(entity.name),
            "provider": sql(entity.provider), **when, "payload": document})
    acknowledged = ("TRUE" if entity.is_acknowledged else "FALSE") if postgres else str(int(entity.is_acknowledged))
    return insert("governance_alerts", {
        "id": sql(entity.id), "scope_hint": sql(entity.scope.scope_hint()), "acknowledged": acknowledged, **when,
        "payload": document})


# --------------------------------------------------------------------------------------------- the dataset

W_BILLING = UUID("a6000000-0000-4000-8000-000000000001")
W_ONBOARDING = UUID("a6000000-0000-4000-8000-000000000002")
WS_FINANCE = UUID("a6000000-0000-4000-8000-0000000000f1")

C_STRIPE = UUID("c6000000-0000-4000-8000-000000000001")
C_GITHUB = UUID("c6000000-0000-4000-8000-000000000002")
C_DEEPL = UUID("c6000000-0000-4000-8000-000000000003")
C_LEDGER = UUID("c6000000-0000-4000-8000-000000000004")
C_SLACK = UUID("c6000000-0000-4000-8000-000000000005")
T_GITHUB = UUID("d6000000-0000-4000-8000-000000000001")
T_STRIPE = UUID("d6000000-0000-4000-8000-000000000002")
A_EXPIRING = UUID("e6000000-0000-4000-8000-000000000001")
A_FAILED = UUID("e6000000-0000-4000-8000-000000000002")
A_OVERDUE = UUID("e6000000-0000-4000-8000-000000000003")

C_OPENAI = UUID("c6000000-0000-4000-8000-0000000000a1")
C_TENANT = UUID("c6000000-0000-4000-8000-0000000000a2")

C_STRIPE_UPPER = UUID("c6000000-0000-4000-8000-0000000000b1")
C_STRIPE_LOWER = UUID("c6000000-0000-4000-8000-0000000000b2")
C_AERGER_UPPER = UUID("c6000000-0000-4000-8000-0000000000b3")
C_AERGER_LOWER = UUID("c6000000-0000-4000-8000-0000000000b4")

PLAINTEXTS: dict[UUID, dict[str, str]] = {
    C_STRIPE: {"secret": "sk_live_51H8exampleStripeKey"},
    C_GITHUB: {"secret": "github-client-secret-0f9e8d", "access_token": "gho_16C7e42F292c6912E7710c838347Ae178B4a",
               "refresh_token": "ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246"},
    C_DEEPL: {"secret": "pässwörd — 秘密 🔐"},
    C_LEDGER: {"secret": "ledger-api-key-7731"},
    C_SLACK: {"secret": "xoxb-slack-signing-secret"},
    C_OPENAI: {"secret": "sk-proj-openai-0123"},
    C_TENANT: {"secret": "tenant-scoped-secret"},
    C_STRIPE_UPPER: {"secret": "sk_live_upper"},
    C_STRIPE_LOWER: {"secret": "sk_live_lower"},
    C_AERGER_UPPER: {"secret": "aerger-upper"},
    C_AERGER_LOWER: {"secret": "aerger-lower"},
}


def credential(cid: UUID, name: str, provider: str, events: list[AuditRecord], *, scopes=(), scope=None,
               kind=CredentialKind.SECRET, oauth=None, health=None, rotated_at=None, template_id=None):
    plain = PLAINTEXTS[cid]
    tokens = None
    if kind is CredentialKind.OAUTH:
        tokens = OAuthTokenPayload(
            access_token=encrypt(plain["access_token"], str(cid), "access_token") if "access_token" in plain else None,
            refresh_token=encrypt(plain["refresh_token"], str(cid), "refresh_token")
            if "refresh_token" in plain else None,
            expires_at=oauth)
    return CredentialMetadata(
        id=cid, created_at=events[0].at, updated_at=events[-1].at, audit_log=events, name=name, provider=provider,
        scopes=list(scopes), scope=scope or CredentialScope(), encryption=encrypt(plain["secret"], str(cid), "secret"),
        kind=kind, oauth_tokens=tokens, health=health or CredentialHealth(),
        last_rotated_at=rotated_at if rotated_at is not None else events[0].at, template_id=template_id)


CREDENTIALS = [
    credential(C_STRIPE, "Stripe live", "stripe",
               [event("alice@example.com", "credential_created", "2025-01-02T03:04:05.123456")],
               scopes=["charges:write", "refunds:read"]),
    credential(C_GITHUB, "GitHub OAuth", "github",
               [event("alice@example.com", "credential_created", "2025-01-03T00:00:00"),
                event("health-monitor", "credential_health_marked", "2025-01-03T06:30:00.5",
                      {"status": "healthy", "reason": None})],
               scopes=["repo", "read:org"], scope=CredentialScope(workflow_ids=[W_BILLING, W_ONBOARDING]),
               kind=CredentialKind.OAUTH, oauth=ts("2025-03-01T00:00:00"),
               health=CredentialHealth(status=CredentialHealthStatus.HEALTHY,
                                       last_checked_at=ts("2025-01-03T06:30:00.5")),
               template_id=T_GITHUB),
    credential(C_DEEPL, "Clé API — 日本語 🔑", "deepl",
               [event("søren@example.com", "credential_created", "2025-01-04T10:00:00.000001"),
                event("søren@example.com", "credential_rotated", "2025-01-20T10:00:00"),
                event("system", "credential_health_marked", "2025-01-21T08:00:00",
                      {"status": "unhealthy", "reason": "401 Unauthorized — token révoqué"})],
               scope=CredentialScope(roles=["admin", "ops"]),
               health=CredentialHealth(status=CredentialHealthStatus.UNHEALTHY,
                                       last_checked_at=ts("2025-01-21T08:00:00"),
                                       failure_reason="401 Unauthorized — token révoqué"),
               rotated_at=ts("2025-01-20T10:00:00")),
    credential(C_LEDGER, "Ledger API", "ledger",
               [event("bob@example.com", "credential_created", "2025-01-05T12:00:00.25")],
               scopes=["ledger:read"], scope=CredentialScope(workspace_ids=[WS_FINANCE], roles=["finance"])),
    credential(C_SLACK, "Slack bot", "slack",
               [event("bob@example.com", "credential_created", "2025-01-06T09:15:00")],
               scopes=["chat:write"], kind=CredentialKind.OAUTH, oauth=None),
]

TEMPLATES = [
    CredentialTemplate(
        id=T_GITHUB, created_at=ts("2025-01-01T00:00:00"), updated_at=ts("2025-01-03T00:00:00.000500"),
        audit_log=[event("alice@example.com", "template_created", "2025-01-01T00:00:00"),
                   event("alice@example.com", "credential_issued", "2025-01-03T00:00:00.000500",
                         {"credential_id": str(C_GITHUB)})],
        name="GitHub app", provider="github", description="Issued per workflow — one per repository",
        scopes=["repo"], scope=CredentialScope(workflow_ids=[W_BILLING]), kind=CredentialKind.OAUTH,
        issuance_policy=CredentialIssuancePolicy(require_refresh_token=True, rotation_period_days=90,
                                                 expiry_threshold_minutes=30)),
    CredentialTemplate(
        id=T_STRIPE, created_at=ts("2025-01-01T00:00:01"), updated_at=ts("2025-01-01T00:00:01"),
        audit_log=[event("bob@example.com", "template_created", "2025-01-01T00:00:01")],
        name="Stripe restricted key", provider="stripe", scopes=["charges:read"]),
]

ALERTS = [
    SecretGovernanceAlert(
        id=A_EXPIRING, created_at=ts("2025-02-28T23:00:00"), updated_at=ts("2025-02-28T23:00:00"),
        audit_log=[event("governance", "alert_created", "2025-02-28T23:00:00",
                         {"kind": "token_expiring", "severity": "warning"})],
        scope=CredentialScope(workflow_ids=[W_BILLING, W_ONBOARDING]), template_id=T_GITHUB, credential_id=C_GITHUB,
        kind=GovernanceAlertKind.TOKEN_EXPIRING, severity=SecretGovernanceAlertSeverity.WARNING,
        message="Access token expires in 60 minutes"),
    SecretGovernanceAlert(
        id=A_FAILED, created_at=ts("2025-01-21T08:00:00.75"), updated_at=ts("2025-01-22T09:00:00"),
        audit_log=[event("governance", "alert_created", "2025-01-21T08:00:00.75",
                         {"kind": "validation_failed", "severity": "critical"}),
                   event("ops@example.com", "alert_acknowledged", "2025-01-22T09:00:00")],
        scope=CredentialScope(roles=["admin", "ops"]), credential_id=C_DEEPL,
        kind=GovernanceAlertKind.VALIDATION_FAILED, severity=SecretGovernanceAlertSeverity.CRITICAL,
        message="Validation failed: 401 — clé révoquée", is_acknowledged=True,
        acknowledged_at=ts("2025-01-22T09:00:00"), acknowledged_by="ops@example.com"),
    SecretGovernanceAlert(
        id=A_OVERDUE, created_at=ts("2025-02-01T00:00:00"), updated_at=ts("2025-02-01T00:00:00"),
        audit_log=[event("governance", "alert_created", "2025-02-01T00:00:00",
                         {"kind": "rotation_overdue", "severity": "info"})],
        template_id=T_STRIPE, kind=GovernanceAlertKind.ROTATION_OVERDUE, severity=SecretGovernanceAlertSeverity.INFO,
        message="Rotation overdue for keys issued from this template"),
]

NEWER = [
    credential(C_OPENAI, "OpenAI", "openai", [event("carol@example.com", "credential_created", "2025-02-01T00:00:00")]),
    credential(C_TENANT, "Acme tenant key", "acme",
               [event("carol@example.com", "credential_created", "2025-02-02T00:00:00")]),
]


def newer_payload(entity: CredentialMetadata) -> str:
    """What a newer upstream writes: tenant_id right after provider, as its CredentialMetadata declares it."""
    document = json.loads(entity.model_dump_json())
    items = list(document.items())
    at = [k for k, _ in items].index("provider") + 1
    items.insert(at, ("tenant_id", "acme"))
    return json.dumps(dict(items), separators=(",", ":"), ensure_ascii=False)


CLASH = [
    credential(C_STRIPE_UPPER, "Stripe", "stripe",
               [event("alice@example.com", "credential_created", "2025-03-01T00:00:00")]),
    credential(C_STRIPE_LOWER, "stripe", "stripe",
               [event("bob@example.com", "credential_created", "2025-03-01T00:00:00.000001")]),
    credential(C_AERGER_UPPER, "Ärger", "acme", [event("alice@example.com", "credential_created", "2025-03-02T00:00:00")]),
    credential(C_AERGER_LOWER, "ärger", "acme", [event("bob@example.com", "credential_created", "2025-03-03T00:00:00")]),
]

# --------------------------------------------------------------------------------------------- models.json


def json_type(annotation: Any) -> dict[str, Any]:
    """The JSON form pydantic's model_dump_json gives a field of this annotation."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        (inner,) = [a for a in args if a is not type(None)]
        return {**json_type(inner), "nullable": True}
    if origin is list:
        return {"type": "list", "items": json_type(args[0])}
    if origin is dict or annotation is dict:
        return {"type": "object"}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return {"type": "enum", "values": [member.value for member in annotation]}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {"type": "model", "model": annotation.__name__}
    simple = {UUID: "uuid", datetime: "datetime", str: "string", bool: "boolean", int: "integer"}
    return {"type": simple[annotation]}


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models an annotation names, at any depth (list[AuditRecord], OAuthTokenPayload | None, …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in typing.get_args(annotation) for model in models_in(arg)]


def describe(model: type[BaseModel], into: dict[str, Any]) -> None:
    if model.__name__ in into:
        return
    fields = []
    into[model.__name__] = fields
    for name, info in model.model_fields.items():
        field = {"name": name, **json_type(info.annotation)}
        for constraint in info.metadata:
            if hasattr(constraint, "ge"):
                field["minimum"] = constraint.ge
        fields.append(field)
        for sub in models_in(info.annotation):
            describe(sub, into)


def models_json() -> str:
    models: dict[str, Any] = {}
    for model in TABLE_MODELS.values():
        describe(model, models)
    document = {
        "comment": "Written by generate.py from its pydantic models (upstream HEAD's field order, extra='forbid'):"
                   " each model's fields in declaration order, as model_dump_json writes every one of them.",
        "tables": {table: model.__name__ for table, model in TABLE_MODELS.items()},
        "models": models,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------- checks and output


def check(entity: BaseModel) -> None:
    """Upstream's reader takes the payload back and writes the very same text."""
    text = entity.model_dump_json()
    assert type(entity).model_validate_json(text).model_dump_json() == text, text


def check_newer_rejected(payload: str) -> None:
    try:
        CredentialMetadata.model_validate_json(payload)
    except ValidationError as error:
        assert [(e["type"], e["loc"]) for e in error.errors()] == [("extra_forbidden", ("tenant_id",))], error
    else:
        raise AssertionError("a payload with tenant_id must be rejected")


def secrets_json() -> str:
    names = {c.id: c.name for c in CREDENTIALS + NEWER + CLASH}
    for entity in CREDENTIALS + NEWER + CLASH:
        assert decrypt(entity.encryption) == PLAINTEXTS[entity.id]["secret"]
    document = {
        "key": KEY,
        "credentials": {str(cid): {"name": names[cid], **plain} for cid, plain in PLAINTEXTS.items()},
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(name: str, schema: str, rows: list[str]) -> None:
    (HERE / name).write_text(schema + "\n".join(rows) + "\n", encoding="utf-8")


def main() -> None:
    for entity in CREDENTIALS + TEMPLATES + ALERTS + NEWER + CLASH:
        check(entity)
    tenant = newer_payload(NEWER[1])
    check_newer_rejected(tenant)
    for postgres, suffix, schema in ((False, "sqlite", SQLITE_SCHEMA), (True, "postgres", POSTGRES_SCHEMA)):
        write(f"{suffix}.sql", schema, [row(e, postgres) for e in CREDENTIALS + TEMPLATES + ALERTS])
        write(f"newer-{suffix}.sql", schema, [row(NEWER[0], postgres), row(NEWER[1], postgres, tenant)])
        write(f"clash-{suffix}.sql", schema, [row(e, postgres) for e in CLASH])
    (HERE / "secrets.json").write_text(secrets_json(), encoding="utf-8")
    (HERE / "models.json").write_text(models_json(), encoding="utf-8")


if __name__ == "__main__":
    main()
