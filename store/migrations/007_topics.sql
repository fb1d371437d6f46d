-- Topics: a Send may name a topic instead of recipients, and goes to the
-- topic's subscribers as of its fan-out.
CREATE TABLE topic_subscriptions (
    tenant_id uuid NOT NULL,
    topic text NOT NULL,
    recipient_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, topic, recipient_id),
    FOREIGN KEY (tenant_id, recipient_id) REFERENCES recipients (tenant_id, id) ON DELETE CASCADE
);
-- A recipient's topics, and the cascade from a deleted recipient.
CREATE INDEX topic_subscriptions_recipient ON topic_subscriptions (tenant_id, recipient_id);

ALTER TABLE notifications ADD COLUMN topic text NOT NULL DEFAULT '';
-- A topic fan-out walks the subscribers in recipient id order; this is the
-- last one done (fanout_cursor counts them).
ALTER TABLE notifications ADD COLUMN fanout_after text NOT NULL DEFAULT '';
