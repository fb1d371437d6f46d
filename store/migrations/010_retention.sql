-- Retention finds old, finished rows by age without scanning tables whole.
-- Notifications are found per tenant through notifications_tenant_created:
-- one more index on the table every Send writes would cost the accept path.
CREATE INDEX digest_items_flushed ON digest_items (created_at) WHERE flushed_into IS NOT NULL;
CREATE INDEX dedupe_keys_expires ON dedupe_keys (expires_at);
