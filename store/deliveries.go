package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

const deliveryColumns = `id, tenant_id, notification_id, recipient_id, channel, status, reason, attempts, provider,
	variant, last_error, message_type, message_type_version, priority, address, content, scheduled_at,
	due_at, expire_at, created_at, updated_at`

// deliveryRow is a delivery as InsertDeliveries sends it, one JSON record
// per row.
type deliveryRow struct {
	ID                 uuid.UUID      `json:"id"`
	NotificationID     uuid.UUID      `json:"notification_id"`
	TenantID           uuid.UUID      `json:"tenant_id"`
	RecipientID        string         `json:"recipient_id"`
	Channel            Channel        `json:"channel"`
	Status             DeliveryStatus `json:"status"`
	Reason             string         `json:"reason"`
	Variant            string         `json:"variant"`
	LastError          string         `json:"last_error"`
	MessageType        string         `json:"message_type"`
	MessageTypeVersion int            `json:"message_type_version"`
	Priority           Priority       `json:"priority"`
	Address            string         `json:"address"`
	Content            *Content       `json:"content"`
	ScheduledAt        *time.Time     `json:"scheduled_at"`
	DueAt              time.Time      `json:"due_at"`
	ExpireAt           *time.Time     `json:"expire_at"`
}

// InsertDeliveries inserts ds, skipping any that already exist for their
// (notification, recipient, channel), and returns the ids it inserted. A
// retried fan-out therefore never creates a second delivery.
//
// Big batches go by COPY, several times cheaper per row, in a savepoint:
// COPY cannot skip a conflicting row, so a batch that meets one is rolled
// back to the savepoint and inserted row by row with ON CONFLICT.
func (q *Queries) InsertDeliveries(ctx context.Context, ds []*Delivery) (map[uuid.UUID]bool, error) {
	if len(ds) == 0 {
		return map[uuid.UUID]bool{}, nil
	}
	if len(ds) >= copyMin {
		copied, err := q.copyDeliveries(ctx, ds)
		if err != nil {
			return nil, fmt.Errorf("store: insert deliveries: %w", err)
		}
		if copied {
			out := make(map[uuid.UUID]bool, len(ds))
			for _, d := range ds {
				out[d.ID] = true
			}
			return out, nil
		}
	}
	rows := make([]deliveryRow, len(ds))
	for i, d := range ds {
		rows[i] = deliveryRow{
			ID: d.ID, NotificationID: d.NotificationID, TenantID: d.TenantID, RecipientID: d.RecipientID,
			Channel: d.Channel, Status: d.Status, Reason: d.Reason, Variant: d.Variant, LastError: d.LastError,
			MessageType: d.MessageType, MessageTypeVersion: d.MessageTypeVersion, Priority: d.Priority,
			Address: d.Address, Content: d.Content, ScheduledAt: d.ScheduledAt, DueAt: d.DueAt, ExpireAt: d.ExpireAt,
		}
	}
	records, err := json.Marshal(rows)
	if err != nil {
		return nil, fmt.Errorf("store: insert deliveries: %w", err)
	}
	result, err := q.db.Query(ctx, `
		INSERT INTO deliveries (id, notification_id, tenant_id, recipient_id, channel, status, reason, variant,
			last_error, message_type, message_type_version, priority, address, content, scheduled_at, due_at, expire_at)
		SELECT id, notification_id, tenant_id, recipient_id, channel, status, reason, variant,
			last_error, message_type, message_type_version, priority, address, content, scheduled_at, due_at, expire_at
		FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, notification_id uuid, tenant_id uuid, recipient_id text,
			channel text, status text, reason text, variant text, last_error text, message_type text,
			message_type_version int, priority text, address text, content jsonb, scheduled_at timestamptz,
			due_at timestamptz, expire_at timestamptz)
		ON CONFLICT (notification_id, recipient_id, channel) DO NOTHING
		RETURNING id`, records)
	if err != nil {
		return nil, fmt.Errorf("store: insert deliveries: %w", err)
	}
	inserted, err := pgx.CollectRows(result, pgx.RowTo[uuid.UUID])
	if err != nil {
		return nil, fmt.Errorf("store: insert deliveries: %w", err)
	}
	out := make(map[uuid.UUID]bool, len(inserted))
	for _, id := range inserted {
		out[id] = true
	}
	return out, nil
}

var deliveryCopyColumns = []string{"id", "notification_id", "tenant_id", "recipient_id", "channel", "status", "reason",
	"variant", "last_error", "message_type", "message_type_version", "priority", "address", "content", "scheduled_at",
	"due_at", "expire_at"}

// copyDeliveries COPYs ds in a savepoint and reports false, having rolled
// back, if one of them already exists.
func (q *Queries) copyDeliveries(ctx context.Context, ds []*Delivery) (bool, error) {
	rows := make([][]any, len(ds))
	for i, d := range ds {
		var content []byte
		if d.Content != nil {
			var err error
			if content, err = json.Marshal(d.Content); err != nil {
				return false, err
			}
		}
		rows[i] = []any{[16]byte(d.ID), [16]byte(d.NotificationID), [16]byte(d.TenantID), d.RecipientID, string(d.Channel), string(d.Status), d.Reason,
			d.Variant, d.LastError, d.MessageType, d.MessageTypeVersion, string(d.Priority), d.Address, content,
			d.ScheduledAt, d.DueAt, d.ExpireAt}
	}
	return q.copyOrConflict(ctx, "deliveries", deliveryCopyColumns, rows)
}

// GetDelivery returns the delivery with id. Jobs use it; it does not check
// the tenant.
func (q *Queries) GetDelivery(ctx context.Context, id uuid.UUID) (*Delivery, error) {
	return scanDelivery(q.db.QueryRow(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE id = $1`, id))
}

// ClaimDelivery marks a pending delivery as being sent by the caller for up
// to hold and returns it. It returns (nil, nil) when the
// delivery is no longer pending or another worker holds it; GetDelivery tells
// which.
func (q *Queries) ClaimDelivery(ctx context.Context, id uuid.UUID, hold time.Duration) (*Delivery, error) {
	d, err := scanDelivery(q.db.QueryRow(ctx, `
		UPDATE deliveries SET status = 'sending', updated_at = now(), in_flight_until = now() + $2::interval
		WHERE id = $1 AND status IN ('queued', 'scheduled', 'sending')
		  AND (in_flight_until IS NULL OR in_flight_until < now())
		RETURNING `+deliveryColumns, id, hold))
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, nil
		}
		return nil, err
	}
	return d, nil
}

// ClaimDeliveries is ClaimDelivery for many deliveries at once: it claims
// those of ids that are pending and free, and returns them. The others are
// final, or held by another worker.
func (q *Queries) ClaimDeliveries(ctx context.Context, ids []uuid.UUID, hold time.Duration) ([]*Delivery, error) {
	rows, err := q.db.Query(ctx, `
		UPDATE deliveries SET status = 'sending', updated_at = now(), in_flight_until = now() + $2::interval
		WHERE id = ANY($1) AND status IN ('queued', 'scheduled', 'sending')
		  AND (in_flight_until IS NULL OR in_flight_until < now())
		RETURNING `+deliveryColumns, ids, hold)
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries: %w", err)
	}
	return collectDeliveries(rows)
}

// PendingDeliveries returns those of ids that are still pending.
func (q *Queries) PendingDeliveries(ctx context.Context, ids []uuid.UUID) ([]*Delivery, error) {
	rows, err := q.db.Query(ctx, `SELECT `+deliveryColumns+` FROM deliveries
		WHERE id = ANY($1) AND status IN ('queued', 'scheduled', 'sending')`, ids)
	if err != nil {
		return nil, fmt.Errorf("store: pending deliveries: %w", err)
	}
	return collectDeliveries(rows)
}

// DeliveryUpdate is the outcome of working a delivery.
type DeliveryUpdate struct {
	ID          uuid.UUID
	Status      DeliveryStatus
	Reason      string
	Provider    string
	LastError   string
	ScheduledAt *time.Time
	// Attempted counts a provider call.
	Attempted bool
}

// A provider's receipt may arrive while the worker that sent the delivery
// has yet to record the call (DELIVERED before SENT): the worker's outcome
// then leaves the receipt's final status and reason alone, and only adds
// its events. keepReceipt is that rule in SQL, for a row aliased d.
const keepReceipt = `d.status IN ('delivered', 'bounced')`

// UpdateDeliveryEvents records u on a delivery, releases the worker's hold
// and appends events, in one statement: atomic without a transaction, and
// one round trip. A receipt's status recorded meanwhile stays.
func (q *Queries) UpdateDeliveryEvents(ctx context.Context, u DeliveryUpdate, events []Event) error {
	records, err := eventRecords(events)
	if err != nil {
		return fmt.Errorf("store: update delivery: %w", err)
	}
	_, err = q.db.Exec(ctx, `
		WITH updated AS (
			UPDATE deliveries d SET status = CASE WHEN `+keepReceipt+` THEN d.status ELSE $2 END,
				reason = CASE WHEN `+keepReceipt+` THEN d.reason ELSE $3 END, provider = $4, last_error = $5, scheduled_at = $6,
				attempts = attempts + CASE WHEN $7 THEN 1 ELSE 0 END, in_flight_until = NULL, updated_at = now()
			WHERE id = $1
		)
		`+insertEventsSQL("$8"), u.ID, u.Status, u.Reason, u.Provider, u.LastError, u.ScheduledAt, u.Attempted, records)
	if err != nil {
		return fmt.Errorf("store: update delivery: %w", err)
	}
	return nil
}

// deliveryUpdateRow is a DeliveryUpdate as UpdateDeliveriesEvents sends it.
type deliveryUpdateRow struct {
	ID          uuid.UUID      `json:"id"`
	Status      DeliveryStatus `json:"status"`
	Reason      string         `json:"reason"`
	Provider    string         `json:"provider"`
	LastError   string         `json:"last_error"`
	ScheduledAt *time.Time     `json:"scheduled_at"`
	Attempted   bool           `json:"attempted"`
}

// UpdateDeliveriesEvents is UpdateDeliveryEvents for many deliveries: one
// statement records every update, releases the holds and appends the
// events.
func (q *Queries) UpdateDeliveriesEvents(ctx context.Context, us []DeliveryUpdate, events []Event) error {
	if len(us) == 0 {
		return q.InsertEvents(ctx, events)
	}
	rows := make([]deliveryUpdateRow, len(us))
	for i, u := range us {
		rows[i] = deliveryUpdateRow{ID: u.ID, Status: u.Status, Reason: u.Reason, Provider: u.Provider, LastError: u.LastError,
			ScheduledAt: u.ScheduledAt, Attempted: u.Attempted}
	}
	updates, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("store: update deliveries: %w", err)
	}
	records, err := eventRecords(events)
	if err != nil {
		return fmt.Errorf("store: update deliveries: %w", err)
	}
	_, err = q.db.Exec(ctx, `
		WITH updated AS (
			UPDATE deliveries d SET status = CASE WHEN `+keepReceipt+` THEN d.status ELSE u.status END,
				reason = CASE WHEN `+keepReceipt+` THEN d.reason ELSE u.reason END, provider = u.provider, last_error = u.last_error,
				scheduled_at = u.scheduled_at, attempts = d.attempts + CASE WHEN u.attempted THEN 1 ELSE 0 END,
				in_flight_until = NULL, updated_at = now()
			FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, status text, reason text, provider text, last_error text,
				scheduled_at timestamptz, attempted boolean)
			WHERE d.id = u.id
		)
		`+insertEventsSQL("$2"), updates, records)
	if err != nil {
		return fmt.Errorf("store: update deliveries: %w", err)
	}
	return nil
}

// UpdateDelivery records u on a delivery and releases the worker's hold.
// A receipt's status recorded meanwhile stays.
func (q *Queries) UpdateDelivery(ctx context.Context, u DeliveryUpdate) error {
	_, err := q.db.Exec(ctx, `
		UPDATE deliveries d SET status = CASE WHEN `+keepReceipt+` THEN d.status ELSE $2 END,
			reason = CASE WHEN `+keepReceipt+` THEN d.reason ELSE $3 END, provider = $4, last_error = $5, scheduled_at = $6,
			attempts = attempts + CASE WHEN $7 THEN 1 ELSE 0 END, in_flight_until = NULL, updated_at = now()
		WHERE id = $1`, u.ID, u.Status, u.Reason, u.Provider, u.LastError, u.ScheduledAt, u.Attempted)
	if err != nil {
		return fmt.Errorf("store: update delivery: %w", err)
	}
	return nil
}

// CancelPendingDeliveries cancels the notification's deliveries that have
// not gone and are not being sent right now, and returns them.
func (q *Queries) CancelPendingDeliveries(ctx context.Context, notificationID uuid.UUID) ([]*Delivery, error) {
	rows, err := q.db.Query(ctx, `
		UPDATE deliveries SET status = 'canceled', reason = 'canceled', updated_at = now()
		WHERE notification_id = $1 AND status IN ('queued', 'scheduled', 'sending')
		  AND (in_flight_until IS NULL OR in_flight_until < now())
		RETURNING `+deliveryColumns, notificationID)
	if err != nil {
		return nil, fmt.Errorf("store: cancel deliveries: %w", err)
	}
	return collectDeliveries(rows)
}

// ListDeliveries returns the deliveries of the given notifications, in
// creation order.
func (q *Queries) ListDeliveries(ctx context.Context, notificationIDs []uuid.UUID) ([]*Delivery, error) {
	rows, err := q.db.Query(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE notification_id = ANY($1) ORDER BY created_at, recipient_id, channel`, notificationIDs)
	if err != nil {
		return nil, fmt.Errorf("store: list deliveries: %w", err)
	}
	return collectDeliveries(rows)
}

func collectDeliveries(rows pgx.Rows) ([]*Delivery, error) {
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Delivery, error) { return scanDelivery(r) })
	if err != nil {
		return nil, fmt.Errorf("store: deliveries: %w", err)
	}
	return out, nil
}

func scanDelivery(row pgx.Row) (*Delivery, error) {
	var (
		d       Delivery
		content []byte
	)
	err := row.Scan(&d.ID, &d.TenantID, &d.NotificationID, &d.RecipientID, &d.Channel, &d.Status, &d.Reason, &d.Attempts,
		&d.Provider, &d.Variant, &d.LastError, &d.MessageType, &d.MessageTypeVersion, &d.Priority, &d.Address, &content,
		&d.ScheduledAt, &d.DueAt, &d.ExpireAt, &d.CreatedAt, &d.UpdatedAt)
	if err != nil {
		return nil, notFound(err, "delivery")
	}
	if content != nil {
		d.Content = new(Content)
		if err := json.Unmarshal(content, d.Content); err != nil {
			return nil, fmt.Errorf("store: delivery %s content: %w", d.ID, err)
		}
	}
	return &d, nil
}
