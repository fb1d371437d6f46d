package store

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// notificationColumns are read with derivedStatus, so that a processing
// notification whose deliveries are all final reads as completed.
const notificationColumns = `n.id, n.tenant_id, n.message_type, n.message_type_version, n.priority, n.recipient_ids,
	n.data, coalesce(n.idempotency_key, ''), n.request_hash, n.send_at, ` + derivedStatus + `, n.fanout_cursor,
	n.created_at, n.canceled_at, n.canceled_by, n.dedupe_key, n.digest, n.topic, n.fanout_after, n.fanout_pending`

const derivedStatus = `CASE WHEN n.status = 'processing' AND NOT EXISTS (
		SELECT 1 FROM deliveries d WHERE d.notification_id = n.id AND d.status IN ('queued', 'scheduled', 'sending')
	) THEN 'completed' ELSE n.status END`

// InsertNotification inserts n unless the tenant already has a notification
// with n's idempotency key, and reports whether it inserted. Concurrent
// inserts with one key wait for each other, so exactly one wins.
func (q *Queries) InsertNotification(ctx context.Context, n *Notification) (bool, error) {
	var key *string
	if n.IdempotencyKey != "" {
		key = &n.IdempotencyKey
	}
	rows, err := q.db.Query(ctx, `
		INSERT INTO notifications (id, tenant_id, message_type, message_type_version, priority, recipient_ids, data,
			idempotency_key, request_hash, send_at, status, dedupe_key, digest)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
		RETURNING created_at`,
		n.ID, n.TenantID, n.MessageType, n.MessageTypeVersion, n.Priority, n.RecipientIDs, n.Data,
		key, n.RequestHash, n.SendAt, n.Status, n.DedupeKey, n.Digest)
	if err != nil {
		return false, fmt.Errorf("store: insert notification: %w", err)
	}
	created, err := pgx.CollectRows(rows, pgx.RowTo[time.Time])
	if err != nil {
		return false, fmt.Errorf("store: insert notification: %w", err)
	}
	if len(created) == 0 {
		return false, nil
	}
	n.CreatedAt = created[0]
	return true, nil
}

// notificationRow is a notification as InsertNotifications sends it.
type notificationRow struct {
	ID                 uuid.UUID          `json:"id"`
	TenantID           uuid.UUID          `json:"tenant_id"`
	MessageType        string             `json:"message_type"`
	MessageTypeVersion int                `json:"message_type_version"`
	Priority           Priority           `json:"priority"`
	RecipientIDs       []string           `json:"recipient_ids"`
	Data               json.RawMessage    `json:"data"`
	IdempotencyKey     *string            `json:"idempotency_key"`
	FanoutCursor       int                `json:"fanout_cursor"`
	Topic              string             `json:"topic"`
	RequestHash        string             `json:"request_hash"`
	SendAt             *time.Time         `json:"send_at"`
	Status             NotificationStatus `json:"status"`
	DedupeKey          string             `json:"dedupe_key"`
	Digest             bool               `json:"digest"`
}

// FanoutJob is a River job that InsertNotifications writes together with
// the notifications it names, in the same statement.
type FanoutJob struct {
	Kind        string `json:"kind"`
	Queue       string `json:"queue"`
	Priority    int16  `json:"priority"`
	MaxAttempts int16  `json:"max_attempts"`
	// ScheduledAt is when the job is due; nil for now.
	ScheduledAt *time.Time `json:"scheduled_at"`
	// Metadata is the job's JSON metadata; nil for none.
	Metadata json.RawMessage `json:"metadata,omitempty"`
	// Arg is the args field naming the notifications: their ids as a list
	// if Many, else the one id.
	Arg  string `json:"arg"`
	Many bool   `json:"many"`
	// NotificationIDs are the notifications the job is for; only those the
	// statement inserts end up in its args, and with none the job is not
	// written.
	NotificationIDs []uuid.UUID `json:"notification_ids"`
}

// InsertNotifications inserts ns and their fan-out jobs in one statement —
// one round trip and, outside a transaction, one commit — skipping the
// notifications whose tenant already has one with their idempotency key (an
// earlier one of ns included) and those whose message type version is no
// longer the current one (the caller's copy was stale). It sets CreatedAt
// on the ones it inserted, which it reports by id. Concurrent inserts with
// one key wait for each other, so exactly one wins.
//
// The jobs are rows of River's river_job table, written as River's own
// insert writes them. With notify, the statement also sends their queues
// River's insert notification, so their workers fetch at once when the
// transaction commits; without, the caller sends it (NotifyJobsInserted)
// or the workers find the jobs when they next poll.
func (q *Queries) InsertNotifications(ctx context.Context, ns []*Notification, jobs []FanoutJob, notify bool) (map[uuid.UUID]bool, error) {
	rows := make([]notificationRow, len(ns))
	for i, n := range ns {
		rows[i] = notificationRow{
			ID: n.ID, TenantID: n.TenantID, MessageType: n.MessageType, MessageTypeVersion: n.MessageTypeVersion,
			Priority: n.Priority, RecipientIDs: nonNil(n.RecipientIDs), Data: n.Data, RequestHash: hex.EncodeToString(n.RequestHash),
			SendAt: n.SendAt, Status: n.Status, DedupeKey: n.DedupeKey, Digest: n.Digest, FanoutCursor: n.FanoutCursor, Topic: n.Topic,
		}
		if n.IdempotencyKey != "" {
			rows[i].IdempotencyKey = &n.IdempotencyKey
		}
		if len(rows[i].Data) == 0 {
			rows[i].Data = json.RawMessage(`{}`)
		}
	}
	records, err := json.Marshal(rows)
	if err != nil {
		return nil, fmt.Errorf("store: insert notifications: %w", err)
	}
	if jobs == nil {
		jobs = []FanoutJob{}
	}
	jobRecords, err := json.Marshal(jobs)
	if err != nil {
		return nil, fmt.Errorf("store: insert notifications: %w", err)
	}
	sql := insertNotificationsSQL + `SELECT id, created_at FROM ins`
	if notify {
		sql = insertNotificationsSQL + `, notified AS (` + notifyInsertSQL + `)
			SELECT ins.id, ins.created_at FROM ins, (SELECT count(*) FROM notified) n`
	}
	result, err := q.db.Query(ctx, sql, records, jobRecords)
	if err != nil {
		return nil, fmt.Errorf("store: insert notifications: %w", err)
	}
	created := map[uuid.UUID]time.Time{}
	var (
		id uuid.UUID
		at time.Time
	)
	if _, err := pgx.ForEachRow(result, []any{&id, &at}, func() error { created[id] = at; return nil }); err != nil {
		return nil, fmt.Errorf("store: insert notifications: %w", err)
	}
	inserted := make(map[uuid.UUID]bool, len(created))
	for _, n := range ns {
		if at, ok := created[n.ID]; ok {
			n.CreatedAt, inserted[n.ID] = at, true
		}
	}
	return inserted, nil
}

// insertNotificationsSQL is the start of InsertNotifications' statement,
// its CTEs ins and jobs. The job rows follow River's JobInsertFastMany
// (riverpgxv5) for jobs that are not unique.
const insertNotificationsSQL = `
	WITH ins AS (
		INSERT INTO notifications (id, tenant_id, message_type, message_type_version, priority, recipient_ids, data,
			idempotency_key, request_hash, send_at, status, dedupe_key, digest, fanout_cursor, topic)
		SELECT r.id, r.tenant_id, r.message_type, r.message_type_version, r.priority, r.recipient_ids, r.data,
			r.idempotency_key, decode(r.request_hash, 'hex'), r.send_at, r.status, r.dedupe_key, r.digest, r.fanout_cursor, r.topic
		FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id uuid, tenant_id uuid, message_type text,
			message_type_version int, priority text, recipient_ids text[], data jsonb, idempotency_key text,
			request_hash text, send_at timestamptz, status text, dedupe_key text, digest boolean,
			fanout_cursor int, topic text)) WITH ORDINALITY r
		JOIN message_types m ON m.tenant_id = r.tenant_id AND m.key = r.message_type AND m.version = r.message_type_version
		ORDER BY r.ordinality
		ON CONFLICT (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
		RETURNING id, created_at
	), jobs AS (
		INSERT INTO river_job (args, kind, max_attempts, metadata, priority, queue, scheduled_at, state, tags)
		SELECT CASE WHEN j.many THEN jsonb_build_object(j.arg, a.ids) ELSE jsonb_build_object(j.arg, a.ids->0) END,
			j.kind, j.max_attempts, coalesce(j.metadata, '{}'), j.priority, j.queue, coalesce(j.scheduled_at, now()),
			CASE WHEN j.scheduled_at > now() THEN 'scheduled' ELSE 'available' END::river_job_state, '{}'
		FROM jsonb_to_recordset($2::jsonb) AS j (kind text, queue text, priority smallint, max_attempts smallint,
			scheduled_at timestamptz, metadata jsonb, arg text, many boolean, notification_ids uuid[])
		CROSS JOIN LATERAL (
			SELECT jsonb_agg(ins.id ORDER BY want.n) AS ids
			FROM unnest(j.notification_ids) WITH ORDINALITY AS want (id, n) JOIN ins ON ins.id = want.id
		) a
		WHERE a.ids IS NOT NULL
		RETURNING queue
	)
`

// notifyInsertSQL sends River's insert notification — topic
// "<schema>.river_insert", payload {"queue": ...} — to each distinct queue
// of the rows of jobs.
const notifyInsertSQL = `SELECT pg_notify(current_schema() || '.river_insert', json_build_object('queue', queue)::text)
	FROM (SELECT DISTINCT queue FROM jobs) q`

// NotifyJobsInserted sends River's insert notification to queues, so that
// their workers fetch the jobs just committed to them at once.
func (q *Queries) NotifyJobsInserted(ctx context.Context, queues []string) error {
	if _, err := q.db.Exec(ctx, `WITH jobs AS (SELECT unnest($1::text[]) AS queue) `+notifyInsertSQL, queues); err != nil {
		return fmt.Errorf("store: notify jobs inserted: %w", err)
	}
	return nil
}

// GetNotificationsByIdempotencyKeys returns the tenant's notifications
// holding keys, by key.
func (q *Queries) GetNotificationsByIdempotencyKeys(ctx context.Context, tenantID uuid.UUID, keys []string) (map[string]*Notification, error) {
	rows, err := q.db.Query(ctx, `SELECT `+notificationColumns+` FROM unnest($2::text[]) AS want(k)
		JOIN notifications n ON n.tenant_id = $1 AND n.idempotency_key = want.k`, tenantID, keys)
	if err != nil {
		return nil, fmt.Errorf("store: notifications by key: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Notification, error) { return scanNotification(r) })
	if err != nil {
		return nil, fmt.Errorf("store: notifications by key: %w", err)
	}
	out := make(map[string]*Notification, len(list))
	for _, n := range list {
		out[n.IdempotencyKey] = n
	}
	return out, nil
}

// GetNotificationByIdempotencyKey returns the tenant's notification that
// holds key.
func (q *Queries) GetNotificationByIdempotencyKey(ctx context.Context, tenantID uuid.UUID, key string) (*Notification, error) {
	return scanNotification(q.db.QueryRow(ctx, `SELECT `+notificationColumns+` FROM notifications n WHERE n.tenant_id = $1 AND n.idempotency_key = $2`, tenantID, key))
}

// GetNotification returns the tenant's notification with id.
func (q *Queries) GetNotification(ctx context.Context, tenantID, id uuid.UUID) (*Notification, error) {
	return scanNotification(q.db.QueryRow(ctx, `SELECT `+notificationColumns+` FROM notifications n WHERE n.tenant_id = $1 AND n.id = $2`, tenantID, id))
}

// LockNotification returns the notification with id, locked for the rest of
// the transaction. Jobs use it; it does not check the tenant.
func (q *Queries) LockNotification(ctx context.Context, id uuid.UUID) (*Notification, error) {
	return scanNotification(q.db.QueryRow(ctx, `SELECT `+notificationColumns+` FROM notifications n WHERE n.id = $1 FOR UPDATE`, id))
}

// LockNotifications returns the notifications with ids, locked for the rest
// of the transaction in id order (so two lockers cannot deadlock). Jobs use
// it; it does not check the tenant.
func (q *Queries) LockNotifications(ctx context.Context, ids []uuid.UUID) ([]*Notification, error) {
	rows, err := q.db.Query(ctx, `SELECT `+notificationColumns+` FROM notifications n WHERE n.id = ANY($1) ORDER BY n.id FOR UPDATE`, ids)
	if err != nil {
		return nil, fmt.Errorf("store: lock notifications: %w", err)
	}
	ns, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Notification, error) { return scanNotification(r) })
	if err != nil {
		return nil, fmt.Errorf("store: lock notifications: %w", err)
	}
	return ns, nil
}

// FinishFanouts records that the notifications' every listed recipient was
// fanned out.
func (q *Queries) FinishFanouts(ctx context.Context, ids []uuid.UUID) error {
	_, err := q.db.Exec(ctx, `UPDATE notifications SET status = 'processing', fanout_cursor = cardinality(recipient_ids)
		WHERE id = ANY($1) AND status <> 'canceled'`, ids)
	if err != nil {
		return fmt.Errorf("store: finish fanouts: %w", err)
	}
	return nil
}

// FinishFanout records that the notification's every recipient was fanned
// out by one transaction: recipients of them, after being the last of a
// topic's.
func (q *Queries) FinishFanout(ctx context.Context, id uuid.UUID, recipients int, after string) error {
	_, err := q.db.Exec(ctx, `UPDATE notifications SET fanout_cursor = fanout_cursor + $2, fanout_after = $3, status = 'processing'
		WHERE id = $1 AND status <> 'canceled'`, id, recipients, after)
	if err != nil {
		return fmt.Errorf("store: finish fanout: %w", err)
	}
	return nil
}

// PlanFanout records that the notification's fan-out was split into chunks
// jobs, none done yet.
func (q *Queries) PlanFanout(ctx context.Context, id uuid.UUID, chunks int) error {
	_, err := q.db.Exec(ctx, `UPDATE notifications SET fanout_pending = $2, status = 'accepted' WHERE id = $1`, id, chunks)
	if err != nil {
		return fmt.Errorf("store: plan fanout: %w", err)
	}
	return nil
}

// FinishFanoutChunk records one chunk of recipients fanned out; the last
// chunk marks the notification processing. It reports false, changing
// nothing, when the notification was canceled: the caller rolls its chunk
// back. Its row lock orders it with a concurrent cancel, which locks the
// notification before canceling deliveries.
func (q *Queries) FinishFanoutChunk(ctx context.Context, id uuid.UUID, recipients int) (bool, error) {
	tag, err := q.db.Exec(ctx, `
		UPDATE notifications SET fanout_cursor = fanout_cursor + $2, fanout_pending = fanout_pending - 1,
			status = CASE WHEN fanout_pending = 1 THEN 'processing' ELSE status END
		WHERE id = $1 AND status <> 'canceled'`, id, recipients)
	if err != nil {
		return false, fmt.Errorf("store: finish fanout chunk: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// MarkNotificationCanceled marks the tenant's notification canceled by who,
// keeping the first cancellation's time and author.
func (q *Queries) MarkNotificationCanceled(ctx context.Context, tenantID, id uuid.UUID, who string) error {
	_, err := q.db.Exec(ctx, `
		UPDATE notifications SET status = 'canceled', canceled_at = coalesce(canceled_at, now()),
			canceled_by = CASE WHEN canceled_at IS NULL THEN $3 ELSE canceled_by END
		WHERE tenant_id = $1 AND id = $2`, tenantID, id, who)
	if err != nil {
		return fmt.Errorf("store: cancel notification: %w", err)
	}
	return nil
}

// ListNotificationsParams filters and pages ListNotifications. Zero fields
// do not filter.
type ListNotificationsParams struct {
	TenantID       uuid.UUID
	MessageType    string
	RecipientID    string
	Status         NotificationStatus
	DeliveryStatus DeliveryStatus
	Start, End     time.Time
	// Page after this (created_at, id) position, newest first.
	BeforeTime time.Time
	BeforeID   uuid.UUID
	Limit      int
}

// ListNotifications returns the tenant's notifications, newest first.
func (q *Queries) ListNotifications(ctx context.Context, p ListNotificationsParams) ([]*Notification, error) {
	var (
		where = []string{"n.tenant_id = $1"}
		args  = []any{p.TenantID}
	)
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	if p.MessageType != "" {
		where = append(where, "n.message_type = "+arg(p.MessageType))
	}
	if p.RecipientID != "" {
		r := arg(p.RecipientID)
		where = append(where, fmt.Sprintf(`(EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = n.id AND d.recipient_id = %[1]s)
			OR (n.status <> 'processing' AND n.recipient_ids @> ARRAY[%[1]s]::text[]))`, r))
	}
	if p.Status != "" {
		where = append(where, derivedStatus+" = "+arg(p.Status))
	}
	if p.DeliveryStatus != "" {
		where = append(where, "EXISTS (SELECT 1 FROM deliveries d WHERE d.notification_id = n.id AND d.status = "+arg(p.DeliveryStatus)+")")
	}
	if !p.Start.IsZero() {
		where = append(where, "n.created_at >= "+arg(p.Start))
	}
	if !p.End.IsZero() {
		where = append(where, "n.created_at < "+arg(p.End))
	}
	if !p.BeforeTime.IsZero() {
		where = append(where, fmt.Sprintf("(n.created_at, n.id) < (%s, %s)", arg(p.BeforeTime), arg(p.BeforeID)))
	}
	sql := `SELECT ` + notificationColumns + ` FROM notifications n WHERE ` + strings.Join(where, " AND ") +
		` ORDER BY n.created_at DESC, n.id DESC LIMIT ` + arg(p.Limit)
	rows, err := q.db.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list notifications: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*Notification, error) { return scanNotification(r) })
	if err != nil {
		return nil, fmt.Errorf("store: list notifications: %w", err)
	}
	return out, nil
}

func scanNotification(row pgx.Row) (*Notification, error) {
	var n Notification
	err := row.Scan(&n.ID, &n.TenantID, &n.MessageType, &n.MessageTypeVersion, &n.Priority, &n.RecipientIDs,
		&n.Data, &n.IdempotencyKey, &n.RequestHash, &n.SendAt, &n.Status, &n.FanoutCursor,
		&n.CreatedAt, &n.CanceledAt, &n.CanceledBy, &n.DedupeKey, &n.Digest, &n.Topic, &n.FanoutAfter, &n.FanoutPending)
	if err != nil {
		return nil, notFound(err, "notification")
	}
	return &n, nil
}
