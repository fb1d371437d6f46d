-- A big fan-out is planned into chunk jobs that run in parallel; this
-- counts the chunks not yet written. The last one marks the notification
-- processing.
ALTER TABLE notifications ADD COLUMN fanout_pending int NOT NULL DEFAULT 0;
