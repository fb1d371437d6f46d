-- A tenant's endpoints subscribed to delivery status changes. Each follows
-- the tenant's event feed from its cursor (see store/eventfeed.go); the
-- cursor moves only after the endpoint acknowledged a batch.
CREATE TABLE webhook_endpoints (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    url text NOT NULL,
    -- Event types sent; empty means the default set.
    event_types text[] NOT NULL DEFAULT '{}',
    secret bytea NOT NULL,
    cursor_xid xid8 NOT NULL,
    cursor_id bigint NOT NULL DEFAULT 0,
    last_event_at timestamptz,
    -- Consecutive failed sends (backoff) and the last one's error.
    failures int NOT NULL DEFAULT 0,
    last_error text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoints_tenant ON webhook_endpoints (tenant_id, created_at);
