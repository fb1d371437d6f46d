package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// WebhookEndpoint is a tenant's endpoint subscribed to delivery status
// changes, and how far it has been sent.
type WebhookEndpoint struct {
	ID         uuid.UUID
	TenantID   uuid.UUID
	URL        string
	EventTypes []string
	Secret     []byte
	// Cursor is the feed position the endpoint acknowledged.
	Cursor      FeedCursor
	LastEventAt *time.Time
	Failures    int
	LastError   string
	CreatedAt   time.Time
}

const webhookEndpointColumns = `id, tenant_id, url, event_types, secret, cursor_xid::text, cursor_id, last_event_at, failures, last_error, created_at`

func scanWebhookEndpoint(row pgx.Row) (*WebhookEndpoint, error) {
	var (
		e   WebhookEndpoint
		xid string
	)
	if err := row.Scan(&e.ID, &e.TenantID, &e.URL, &e.EventTypes, &e.Secret, &xid, &e.Cursor.ID, &e.LastEventAt,
		&e.Failures, &e.LastError, &e.CreatedAt); err != nil {
		return nil, err
	}
	var err error
	if e.Cursor.XID, err = strconv.ParseUint(xid, 10, 64); err != nil {
		return nil, fmt.Errorf("cursor xid %q: %w", xid, err)
	}
	return &e, nil
}

// CreateWebhookEndpoint stores e, its cursor at the feed's current end:
// it is sent the events committed from now on. It sets e's cursor and
// CreatedAt.
func (q *Queries) CreateWebhookEndpoint(ctx context.Context, e *WebhookEndpoint) error {
	got, err := scanWebhookEndpoint(q.db.QueryRow(ctx, `
		INSERT INTO webhook_endpoints (id, tenant_id, url, event_types, secret, cursor_xid)
		VALUES ($1, $2, $3, $4, $5, pg_snapshot_xmin(pg_current_snapshot()))
		RETURNING `+webhookEndpointColumns, e.ID, e.TenantID, e.URL, e.EventTypes, e.Secret))
	if err != nil {
		return fmt.Errorf("store: create webhook endpoint: %w", err)
	}
	*e = *got
	return nil
}

// GetWebhookEndpoint returns the endpoint with id, of any tenant.
func (q *Queries) GetWebhookEndpoint(ctx context.Context, id uuid.UUID) (*WebhookEndpoint, error) {
	e, err := scanWebhookEndpoint(q.db.QueryRow(ctx, `SELECT `+webhookEndpointColumns+` FROM webhook_endpoints WHERE id = $1`, id))
	if err != nil {
		return nil, notFound(err, "webhook endpoint")
	}
	return e, nil
}

// ListWebhookEndpoints returns the tenant's endpoints, oldest first.
func (q *Queries) ListWebhookEndpoints(ctx context.Context, tenantID uuid.UUID) ([]*WebhookEndpoint, error) {
	rows, err := q.db.Query(ctx, `SELECT `+webhookEndpointColumns+` FROM webhook_endpoints WHERE tenant_id = $1 ORDER BY created_at, id`, tenantID)
	if err != nil {
		return nil, fmt.Errorf("store: list webhook endpoints: %w", err)
	}
	defer rows.Close()
	var out []*WebhookEndpoint
	for rows.Next() {
		e, err := scanWebhookEndpoint(rows)
		if err != nil {
			return nil, fmt.Errorf("store: list webhook endpoints: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list webhook endpoints: %w", err)
	}
	return out, nil
}

// AllWebhookEndpoints returns the id and tenant of every endpoint.
func (q *Queries) AllWebhookEndpoints(ctx context.Context) ([]*WebhookEndpoint, error) {
	rows, err := q.db.Query(ctx, `SELECT id, tenant_id FROM webhook_endpoints ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: all webhook endpoints: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (*WebhookEndpoint, error) {
		var e WebhookEndpoint
		return &e, row.Scan(&e.ID, &e.TenantID)
	})
	if err != nil {
		return nil, fmt.Errorf("store: all webhook endpoints: %w", err)
	}
	return out, nil
}

// DeleteWebhookEndpoint deletes the tenant's endpoint with id.
func (q *Queries) DeleteWebhookEndpoint(ctx context.Context, tenantID, id uuid.UUID) error {
	tag, err := q.db.Exec(ctx, `DELETE FROM webhook_endpoints WHERE tenant_id = $1 AND id = $2`, tenantID, id)
	if err != nil {
		return fmt.Errorf("store: delete webhook endpoint: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

// AdvanceWebhookEndpoint moves the endpoint's cursor from from to to after
// a batch it acknowledged (lastEventAt the batch's last event, nil if the
// batch had none the endpoint wanted) and clears its failures. It reports
// false if the cursor was not at from: someone else moved it.
func (q *Queries) AdvanceWebhookEndpoint(ctx context.Context, id uuid.UUID, from, to FeedCursor, lastEventAt *time.Time) (bool, error) {
	tag, err := q.db.Exec(ctx, `
		UPDATE webhook_endpoints SET cursor_xid = $4::text::xid8, cursor_id = $5,
			last_event_at = coalesce($6, last_event_at), failures = 0, last_error = ''
		WHERE id = $1 AND cursor_xid = $2::text::xid8 AND cursor_id = $3`,
		id, strconv.FormatUint(from.XID, 10), from.ID, strconv.FormatUint(to.XID, 10), to.ID, lastEventAt)
	if err != nil {
		return false, fmt.Errorf("store: advance webhook endpoint: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// FailWebhookEndpoint counts a failed send to the endpoint and returns the
// consecutive failures so far.
func (q *Queries) FailWebhookEndpoint(ctx context.Context, id uuid.UUID, msg string) (int, error) {
	var n int
	err := q.db.QueryRow(ctx, `UPDATE webhook_endpoints SET failures = failures + 1, last_error = $2 WHERE id = $1 RETURNING failures`, id, msg).Scan(&n)
	if err != nil {
		return 0, notFound(err, "webhook endpoint")
	}
	return n, nil
}
