package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
)

// Pruned counts the rows one retention pass deleted.
type Pruned struct {
	Notifications, Deliveries, Events, DigestItems, DedupeKeys int64
}

// Add adds o's counts to p.
func (p *Pruned) Add(o Pruned) {
	p.Notifications += o.Notifications
	p.Deliveries += o.Deliveries
	p.Events += o.Events
	p.DigestItems += o.DigestItems
	p.DedupeKeys += o.DedupeKeys
}

// Total is every row deleted.
func (p Pruned) Total() int64 {
	return p.Notifications + p.Deliveries + p.Events + p.DigestItems + p.DedupeKeys
}

// PruneNotifications deletes up to limit notifications accepted more than
// age ago (by the database's clock, which stamped them) that are done (every delivery final, or canceled), with their
// deliveries, events and inbox items, and reports whether more may be
// left. Each statement deletes at most limit rows and commits on its own,
// so a pass never holds many locks or a long transaction: deliveries go on
// while it runs. A pass cut short resumes on the next call, since what is
// left still qualifies.
func (q *Queries) PruneNotifications(ctx context.Context, age time.Duration, limit int) (Pruned, bool, error) {
	var p Pruned
	// Per tenant, oldest first, through notifications_tenant_created.
	rows, err := q.db.Query(ctx, `
		SELECT old.id FROM tenants t, LATERAL (
			SELECT n.id, n.created_at FROM notifications n
			WHERE n.tenant_id = t.id AND n.created_at < now() - make_interval(secs => $1)
				AND n.status IN ('processing', 'canceled')
				AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = n.id AND d.status IN ('queued', 'scheduled', 'sending'))
			ORDER BY n.created_at
			LIMIT $2) old
		LIMIT $2`, age.Seconds(), limit)
	if err != nil {
		return p, false, fmt.Errorf("store: prune: %w", err)
	}
	var ids []uuid.UUID
	for rows.Next() {
		var id uuid.UUID
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return p, false, fmt.Errorf("store: prune: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, false, fmt.Errorf("store: prune: %w", err)
	}
	if len(ids) == 0 {
		return p, false, nil
	}
	// Children first, a bounded batch at a time: a notification's
	// thousands of deliveries and events must not be one statement.
	for _, step := range []struct {
		n   *int64
		sql string
	}{
		{&p.Events, `DELETE FROM delivery_events WHERE id IN (
			SELECT e.id FROM unnest($1::uuid[]) AS want(id) JOIN delivery_events e ON e.notification_id = want.id LIMIT $2)`},
		// Inbox items and send slots go with their deliveries (cascade).
		{&p.Deliveries, `DELETE FROM deliveries WHERE id IN (
			SELECT d.id FROM unnest($1::uuid[]) AS want(id) JOIN deliveries d ON d.notification_id = want.id LIMIT $2)`},
	} {
		for {
			tag, err := q.db.Exec(ctx, step.sql, ids, limit)
			if err != nil {
				return p, false, fmt.Errorf("store: prune: %w", err)
			}
			*step.n += tag.RowsAffected()
			if tag.RowsAffected() < int64(limit) {
				break
			}
		}
	}
	tag, err := q.db.Exec(ctx, `DELETE FROM notifications n USING unnest($1::uuid[]) AS want(id) WHERE n.id = want.id`, ids)
	if err != nil {
		return p, false, fmt.Errorf("store: prune: %w", err)
	}
	p.Notifications = tag.RowsAffected()
	return p, len(ids) == limit, nil
}

// PruneDigestItems deletes up to limit digest items flushed and created
// more than age ago, and reports whether more may be left.
func (q *Queries) PruneDigestItems(ctx context.Context, age time.Duration, limit int) (int64, bool, error) {
	tag, err := q.db.Exec(ctx, `DELETE FROM digest_items WHERE ctid IN (
		SELECT ctid FROM digest_items WHERE flushed_into IS NOT NULL AND created_at < now() - make_interval(secs => $1) LIMIT $2)`,
		age.Seconds(), limit)
	if err != nil {
		return 0, false, fmt.Errorf("store: prune digest items: %w", err)
	}
	return tag.RowsAffected(), tag.RowsAffected() == int64(limit), nil
}

// PruneDedupeKeys deletes up to limit dedupe keys that expired (by the
// database's clock), and reports whether more may be left.
func (q *Queries) PruneDedupeKeys(ctx context.Context, limit int) (int64, bool, error) {
	tag, err := q.db.Exec(ctx, `DELETE FROM dedupe_keys WHERE ctid IN (
		SELECT ctid FROM dedupe_keys WHERE expires_at < now() LIMIT $1)`, limit)
	if err != nil {
		return 0, false, fmt.Errorf("store: prune dedupe keys: %w", err)
	}
	return tag.RowsAffected(), tag.RowsAffected() == int64(limit), nil
}
