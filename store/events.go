package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// eventRow is an event as InsertEvents sends it, one JSON record per row.
type eventRow struct {
	TenantID       uuid.UUID      `json:"tenant_id"`
	NotificationID uuid.UUID      `json:"notification_id"`
	DeliveryID     uuid.UUID      `json:"delivery_id"`
	Type           string         `json:"type"`
	Status         DeliveryStatus `json:"status"`
	Reason         string         `json:"reason"`
	Attempt        int            `json:"attempt"`
	Provider       string         `json:"provider"`
	ResponseCode   int            `json:"response_code"`
	LatencyUS      int64          `json:"latency_us"`
	Message        string         `json:"message"`
	Details        map[string]any `json:"details"`
}

// InsertEvents appends events to their deliveries' timelines, in order.
func (q *Queries) InsertEvents(ctx context.Context, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	if len(events) >= copyMin {
		// COPY keeps the rows' order, and so the ids' order.
		rows := make([][]any, len(events))
		for i, e := range events {
			var details []byte
			if e.Details != nil {
				var err error
				if details, err = json.Marshal(e.Details); err != nil {
					return fmt.Errorf("store: insert events: %w", err)
				}
			}
			rows[i] = []any{[16]byte(e.TenantID), [16]byte(e.NotificationID), [16]byte(e.DeliveryID), e.Type, string(e.Status), e.Reason, e.Attempt,
				e.Provider, e.ResponseCode, e.Latency.Microseconds(), e.Message, details}
		}
		if _, err := q.db.CopyFrom(ctx, pgx.Identifier{"delivery_events"}, eventCopyColumns, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("store: insert events: %w", err)
		}
		return nil
	}
	records, err := eventRecords(events)
	if err != nil {
		return fmt.Errorf("store: insert events: %w", err)
	}
	if _, err := q.db.Exec(ctx, insertEventsSQL("$1"), records); err != nil {
		return fmt.Errorf("store: insert events: %w", err)
	}
	return nil
}

var eventCopyColumns = []string{"tenant_id", "notification_id", "delivery_id", "type", "status", "reason", "attempt",
	"provider", "response_code", "latency_us", "message", "details"}

// eventRecords encodes events as the JSON array insertEventsSQL reads.
func eventRecords(events []Event) ([]byte, error) {
	rows := make([]eventRow, len(events))
	for i, e := range events {
		rows[i] = eventRow{
			TenantID: e.TenantID, NotificationID: e.NotificationID, DeliveryID: e.DeliveryID, Type: e.Type,
			Status: e.Status, Reason: e.Reason, Attempt: e.Attempt, Provider: e.Provider,
			ResponseCode: e.ResponseCode, LatencyUS: e.Latency.Microseconds(), Message: e.Message, Details: e.Details,
		}
	}
	return json.Marshal(rows)
}

// insertEventsSQL inserts the events of the JSON array in param, in order.
func insertEventsSQL(param string) string {
	return `INSERT INTO delivery_events (tenant_id, notification_id, delivery_id, type, status, reason, attempt, provider,
			response_code, latency_us, message, details)
		SELECT tenant_id, notification_id, delivery_id, type, status, reason, attempt, provider,
			response_code, latency_us, message, details
		FROM ROWS FROM (jsonb_to_recordset(` + param + `::jsonb) AS (tenant_id uuid, notification_id uuid, delivery_id uuid,
			type text, status text, reason text, attempt int, provider text, response_code int, latency_us bigint,
			message text, details jsonb)) WITH ORDINALITY
		ORDER BY ordinality`
}

// eventColumns are the delivery_events columns (as e) scanEvent reads.
const eventColumns = `e.id, e.tenant_id, e.notification_id, e.delivery_id, e.type, e.status, e.reason, e.attempt,
	e.provider, e.response_code, e.latency_us, e.message, e.details, e.created_at`

// scanEvent scans eventColumns into e, then extra.
func scanEvent(row pgx.Row, e *Event, extra ...any) error {
	var (
		latency int64
		details []byte
	)
	dest := append([]any{&e.ID, &e.TenantID, &e.NotificationID, &e.DeliveryID, &e.Type, &e.Status, &e.Reason, &e.Attempt,
		&e.Provider, &e.ResponseCode, &latency, &e.Message, &details, &e.CreatedAt}, extra...)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	e.Latency = durationFromMicros(latency)
	if details != nil {
		if err := json.Unmarshal(details, &e.Details); err != nil {
			return fmt.Errorf("event %d details: %w", e.ID, err)
		}
	}
	return nil
}

// ListNotificationEvents returns every event of the notification's
// deliveries, oldest first.
func (q *Queries) ListNotificationEvents(ctx context.Context, notificationID uuid.UUID) ([]Event, error) {
	rows, err := q.db.Query(ctx, `SELECT `+eventColumns+` FROM delivery_events e WHERE e.notification_id = $1 ORDER BY e.id`, notificationID)
	if err != nil {
		return nil, fmt.Errorf("store: list events: %w", err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		if err := scanEvent(rows, &e); err != nil {
			return nil, fmt.Errorf("store: list events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list events: %w", err)
	}
	return out, nil
}

func durationFromMicros(us int64) time.Duration { return time.Duration(us) * time.Microsecond }
