-- Per-provider send-rate limits, shared by every worker of every process.
--
-- Each limited provider has a row holding when its next send slot starts
-- (the "theoretical arrival time" of GCRA). Taking a slot moves it on by
-- the provider's interval (1s / rate) in one UPDATE, so concurrent workers
-- queue on the row lock and never share a slot.
CREATE TABLE provider_limits (
    provider text PRIMARY KEY,
    next_slot timestamptz NOT NULL
);

-- A delivery whose slot lies in the future keeps it here while its job
-- snoozes until then; when the job runs again it sends in that slot
-- instead of queuing a second time.
CREATE TABLE provider_slots (
    delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    provider text NOT NULL,
    slot_at timestamptz NOT NULL,
    PRIMARY KEY (delivery_id, provider)
);
