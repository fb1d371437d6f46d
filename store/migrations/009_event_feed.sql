-- Every event records the transaction that wrote it, so the event feed
-- (ListEvents, status webhooks) can read in commit order: it only returns
-- events of transactions older than the oldest one still running, which
-- cannot be joined later by an event sorting before them.
ALTER TABLE delivery_events ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX delivery_events_feed ON delivery_events (tenant_id, xid, id);
