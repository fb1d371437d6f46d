-- A delivery's row is written three times (queued, claimed, recorded) and a
-- notification's up to twice. Updates that change no indexed column and find
-- room on their page are HOT: no index entry is added and the old version is
-- pruned in place. Nothing reads deliveries by status across a tenant (the
-- status filter goes through the notification), so that index only made
-- every status change write four index entries.
DROP INDEX deliveries_tenant_status;
ALTER TABLE deliveries SET (fillfactor = 70);
ALTER TABLE notifications SET (fillfactor = 80);
