package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// InboxChannel is the Postgres NOTIFY channel that announces inbox changes,
// with the payload InboxKey(tenant, recipient). Notifications are sent in
// the transaction that makes the change, so listeners hear of it only once
// it has committed.
const InboxChannel = "herald_inbox"

// InboxKey is the payload announcing a change to one recipient's inbox:
// "<tenant id>:<recipient id>".
func InboxKey(tenantID uuid.UUID, recipientID string) string {
	return tenantID.String() + ":" + recipientID
}

// Engagement events an inbox adds to a delivery's timeline.
const (
	EventRead     = "read"
	EventArchived = "archived"
)

// InboxFilter selects items by state. The zero value is every unarchived
// item.
type InboxFilter string

// Inbox filters.
const (
	InboxUnarchived InboxFilter = ""
	InboxUnread     InboxFilter = "unread"
	InboxRead       InboxFilter = "read"
	InboxArchived   InboxFilter = "archived"
	InboxAll        InboxFilter = "all"
)

var inboxFilterSQL = map[InboxFilter]string{
	InboxUnarchived: "archived_at IS NULL",
	InboxUnread:     "archived_at IS NULL AND read_at IS NULL",
	InboxRead:       "archived_at IS NULL AND read_at IS NOT NULL",
	InboxArchived:   "archived_at IS NOT NULL",
	InboxAll:        "true",
}

const inboxColumns = `id, tenant_id, recipient_id, delivery_id, notification_id, message_type, title, body, link,
	read_at, archived_at, created_at`

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
	if err := q.notifyInbox(ctx, it.TenantID, it.RecipientID); err != nil {
		return false, err
	}
	return true, nil
}

// InsertInboxItems is InsertInboxItem for many items, in one statement that
// also notifies each recipient once.
func (q *Queries) InsertInboxItems(ctx context.Context, items []*InboxItem) error {
	if len(items) == 0 {
		return nil
	}
	type row struct {
		ID             uuid.UUID `json:"id"`
		TenantID       uuid.UUID `json:"tenant_id"`
		RecipientID    string    `json:"recipient_id"`
		DeliveryID     uuid.UUID `json:"delivery_id"`
		NotificationID uuid.UUID `json:"notification_id"`
		MessageType    string    `json:"message_type"`
		Title          string    `json:"title"`
		Body           string    `json:"body"`
		Link           string    `json:"link"`
	}
	rows := make([]row, len(items))
	for i, it := range items {
		rows[i] = row{ID: it.ID, TenantID: it.TenantID, RecipientID: it.RecipientID, DeliveryID: it.DeliveryID,
			NotificationID: it.NotificationID, MessageType: it.MessageType, Title: it.Title, Body: it.Body, Link: it.Link}
	}
	records, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("store: insert inbox items: %w", err)
	}
	_, err = q.db.Exec(ctx, `
		WITH inserted AS (
			INSERT INTO inbox_items (id, tenant_id, recipient_id, delivery_id, notification_id, message_type, title, body, link)
			SELECT id, tenant_id, recipient_id, delivery_id, notification_id, message_type, title, body, link
			FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, tenant_id uuid, recipient_id text, delivery_id uuid,
				notification_id uuid, message_type text, title text, body text, link text)
			ON CONFLICT (delivery_id) DO NOTHING
			RETURNING tenant_id, recipient_id
		)
		SELECT pg_notify($2, key) FROM (SELECT DISTINCT tenant_id::text || ':' || recipient_id AS key FROM inserted) k`,
		records, InboxChannel)
	if err != nil {
		return fmt.Errorf("store: insert inbox items: %w", err)
	}
	return nil
}

func (q *Queries) notifyInbox(ctx context.Context, tenantID uuid.UUID, recipientID string) error {
	if _, err := q.db.Exec(ctx, `SELECT pg_notify($1, $2)`, InboxChannel, InboxKey(tenantID, recipientID)); err != nil {
		return fmt.Errorf("store: notify inbox: %w", err)
	}
	return nil
}

// ListInboxParams select and page one recipient's inbox, newest first.
type ListInboxParams struct {
	TenantID    uuid.UUID
	RecipientID string
	Filter      InboxFilter
	// Page after this (created_at, id) position; zero starts at the newest.
	BeforeTime time.Time
	BeforeID   uuid.UUID
	Limit      int
}

// ListInbox returns a page of one recipient's inbox, newest first.
func (q *Queries) ListInbox(ctx context.Context, p ListInboxParams) ([]*InboxItem, error) {
	cond, ok := inboxFilterSQL[p.Filter]
	if !ok {
		return nil, fmt.Errorf("store: list inbox: unknown filter %q", p.Filter)
	}
	args := []any{p.TenantID, p.RecipientID, p.Limit}
	if !p.BeforeTime.IsZero() {
		cond += " AND (created_at, id) < ($4, $5)"
		args = append(args, p.BeforeTime, p.BeforeID)
	}
	rows, err := q.db.Query(ctx, `SELECT `+inboxColumns+` FROM inbox_items
		WHERE tenant_id = $1 AND recipient_id = $2 AND `+cond+`
		ORDER BY created_at DESC, id DESC LIMIT $3`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list inbox: %w", err)
	}
	items, err := pgx.CollectRows(rows, scanInboxItem)
	if err != nil {
		return nil, fmt.Errorf("store: list inbox: %w", err)
	}
	return items, nil
}

func scanInboxItem(row pgx.CollectableRow) (*InboxItem, error) {
	var it InboxItem
	err := row.Scan(&it.ID, &it.TenantID, &it.RecipientID, &it.DeliveryID, &it.NotificationID, &it.MessageType,
		&it.Title, &it.Body, &it.Link, &it.ReadAt, &it.ArchivedAt, &it.CreatedAt)
	return &it, err
}

// InboxUnreadCount returns how many unarchived items the recipient has not
// read.
func (q *Queries) InboxUnreadCount(ctx context.Context, tenantID uuid.UUID, recipientID string) (int64, error) {
	var n int64
	err := q.db.QueryRow(ctx, `SELECT count(*) FROM inbox_items
		WHERE tenant_id = $1 AND recipient_id = $2 AND read_at IS NULL AND archived_at IS NULL`,
		tenantID, recipientID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: inbox unread count: %w", err)
	}
	return n, nil
}

// MarkInboxRead marks the recipient's items with ids read (all of them if
// ids is nil), records a read event on each one's delivery and announces
// the change. Items that are not the recipient's, or already read, are left
// alone. It returns how many items it marked.
func (q *Queries) MarkInboxRead(ctx context.Context, tenantID uuid.UUID, recipientID string, ids []uuid.UUID) (int64, error) {
	return q.changeInbox(ctx, tenantID, recipientID, ids, "read_at", EventRead, "read in the inbox")
}

// ArchiveInboxItems archives the recipient's items with ids, records an
// archived event on each one's delivery and announces the change. Items
// that are not the recipient's, or already archived, are left alone. It
// returns how many items it archived.
func (q *Queries) ArchiveInboxItems(ctx context.Context, tenantID uuid.UUID, recipientID string, ids []uuid.UUID) (int64, error) {
	return q.changeInbox(ctx, tenantID, recipientID, ids, "archived_at", EventArchived, "archived in the inbox")
}

// changeInbox sets column (read_at or archived_at) on the recipient's items
// where it is unset, in one statement with their timeline events.
func (q *Queries) changeInbox(ctx context.Context, tenantID uuid.UUID, recipientID string, ids []uuid.UUID, column, eventType, message string) (int64, error) {
	var n int64
	err := q.db.QueryRow(ctx, `
		WITH changed AS (
			UPDATE inbox_items SET `+column+` = now()
			WHERE tenant_id = $1 AND recipient_id = $2 AND `+column+` IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3))
			RETURNING tenant_id, notification_id, delivery_id
		), events AS (
			INSERT INTO delivery_events (tenant_id, notification_id, delivery_id, type, status, message)
			SELECT c.tenant_id, c.notification_id, c.delivery_id, $4, d.status, $5
			FROM changed c JOIN deliveries d ON d.id = c.delivery_id
		), opened AS (
			-- A read is the inbox's open, for GetStats.
			UPDATE deliveries SET opened_at = now()
			WHERE $6 AND id IN (SELECT delivery_id FROM changed) AND opened_at IS NULL
		)
		SELECT count(*) FROM changed`,
		tenantID, recipientID, ids, eventType, message, eventType == EventRead).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: inbox %s: %w", eventType, err)
	}
	if n > 0 {
		if err := q.notifyInbox(ctx, tenantID, recipientID); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// InboxCursor is how far a watcher of one inbox has read: every item
// inserted by a transaction at or after xmin that is not in seen is new to
// it. Its zero value starts at "now" on first use.
type InboxCursor struct {
	xmin uint64
	// seen maps the items of transactions at or after xmin already
	// returned to their transaction ids.
	seen map[uuid.UUID]uint64
}

// InboxItemsSince returns up to limit of the recipient's items committed
// since cur last moved, oldest transaction first, and moves cur past them.
// On a zero cursor it returns nothing and starts cur at "now": items
// committed before the call are not news.
//
// Each item records the transaction that inserted it. A snapshot's xmin is
// the oldest transaction still running when it was taken, so every item of
// an older transaction had committed (or never will) by then; reading the
// xmin first and the items second, only items of transactions at or above
// it can appear later, and those already returned are in seen.
func (q *Queries) InboxItemsSince(ctx context.Context, tenantID uuid.UUID, recipientID string, cur *InboxCursor, limit int) ([]*InboxItem, error) {
	var xmin uint64
	if err := q.db.QueryRow(ctx, `SELECT pg_snapshot_xmin(pg_current_snapshot())::text::numeric`).Scan(&xmin); err != nil {
		return nil, fmt.Errorf("store: inbox items since: %w", err)
	}
	if cur.seen == nil {
		rows, err := q.db.Query(ctx, `SELECT id, xid::text::numeric FROM inbox_items
			WHERE tenant_id = $1 AND recipient_id = $2 AND xid >= $3::numeric::text::xid8`, tenantID, recipientID, xmin)
		if err != nil {
			return nil, fmt.Errorf("store: inbox items since: %w", err)
		}
		cur.seen = map[uuid.UUID]uint64{}
		var (
			id  uuid.UUID
			xid uint64
		)
		if _, err := pgx.ForEachRow(rows, []any{&id, &xid}, func() error { cur.seen[id] = xid; return nil }); err != nil {
			return nil, fmt.Errorf("store: inbox items since: %w", err)
		}
		cur.xmin = xmin
		return nil, nil
	}

	seen := make([]uuid.UUID, 0, len(cur.seen))
	for id := range cur.seen {
		seen = append(seen, id)
	}
	rows, err := q.db.Query(ctx, `SELECT xid::text::numeric, `+inboxColumns+` FROM inbox_items
		WHERE tenant_id = $1 AND recipient_id = $2 AND xid >= $3::numeric::text::xid8 AND id <> ALL($4::uuid[])
		ORDER BY xid, created_at, id LIMIT $5`, tenantID, recipientID, cur.xmin, seen, limit)
	if err != nil {
		return nil, fmt.Errorf("store: inbox items since: %w", err)
	}
	var xids []uint64
	items, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (*InboxItem, error) {
		var (
			it  InboxItem
			xid uint64
		)
		err := row.Scan(&xid, &it.ID, &it.TenantID, &it.RecipientID, &it.DeliveryID, &it.NotificationID, &it.MessageType,
			&it.Title, &it.Body, &it.Link, &it.ReadAt, &it.ArchivedAt, &it.CreatedAt)
		xids = append(xids, xid)
		return &it, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: inbox items since: %w", err)
	}
	for i, it := range items {
		cur.seen[it.ID] = xids[i]
	}
	// A page cut short by limit leaves items between the old and the new
	// xmin unread: move on only when everything came back.
	if len(items) < limit {
		cur.xmin = xmin
		for id, x := range cur.seen {
			if x < xmin {
				delete(cur.seen, id)
			}
		}
	}
	return items, nil
}

// GetInboxItem returns the recipient's inbox item with id. Another
// recipient's item is ErrNotFound.
func (q *Queries) GetInboxItem(ctx context.Context, tenantID uuid.UUID, recipientID string, id uuid.UUID) (*InboxItem, error) {
	rows, err := q.db.Query(ctx, `SELECT `+inboxColumns+` FROM inbox_items WHERE tenant_id = $1 AND recipient_id = $2 AND id = $3`,
		tenantID, recipientID, id)
	if err != nil {
		return nil, fmt.Errorf("store: get inbox item: %w", err)
	}
	it, err := pgx.CollectExactlyOneRow(rows, scanInboxItem)
	if err != nil {
		return nil, notFound(err, "inbox item")
	}
	return it, nil
}
