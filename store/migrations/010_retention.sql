-- Retention finds old, finished rows by age without scanning tables whole.
CREATE INDEX notifications_created ON notifications (created_at);
CREATE INDEX digest_items_flushed ON digest_items (created_at) WHERE flushed_into IS NOT NULL;
CREATE INDEX dedupe_keys_expires ON dedupe_keys (expires_at);
