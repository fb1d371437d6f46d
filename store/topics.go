package store

import (
	"context"
	"fmt"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
)

// MissingRecipientsError is returned by Subscribe when some recipients do
// not exist; nothing was subscribed.
type MissingRecipientsError struct {
	IDs []string
}

func (e *MissingRecipientsError) Error() string {
	return fmt.Sprintf("store: %d recipients do not exist: %v", len(e.IDs), e.IDs)
}

// Is makes a MissingRecipientsError an ErrNotFound.
func (e *MissingRecipientsError) Is(target error) bool { return target == ErrNotFound }

// Subscribe subscribes the tenant's recipients ids to topic and returns how
// many were not subscribed before. If any recipient does not exist it
// subscribes none and returns a *MissingRecipientsError.
func (q *Queries) Subscribe(ctx context.Context, tenantID uuid.UUID, topic string, ids []string) (int, error) {
	var (
		added   int
		missing []string
	)
	err := q.db.QueryRow(ctx, `
		WITH ids AS (SELECT DISTINCT unnest($3::text[]) AS id),
		missing AS (
			SELECT id FROM ids WHERE NOT EXISTS (SELECT 1 FROM recipients r WHERE r.tenant_id = $1 AND r.id = ids.id)
		),
		added AS (
			INSERT INTO topic_subscriptions (tenant_id, topic, recipient_id)
			SELECT $1, $2, id FROM ids WHERE NOT EXISTS (SELECT 1 FROM missing)
			ON CONFLICT DO NOTHING
			RETURNING 1
		)
		SELECT (SELECT count(*) FROM added), coalesce((SELECT array_agg(id ORDER BY id) FROM missing), '{}')`,
		tenantID, topic, ids).Scan(&added, &missing)
	if err != nil {
		return 0, fmt.Errorf("store: subscribe: %w", err)
	}
	if len(missing) > 0 {
		return 0, &MissingRecipientsError{IDs: missing}
	}
	return added, nil
}

// Unsubscribe removes the tenant's recipients ids from topic and returns
// how many were subscribed.
func (q *Queries) Unsubscribe(ctx context.Context, tenantID uuid.UUID, topic string, ids []string) (int, error) {
	tag, err := q.db.Exec(ctx, `DELETE FROM topic_subscriptions USING unnest($3::text[]) AS want(rid)
		WHERE tenant_id = $1 AND topic = $2 AND recipient_id = want.rid`,
		tenantID, topic, ids)
	if err != nil {
		return 0, fmt.Errorf("store: unsubscribe: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// TopicSubscribers returns up to limit of the topic's subscribers whose
// ids sort after after, in id order: pages for ListSubscribers, and chunks
// for a topic's fan-out.
func (q *Queries) TopicSubscribers(ctx context.Context, tenantID uuid.UUID, topic, after string, limit int) ([]string, error) {
	rows, err := q.db.Query(ctx, `
		SELECT recipient_id FROM topic_subscriptions
		WHERE tenant_id = $1 AND topic = $2 AND recipient_id > $3
		ORDER BY recipient_id LIMIT $4`, tenantID, topic, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: topic subscribers: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store: topic subscribers: %w", err)
	}
	return ids, nil
}

// TopicRange returns the topic's subscribers with ids in (after, through],
// or after after when through is empty: one chunk of a topic's fan-out.
func (q *Queries) TopicRange(ctx context.Context, tenantID uuid.UUID, topic, after, through string) ([]string, error) {
	rows, err := q.db.Query(ctx, `
		SELECT recipient_id FROM topic_subscriptions
		WHERE tenant_id = $1 AND topic = $2 AND recipient_id > $3 AND ($4 = '' OR recipient_id <= $4)
		ORDER BY recipient_id`, tenantID, topic, after, through)
	if err != nil {
		return nil, fmt.Errorf("store: topic range: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store: topic range: %w", err)
	}
	return ids, nil
}

// TopicBounds splits the topic's subscribers, in id order, into chunks of
// size and returns the last id of each full chunk: chunk i holds the ids
// after bound i-1 up to bound i, and a last chunk those after the last
// bound.
func (q *Queries) TopicBounds(ctx context.Context, tenantID uuid.UUID, topic string, size int) ([]string, error) {
	rows, err := q.db.Query(ctx, `
		SELECT recipient_id FROM (
			SELECT recipient_id, row_number() OVER (ORDER BY recipient_id) AS n
			FROM topic_subscriptions WHERE tenant_id = $1 AND topic = $2
		) s WHERE n % $3 = 0 ORDER BY recipient_id`, tenantID, topic, size)
	if err != nil {
		return nil, fmt.Errorf("store: topic bounds: %w", err)
	}
	bounds, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store: topic bounds: %w", err)
	}
	return bounds, nil
}

// Subscriptions returns the topics the tenant's recipient is subscribed
// to, in order.
func (q *Queries) Subscriptions(ctx context.Context, tenantID uuid.UUID, recipientID string) ([]string, error) {
	rows, err := q.db.Query(ctx, `SELECT topic FROM topic_subscriptions WHERE tenant_id = $1 AND recipient_id = $2 ORDER BY topic`,
		tenantID, recipientID)
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	topics, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store: subscriptions: %w", err)
	}
	return topics, nil
}
