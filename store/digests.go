package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// AddDigestItems puts items in their digests; an item already there (a
// retried fan-out) is kept as it was.
func (q *Queries) AddDigestItems(ctx context.Context, items []DigestItem) error {
	if len(items) == 0 {
		return nil
	}
	records, err := json.Marshal(items)
	if err != nil {
		return fmt.Errorf("store: add digest items: %w", err)
	}
	_, err = q.db.Exec(ctx, `
		INSERT INTO digest_items (tenant_id, recipient_id, message_type, notification_id, data, created_at)
		SELECT tenant_id, recipient_id, message_type, notification_id, data, created_at
		FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, recipient_id text, message_type text,
			notification_id uuid, data jsonb, created_at timestamptz)
		ON CONFLICT DO NOTHING`, records)
	if err != nil {
		return fmt.Errorf("store: add digest items: %w", err)
	}
	return nil
}

// PendingDigestItems returns up to limit items not yet flushed, oldest
// first; with lock, they stay locked until the transaction ends, so a
// concurrent flush cannot take them too.
func (q *Queries) PendingDigestItems(ctx context.Context, tenantID uuid.UUID, recipientID, messageType string, limit int, lock bool) ([]DigestItem, error) {
	sql := `SELECT tenant_id, recipient_id, message_type, notification_id, data, created_at FROM digest_items
		WHERE tenant_id = $1 AND recipient_id = $2 AND message_type = $3 AND flushed_into IS NULL
		ORDER BY created_at, notification_id LIMIT $4`
	if lock {
		sql += " FOR UPDATE"
	}
	rows, err := q.db.Query(ctx, sql, tenantID, recipientID, messageType, limit)
	if err != nil {
		return nil, fmt.Errorf("store: pending digest items: %w", err)
	}
	items, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (DigestItem, error) {
		var it DigestItem
		err := r.Scan(&it.TenantID, &it.RecipientID, &it.MessageType, &it.NotificationID, &it.Data, &it.CreatedAt)
		return it, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: pending digest items: %w", err)
	}
	return items, nil
}

// MarkDigestItemsFlushed records that the items went out in notification
// into.
func (q *Queries) MarkDigestItemsFlushed(ctx context.Context, items []DigestItem, into uuid.UUID) error {
	if len(items) == 0 {
		return nil
	}
	ids := make([]uuid.UUID, len(items))
	for i, it := range items {
		ids[i] = it.NotificationID
	}
	first := items[0]
	_, err := q.db.Exec(ctx, `UPDATE digest_items SET flushed_into = $5
		WHERE tenant_id = $1 AND recipient_id = $2 AND message_type = $3 AND notification_id = ANY($4)`,
		first.TenantID, first.RecipientID, first.MessageType, ids, into)
	if err != nil {
		return fmt.Errorf("store: mark digest items: %w", err)
	}
	return nil
}

const digestColumns = `tenant_id, recipient_id, message_type, next_send_at, generation, job_id`

// GetDigest returns a digest's schedule, or ErrNotFound if it never had an
// item.
func (q *Queries) GetDigest(ctx context.Context, tenantID uuid.UUID, recipientID, messageType string) (*Digest, error) {
	return scanDigest(q.db.QueryRow(ctx, `SELECT `+digestColumns+` FROM digests
		WHERE tenant_id = $1 AND recipient_id = $2 AND message_type = $3`, tenantID, recipientID, messageType))
}

// LockDigest returns a digest's schedule locked for the transaction,
// creating it (unscheduled, generation 0) if it does not exist.
func (q *Queries) LockDigest(ctx context.Context, tenantID uuid.UUID, recipientID, messageType string) (*Digest, error) {
	_, err := q.db.Exec(ctx, `INSERT INTO digests (tenant_id, recipient_id, message_type) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, tenantID, recipientID, messageType)
	if err != nil {
		return nil, fmt.Errorf("store: lock digest: %w", err)
	}
	return scanDigest(q.db.QueryRow(ctx, `SELECT `+digestColumns+` FROM digests
		WHERE tenant_id = $1 AND recipient_id = $2 AND message_type = $3 FOR UPDATE`, tenantID, recipientID, messageType))
}

// LockRecipientDigests returns every digest schedule of a recipient, locked
// for the transaction.
func (q *Queries) LockRecipientDigests(ctx context.Context, tenantID uuid.UUID, recipientID string) ([]*Digest, error) {
	rows, err := q.db.Query(ctx, `SELECT `+digestColumns+` FROM digests
		WHERE tenant_id = $1 AND recipient_id = $2 ORDER BY message_type FOR UPDATE`, tenantID, recipientID)
	if err != nil {
		return nil, fmt.Errorf("store: recipient digests: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Digest, error) { return scanDigest(r) })
	if err != nil {
		return nil, fmt.Errorf("store: recipient digests: %w", err)
	}
	return out, nil
}

// SetDigestSchedule records a digest's next flush (nil: none) under a new
// generation, and the River job that will run it.
func (q *Queries) SetDigestSchedule(ctx context.Context, d *Digest) error {
	_, err := q.db.Exec(ctx, `UPDATE digests SET next_send_at = $4, generation = $5, job_id = $6, updated_at = now()
		WHERE tenant_id = $1 AND recipient_id = $2 AND message_type = $3`,
		d.TenantID, d.RecipientID, d.MessageType, d.NextSendAt, d.Generation, d.JobID)
	if err != nil {
		return fmt.Errorf("store: set digest schedule: %w", err)
	}
	return nil
}

// UnscheduledDigests returns up to limit digests that have pending items but
// no flush due within grace of now: a crash lost their job, or a schedule was
// never made. The sweeper schedules them again.
func (q *Queries) UnscheduledDigests(ctx context.Context, now time.Time, grace time.Duration, limit int) ([]*Digest, error) {
	rows, err := q.db.Query(ctx, `
		SELECT `+digestColumns+` FROM digests d
		WHERE EXISTS (SELECT 1 FROM digest_items i WHERE i.tenant_id = d.tenant_id AND i.recipient_id = d.recipient_id
			AND i.message_type = d.message_type AND i.flushed_into IS NULL)
		  AND (d.next_send_at IS NULL OR d.next_send_at < $1
		       OR NOT EXISTS (SELECT 1 FROM river_job j WHERE j.id = d.job_id AND j.state IN ('available', 'scheduled', 'running', 'retryable')))
		LIMIT $2`, now.Add(-grace), limit)
	if err != nil {
		return nil, fmt.Errorf("store: unscheduled digests: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Digest, error) { return scanDigest(r) })
	if err != nil {
		return nil, fmt.Errorf("store: unscheduled digests: %w", err)
	}
	return out, nil
}

func scanDigest(row pgx.Row) (*Digest, error) {
	var d Digest
	if err := row.Scan(&d.TenantID, &d.RecipientID, &d.MessageType, &d.NextSendAt, &d.Generation, &d.JobID); err != nil {
		return nil, notFound(err, "digest")
	}
	return &d, nil
}
