package store

import (
	"context"
	"fmt"
)

// InboxChannel is the Postgres NOTIFY channel that announces inbox changes,
// with the payload "<tenant id>:<recipient id>".
const InboxChannel = "herald_inbox"

// InsertInboxItem puts an in-app message in its recipient's inbox (once per
// delivery) and announces it on InboxChannel when the transaction commits.
// It reports whether the item is new.
func (q *Queries) InsertInboxItem(ctx context.Context, it *InboxItem) (bool, error) {
	tag, err := q.db.Exec(ctx, `
		INSERT INTO inbox_items (id, tenant_id, recipient_id, delivery_id, notification_id, message_type, title, body, link)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (delivery_id) DO NOTHING`,
		it.ID, it.TenantID, it.RecipientID, it.DeliveryID, it.NotificationID, it.MessageType, it.Title, it.Body, it.Link)
	if err != nil {
		return false, fmt.Errorf("store: insert inbox item: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	if _, err := q.db.Exec(ctx, `SELECT pg_notify($1, $2)`, InboxChannel, it.TenantID.String()+":"+it.RecipientID); err != nil {
		return false, fmt.Errorf("store: notify inbox: %w", err)
	}
	return true, nil
}
