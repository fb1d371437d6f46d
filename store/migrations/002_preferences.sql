-- Who gets what: preferences (per recipient, and the tenant's defaults),
-- the sliding-window log rate limits count in, and dedupe keys.

-- A row per recipient, plus one per tenant with recipient_id '' holding the
-- tenant's defaults. Rules are [{category, message_type, channel, enabled}].
CREATE TABLE preferences (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    recipient_id text NOT NULL,
    rules jsonb NOT NULL DEFAULT '[]',
    mute_until timestamptz,
    -- "HH:MM" in the recipient's time zone; both empty when unset.
    quiet_start text NOT NULL DEFAULT '',
    quiet_end text NOT NULL DEFAULT '',
    digest_cadence text NOT NULL DEFAULT '',
    digest_weekday int NOT NULL DEFAULT 0,
    digest_hour int NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, recipient_id)
);

-- One row per delivery a rate limit let through (or scheduled), at the time
-- it counts. Limits count rows in a sliding window; rows older than the
-- longest window are deleted as they are passed.
CREATE TABLE rate_limit_log (
    tenant_id uuid NOT NULL,
    recipient_id text NOT NULL,
    -- "message_type:<key>" or "category:<name>"
    scope text NOT NULL,
    channel text NOT NULL,
    at timestamptz NOT NULL,
    delivery_id uuid NOT NULL
);
CREATE INDEX rate_limit_log_window ON rate_limit_log (tenant_id, scope, channel, recipient_id, at);

-- The first delivery of a dedupe key to a recipient on a channel holds it
-- until it expires.
CREATE TABLE dedupe_keys (
    tenant_id uuid NOT NULL,
    recipient_id text NOT NULL,
    channel text NOT NULL,
    dedupe_key text NOT NULL,
    delivery_id uuid NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, recipient_id, channel, dedupe_key)
);

ALTER TABLE notifications ADD COLUMN dedupe_key text NOT NULL DEFAULT '';
