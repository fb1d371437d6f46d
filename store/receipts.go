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

// Receipt is what a provider reported about a delivery after accepting
// it: that it reached the recipient, or that it bounced.
type Receipt struct {
	DeliveryID uuid.UUID
	// Status is DeliveryDelivered or DeliveryBounced.
	Status DeliveryStatus
	// Reason says why a delivery bounced: ReasonBounced (the address is
	// bad), ReasonBlocked or ReasonDropped. Empty for delivered.
	Reason   string
	Provider string
	Message  string
	// ReceiptID is the provider's id of the report; a report whose id is
	// already on the delivery's timeline is a repeat and changes nothing.
	ReceiptID string
	Details   map[string]any
}

// ReceiptOutcome is what ApplyReceipt did with a receipt.
type ReceiptOutcome string

// Receipt outcomes.
const (
	// ReceiptApplied: the delivery took the receipt's status and the
	// receipt is on its timeline.
	ReceiptApplied ReceiptOutcome = "applied"
	// ReceiptDuplicate: this very report was applied before.
	ReceiptDuplicate ReceiptOutcome = "duplicate"
	// ReceiptStale: the delivery already has the status, or one that
	// outranks it (a delivered receipt arriving after the bounce).
	ReceiptStale ReceiptOutcome = "stale"
	// ReceiptNotSent: the delivery never went to a provider (suppressed,
	// canceled, dark launched, ...), so no receipt can be about it.
	ReceiptNotSent ReceiptOutcome = "not_sent"
)

// receiptRank orders the statuses a receipt may find a delivery in. A
// receipt applies only over a lower rank: bounced and delivered are final
// and beat sent (whenever the worker records it), bounced beats delivered
// (an asynchronous bounce follows the receiving server's acceptance), and
// nothing undoes a bounce. A delivery still being sent, waiting to retry
// or failed may have reached the provider all the same (a lost response),
// so a receipt applies to it too; the worker's later outcome then leaves
// the receipt's status alone (UpdateDeliveryEvents).
var receiptRank = map[DeliveryStatus]int{
	DeliveryQueued: 0, DeliveryScheduled: 0, DeliverySending: 0, DeliveryFailed: 0,
	DeliverySent: 1, DeliveryDelivered: 2, DeliveryBounced: 3,
}

// ReceiptApplies says what a receipt of status next does to a delivery in
// status cur.
func ReceiptApplies(cur, next DeliveryStatus) ReceiptOutcome {
	from, ok := receiptRank[cur]
	if !ok {
		return ReceiptNotSent
	}
	if receiptRank[next] <= from {
		return ReceiptStale
	}
	return ReceiptApplied
}

// ApplyReceipt records r on its delivery, under the delivery's row lock so
// that concurrent receipts apply one after the other: the delivery moves
// to r.Status and r is appended to its timeline, unless ReceiptApplies or
// a repeated ReceiptID says otherwise. It returns what it did and the
// delivery as it found it. ErrNotFound means no such delivery.
func (q *Queries) ApplyReceipt(ctx context.Context, r Receipt) (ReceiptOutcome, *Delivery, error) {
	if r.Status != DeliveryDelivered && r.Status != DeliveryBounced {
		return "", nil, fmt.Errorf("store: apply receipt: %q is not a receipt status", r.Status)
	}
	details, err := marshalDetails(r.Details)
	if err != nil {
		return "", nil, fmt.Errorf("store: apply receipt: %w", err)
	}
	var (
		outcome ReceiptOutcome
		del     *Delivery
	)
	err = pgx.BeginFunc(ctx, q.db, func(tx pgx.Tx) error {
		var err error
		if del, err = scanDelivery(tx.QueryRow(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE id = $1 FOR UPDATE`, r.DeliveryID)); err != nil {
			return err
		}
		if r.ReceiptID != "" {
			var seen bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM delivery_events WHERE delivery_id = $1 AND receipt_id = $2)`,
				r.DeliveryID, r.ReceiptID).Scan(&seen); err != nil {
				return err
			}
			if seen {
				outcome = ReceiptDuplicate
				return nil
			}
		}
		if outcome = ReceiptApplies(del.Status, r.Status); outcome != ReceiptApplied {
			return nil
		}
		typ := EventDelivered
		if r.Status == DeliveryBounced {
			typ = EventBounced
		}
		_, err = tx.Exec(ctx, `
			WITH updated AS (
				UPDATE deliveries SET status = $2, reason = $3,
					last_error = CASE WHEN $2 = 'bounced' THEN $5 ELSE last_error END,
					provider = CASE WHEN provider = '' THEN $4 ELSE provider END, updated_at = now()
				WHERE id = $1
			)
			INSERT INTO delivery_events (tenant_id, notification_id, delivery_id, type, status, reason, provider, message, details, receipt_id)
			VALUES ($6, $7, $1, $8, $2, $3, $4, $5, $9, NULLIF($10, ''))`,
			r.DeliveryID, r.Status, r.Reason, r.Provider, r.Message, del.TenantID, del.NotificationID, typ, details, r.ReceiptID)
		return err
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return "", nil, err
		}
		return "", nil, fmt.Errorf("store: apply receipt: %w", err)
	}
	return outcome, del, nil
}

// Engagement is something the recipient did with a delivery: opened it,
// clicked a link, read it, or reported it as spam.
type Engagement struct {
	DeliveryID uuid.UUID
	// Type is EventOpened, EventClicked, EventRead or EventComplained.
	Type     string
	Provider string
	Message  string
	// Link is the link clicked, for EventClicked.
	Link string
	// At is when it happened, if the reporter knows better than now.
	At *time.Time
	// ReceiptID is the provider's id of the report; a repeat is dropped.
	ReceiptID string
	Details   map[string]any
}

// RecordEngagement appends e to its delivery's timeline and, the first
// time, marks the delivery opened (an open, a read or a click: a click
// implies an open), clicked or complained, which GetStats counts. It
// reports false when e repeats a report already recorded. ErrNotFound
// means no such delivery.
func (q *Queries) RecordEngagement(ctx context.Context, e Engagement) (bool, error) {
	var opened, clicked, complained bool
	switch e.Type {
	case EventOpened, EventRead:
		opened = true
	case EventClicked:
		opened, clicked = true, true
	case EventComplained:
		complained = true
	default:
		return false, fmt.Errorf("store: record engagement: %q is not an engagement event", e.Type)
	}
	d := map[string]any{}
	for k, v := range e.Details {
		d[k] = v
	}
	if e.Link != "" {
		d["link"] = e.Link
	}
	if e.At != nil {
		d["occurTime"] = e.At.UTC().Format(time.RFC3339Nano)
	}
	details, err := marshalDetails(d)
	if err != nil {
		return false, fmt.Errorf("store: record engagement: %w", err)
	}
	var inserted, found int
	err = q.db.QueryRow(ctx, `
		WITH del AS (
			SELECT id, tenant_id, notification_id, status FROM deliveries WHERE id = $1
		), ins AS (
			INSERT INTO delivery_events (tenant_id, notification_id, delivery_id, type, status, provider, message, details, receipt_id)
			SELECT tenant_id, notification_id, id, $2, status, $3, $4, $5, NULLIF($6, '') FROM del
			ON CONFLICT (delivery_id, receipt_id) WHERE receipt_id IS NOT NULL DO NOTHING
			RETURNING delivery_id
		), marked AS (
			UPDATE deliveries SET
				opened_at = CASE WHEN $7 THEN coalesce(opened_at, now()) ELSE opened_at END,
				clicked_at = CASE WHEN $8 THEN coalesce(clicked_at, now()) ELSE clicked_at END,
				complained_at = CASE WHEN $9 THEN coalesce(complained_at, now()) ELSE complained_at END
			WHERE id IN (SELECT delivery_id FROM ins)
				AND (($7 AND opened_at IS NULL) OR ($8 AND clicked_at IS NULL) OR ($9 AND complained_at IS NULL))
		)
		SELECT (SELECT count(*) FROM ins), (SELECT count(*) FROM del)`,
		e.DeliveryID, e.Type, e.Provider, e.Message, details, e.ReceiptID, opened, clicked, complained).Scan(&inserted, &found)
	if err != nil {
		return false, fmt.Errorf("store: record engagement: %w", err)
	}
	if found == 0 {
		return false, fmt.Errorf("delivery %s: %w", e.DeliveryID, ErrNotFound)
	}
	return inserted > 0, nil
}

func marshalDetails(d map[string]any) ([]byte, error) {
	if len(d) == 0 {
		return nil, nil
	}
	return json.Marshal(d)
}
