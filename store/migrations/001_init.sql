-- Herald's core schema: tenants and keys, recipients, versioned message
-- types, notifications with their idempotency keys, deliveries, the
-- append-only delivery event log (the decision log) and the in-app inbox.
--
-- Status, channel and priority are stored as their snake_case names so that
-- an operator reading the tables with psql sees what the API shows.

CREATE TABLE tenants (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    -- Signs webhook payloads and inbox tokens. Never returned by any RPC.
    signing_secret bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name text NOT NULL,
    -- SHA-256 of the key. Keys are 256-bit random strings, so a fast hash is
    -- enough; the plaintext is shown once at creation and never stored.
    hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

CREATE TABLE recipients (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id text NOT NULL,
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    timezone text NOT NULL DEFAULT '',
    locale text NOT NULL DEFAULT '',
    webhook_url text NOT NULL DEFAULT '',
    slack_webhook_url text NOT NULL DEFAULT '',
    push_tokens jsonb NOT NULL DEFAULT '[]',
    attributes jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

-- message_types holds the current version of each key; the versions table
-- keeps every definition ever upserted, so a delivery can name the one it
-- used.
CREATE TABLE message_types (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key text NOT NULL,
    version int NOT NULL,
    category text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE message_type_versions (
    tenant_id uuid NOT NULL,
    key text NOT NULL,
    version int NOT NULL,
    spec jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key, version),
    FOREIGN KEY (tenant_id, key) REFERENCES message_types (tenant_id, key) ON DELETE CASCADE
);

CREATE TABLE notifications (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    message_type text NOT NULL,
    message_type_version int NOT NULL,
    priority text NOT NULL,
    recipient_ids text[] NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    -- The idempotency key and a hash of the request it was first used with:
    -- the same key with another request is refused.
    idempotency_key text,
    request_hash bytea,
    send_at timestamptz,
    -- accepted, scheduled, processing (fanned out) or canceled; completed is
    -- derived from the deliveries when read.
    status text NOT NULL,
    -- How many recipient ids fan-out has handled, so a retried fan-out job
    -- resumes instead of starting over.
    fanout_cursor int NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    canceled_at timestamptz,
    canceled_by text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX notifications_idempotency_key ON notifications (tenant_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX notifications_tenant_created ON notifications (tenant_id, created_at DESC, id DESC);

-- A delivery is one recipient on one channel. The unique key makes fan-out
-- retries harmless.
CREATE TABLE deliveries (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    recipient_id text NOT NULL,
    channel text NOT NULL,
    status text NOT NULL,
    reason text NOT NULL DEFAULT '',
    attempts int NOT NULL DEFAULT 0,
    provider text NOT NULL DEFAULT '',
    variant text NOT NULL DEFAULT '',
    last_error text NOT NULL DEFAULT '',
    message_type text NOT NULL,
    message_type_version int NOT NULL,
    priority text NOT NULL,
    -- Where it goes (email address, phone, URL), copied at fan-out so a
    -- later recipient edit does not change an accepted delivery.
    address text NOT NULL DEFAULT '',
    -- The rendered message, kept for inspection (dark launch, support).
    content jsonb,
    scheduled_at timestamptz,
    -- When the notification was due (accepted, or its sendAt), for latency,
    -- and when the delivery expires (the message type's ttl), if ever.
    due_at timestamptz NOT NULL DEFAULT now(),
    expire_at timestamptz,
    -- Set while a worker is calling the provider: cancel leaves such a
    -- delivery alone, and a second worker does not call in parallel.
    in_flight_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (notification_id, recipient_id, channel)
);
CREATE INDEX deliveries_tenant_recipient ON deliveries (tenant_id, recipient_id, created_at DESC);
CREATE INDEX deliveries_tenant_status ON deliveries (tenant_id, status, created_at DESC);

-- delivery_events is append-only: every transition and every decision, with
-- the data that decided it.
CREATE TABLE delivery_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    notification_id uuid NOT NULL,
    delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    type text NOT NULL,
    status text NOT NULL,
    reason text NOT NULL DEFAULT '',
    attempt int NOT NULL DEFAULT 0,
    provider text NOT NULL DEFAULT '',
    response_code int NOT NULL DEFAULT 0,
    latency_us bigint NOT NULL DEFAULT 0,
    message text NOT NULL DEFAULT '',
    details jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_events_notification ON delivery_events (notification_id, id);
CREATE INDEX delivery_events_delivery ON delivery_events (delivery_id, id);

CREATE TABLE inbox_items (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL,
    recipient_id text NOT NULL,
    delivery_id uuid NOT NULL UNIQUE REFERENCES deliveries (id) ON DELETE CASCADE,
    notification_id uuid NOT NULL,
    message_type text NOT NULL,
    title text NOT NULL DEFAULT '',
    body text NOT NULL DEFAULT '',
    link text NOT NULL DEFAULT '',
    read_at timestamptz,
    archived_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_items_recipient ON inbox_items (tenant_id, recipient_id, created_at DESC, id DESC);
