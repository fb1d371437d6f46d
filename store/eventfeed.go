package store

import (
	"context"
	"fmt"
	"strconv"

	"github.com/google/uuid"
)

// FeedCursor is a position in a tenant's event feed. The zero FeedCursor is
// the feed's beginning.
type FeedCursor struct {
	// XID is the writing transaction's id (xid8).
	XID uint64
	// ID is the event's id within it.
	ID int64
}

// FeedEvent is an event with what the feed adds to it: its delivery's
// recipient and channel, and its own position.
type FeedEvent struct {
	Event
	RecipientID string
	Channel     Channel
	Cursor      FeedCursor
}

// EventFeed returns up to limit events of the tenant after cursor, in
// commit order.
//
// Ids are handed out when rows are written, not when their transactions
// commit, so "id > last seen" would skip an event whose transaction
// committed after a later one. The feed orders by (transaction id, id)
// instead and stops short of the oldest transaction still running: every
// event it returns is committed, and none can appear later before the
// cursor. A transaction left open holds the feed back until it ends.
func (q *Queries) EventFeed(ctx context.Context, tenantID uuid.UUID, after FeedCursor, limit int) ([]FeedEvent, error) {
	rows, err := q.db.Query(ctx, `
		SELECT `+eventColumns+`, e.xid::text, d.recipient_id, d.channel
		FROM delivery_events e JOIN deliveries d ON d.id = e.delivery_id
		WHERE e.tenant_id = $1 AND (e.xid, e.id) > ($2::text::xid8, $3::bigint)
			AND e.xid < pg_snapshot_xmin(pg_current_snapshot())
		ORDER BY e.xid, e.id
		LIMIT $4`, tenantID, strconv.FormatUint(after.XID, 10), after.ID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: event feed: %w", err)
	}
	defer rows.Close()
	var out []FeedEvent
	for rows.Next() {
		var (
			e   FeedEvent
			xid string
		)
		if err := scanEvent(rows, &e.Event, &xid, &e.RecipientID, &e.Channel); err != nil {
			return nil, fmt.Errorf("store: event feed: %w", err)
		}
		if e.Cursor.XID, err = strconv.ParseUint(xid, 10, 64); err != nil {
			return nil, fmt.Errorf("store: event %d xid %q: %w", e.ID, xid, err)
		}
		e.Cursor.ID = e.ID
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: event feed: %w", err)
	}
	return out, nil
}
