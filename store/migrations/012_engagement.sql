-- Engagement and analytics: provider receipts and engagement events on the
-- delivery timeline, the per-tenant suppression list, and what GetStats
-- counts.

-- A receipt or engagement event reported by a provider carries the
-- provider's id of the report (SendGrid's sg_event_id, Twilio's message sid
-- and status); a repeat of one is dropped by this index.
ALTER TABLE delivery_events ADD COLUMN receipt_id text;
CREATE UNIQUE INDEX delivery_events_receipt ON delivery_events (delivery_id, receipt_id) WHERE receipt_id IS NOT NULL;

-- The first open, click and spam complaint of a delivery, for GetStats. No
-- index covers them, so setting one keeps the update HOT.
ALTER TABLE deliveries
    ADD COLUMN opened_at timestamptz,
    ADD COLUMN clicked_at timestamptz,
    ADD COLUMN complained_at timestamptz;

-- GetStats reads a tenant's deliveries by creation time. created_at never
-- changes, so the index costs inserts only, never a status update's HOT.
CREATE INDEX deliveries_tenant_created ON deliveries (tenant_id, created_at);

-- Addresses a tenant no longer sends to: hard bounces, invalid numbers and
-- spam complaints add them, SuppressionService lists and removes them.
-- Email addresses are stored in lower case.
CREATE TABLE suppressions (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- email or sms
    channel text NOT NULL,
    address text NOT NULL,
    -- bounced or complained
    reason text NOT NULL,
    -- The delivery whose receipt listed it (no foreign key: deliveries may
    -- be removed by retention long before the entry).
    delivery_id uuid,
    provider text NOT NULL DEFAULT '',
    details jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, channel, address)
);
CREATE INDEX suppressions_recent ON suppressions (tenant_id, created_at DESC, channel, address);
