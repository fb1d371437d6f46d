-- Digests: items collected for a recipient's daily or weekly digest of one
-- message type, and the one scheduled flush per (recipient, message type).

-- generation grows with every (re)scheduling; a flush job carries the
-- generation it was scheduled for and does nothing if it is stale.
CREATE TABLE digests (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    recipient_id text NOT NULL,
    message_type text NOT NULL,
    -- NULL when nothing is scheduled (the recipient went back to immediate).
    next_send_at timestamptz,
    generation int NOT NULL DEFAULT 0,
    job_id bigint,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, recipient_id, message_type)
);

CREATE TABLE digest_items (
    tenant_id uuid NOT NULL,
    recipient_id text NOT NULL,
    message_type text NOT NULL,
    notification_id uuid NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Set when a flush takes the item: the digest notification carrying it.
    flushed_into uuid,
    PRIMARY KEY (tenant_id, recipient_id, message_type, notification_id)
);
CREATE INDEX digest_items_pending ON digest_items (tenant_id, recipient_id, message_type, created_at)
    WHERE flushed_into IS NULL;

-- A digest notification carries items and renders the digest templates.
ALTER TABLE notifications ADD COLUMN digest boolean NOT NULL DEFAULT false;
