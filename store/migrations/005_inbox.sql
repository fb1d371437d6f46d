-- The inbox as browsers read it, and the operator role of API keys.

-- An operator key may also read installation-wide operations data (queue
-- depths); its notification APIs stay scoped to its own tenant.
ALTER TABLE api_keys ADD COLUMN operator boolean NOT NULL DEFAULT false;

-- The transaction that inserted each item. WatchInbox finds the items
-- committed since it last looked by comparing it with the snapshot xmin it
-- last saw, so an item is streamed once whatever order transactions commit
-- in (created_at and ids are taken before commit and would miss some).
ALTER TABLE inbox_items ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX inbox_items_recipient_xid ON inbox_items (tenant_id, recipient_id, xid);

-- UnreadCount runs after every change and at every stream wake-up.
CREATE INDEX inbox_items_unread ON inbox_items (tenant_id, recipient_id)
    WHERE read_at IS NULL AND archived_at IS NULL;
